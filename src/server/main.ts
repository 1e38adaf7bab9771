import { serve } from '@hono/node-server';
import { statSync } from 'node:fs';
import { createServer as createHttpServer, type RequestListener, type Server, type ServerOptions } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type App } from './app.js';
import { ChangeHub } from './change-hub.js';
import type { ServerConfig } from './config.js';
import type { Repository } from './repository.js';
import { SqlRepository } from './sql-repository.js';
import { StartupError, startupStep } from './startup-error.js';
import { Syncer } from './subscriptions/syncer.js';
import { newSecret } from './tokens.js';

const HOUR = 3600_000;
/** Long enough for a phone that queued contributions offline to come back days later. */
const IDEMPOTENCY_KEYS_KEPT_MS = 30 * 24 * HOUR;
/** How long requests in flight may take to finish on shutdown. */
const SHUTDOWN_GRACE_MS = 10_000;

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Only the driver in use is loaded, so a PostgreSQL deployment needs no native SQLite module and vice versa. */
async function openRepository({ databaseUrl, dataDir }: ServerConfig): Promise<Repository> {
  if (databaseUrl) {
    const { PostgresDriver } = await import('./postgres-driver.js');
    return startupStep(
      'Could not use the PostgreSQL database of DATABASE_URL',
      () => 'Check that PostgreSQL is running and that DATABASE_URL (postgres://user:password@host:5432/database) names a database this user may create tables in.',
      () => SqlRepository.open(new PostgresDriver(databaseUrl)),
    );
  }
  const { SqliteDriver } = await import('./sqlite-driver.js');
  return startupStep(
    `Could not use the SQLite database in ${dataDir}`,
    () => '--data (OFF_DATA_DIR) must name a folder that this user may create or write to.',
    () => SqlRepository.open(new SqliteDriver(dataDir)),
  );
}

function listenHint({ code }: NodeJS.ErrnoException): string {
  if (code === 'EADDRINUSE') return 'Another program (another off-layer-server?) uses this port: stop it, or choose another port with --port (PORT).';
  if (code === 'EACCES') return 'Ports below 1024 need privileges: use a higher --port (PORT), behind a reverse proxy.';
  return '--host (HOST) must be an address of this machine, such as 127.0.0.1 or 0.0.0.0.';
}

function listen({ app, fromMemory }: App, { port, host }: ServerConfig): Promise<Server> {
  const createServer = ((options: ServerOptions, listener: RequestListener) =>
    createHttpServer(options, (request, response) => fromMemory(request, response) || listener(request, response))) as typeof createHttpServer;
  return startupStep(
    `Could not listen on ${host}:${port}`,
    listenHint,
    () =>
      new Promise((resolve, reject) => {
        const started = serve({ fetch: app.fetch, port, hostname: host, createServer }, () => resolve(started as Server));
        started.once('error', reject);
      }),
  );
}

/** A mistyped --static would otherwise answer 404 for the whole site, the server seemingly fine. */
function checkStaticDir(dir: string | undefined): void {
  if (dir !== undefined && !statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new StartupError(`There is no folder ${dir} to serve at /.\n--static (OFF_STATIC_DIR) must name the folder of the site's pages.`);
  }
}

export async function startServer(config: ServerConfig, heartbeatMs = 15_000): Promise<RunningServer> {
  checkStaticDir(config.staticDir);
  const repository = await openRepository(config);
  const secret = config.secret ?? (await repository.secret(newSecret()).catch(async (error) => {
    await repository.close();
    throw error;
  }));
  const prune = () => repository.prune(config.changesKeptDays * 24 * HOUR, IDEMPOTENCY_KEYS_KEPT_MS).catch((error) => console.warn(`Pruning failed: ${error.message}`));
  await prune();
  const pruning = setInterval(prune, HOUR);
  const hub = new ChangeHub(repository);
  await hub.start();
  const shutdown = new AbortController();
  const syncer = new Syncer(repository, hub, { feedMonths: config.feedMonths, minIntervalSeconds: config.feedMinIntervalSeconds });
  const app = createApp({ ...config, secret, repository, hub, heartbeatMs, shutdown: shutdown.signal, syncer });

  const server = await listen(app, config).catch(async (error) => {
    // Nothing may keep the process alive: the operator gets the message and the command ends.
    clearInterval(pruning);
    await repository.close();
    throw error;
  });
  syncer.start();
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;

  return {
    url: `http://${host}:${port}`,
    async close() {
      clearInterval(pruning);
      shutdown.abort();
      await syncer.stop();
      await new Promise<void>((resolve) => {
        // Requests in flight finish; keep-alive connections are closed as soon as they fall idle
        // (ended streams included), instead of holding close() open until they time out.
        const closeIdle = setInterval(() => server.closeIdleConnections(), 100);
        const deadline = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
        server.close(() => {
          clearInterval(closeIdle);
          clearTimeout(deadline);
          resolve();
        });
        server.closeIdleConnections();
      });
      await repository.close();
    },
  };
}
