#!/usr/bin/env node
// off-layer-server: the reference backend. Its packages are optional peers of
// off-layer (widget users never install them), so check for them before loading.
import { ConfigError, USAGE, readConfig } from './config.js';
import { StartupError } from './startup-error.js';
import { runSubscriptionCommand, SUBSCRIPTION_COMMANDS } from './subscribe-cli.js';

function missingPackages(names: string[]): string[] {
  return names.filter((name) => {
    try {
      import.meta.resolve(name);
      return false;
    } catch {
      return true;
    }
  });
}

async function main(): Promise<number> {
  const [command = '', ...rest] = process.argv.slice(2);
  let config;
  try {
    if (SUBSCRIPTION_COMMANDS.includes(command)) return await runSubscriptionCommand(command, rest, process.env);
    config = readConfig(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`off-layer-server: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (!config) {
    console.log(USAGE);
    return 0;
  }
  const missing = missingPackages(['hono', '@hono/node-server', config.databaseUrl ? 'pg' : 'better-sqlite3']);
  if (missing.length) {
    console.error(
      `off-layer-server needs ${missing.join(', ')}, which widget users do not install.\nInstall ${missing.length > 1 ? 'them' : 'it'} next to off-layer: npm install ${missing.join(' ')}`,
    );
    return 1;
  }

  const { startServer } = await import('./main.js');
  const server = await startServer(config);
  console.log(`off-layer server listening on ${server.url}`);
  console.log(config.databaseUrl ? 'database: PostgreSQL (DATABASE_URL)' : `database: SQLite in ${config.dataDir}`);
  // Both are silent otherwise: a token lost on the way (sudo drops the environment) or a missing origin shows only when used.
  console.log(config.adminToken ? 'moderation: on (OFF_ADMIN_TOKEN)' : 'moderation: off, nobody can hide a record (no OFF_ADMIN_TOKEN)');
  console.log(`pages of other origins that may call the API: ${config.allowedOrigins.join(', ') || 'none (--allowed-origins)'}`);

  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      console.log(`${signal}: closing`);
      resolve();
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  await server.close();
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error instanceof StartupError ? `off-layer-server: ${error.message}` : error);
    process.exitCode = 1;
  },
);
