import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { ChangeHub } from './change-hub.js';
import type { ServerConfig } from './config.js';
import type { Repository } from './repository.js';
import { SqlRepository } from './sql-repository.js';

const HOUR = 3600_000;
const CHANGES_KEPT_MS = 24 * HOUR;
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
    return SqlRepository.open(new PostgresDriver(databaseUrl));
  }
  const { SqliteDriver } = await import('./sqlite-driver.js');
  return SqlRepository.open(new SqliteDriver(dataDir));
}

export async function startServer(config: ServerConfig, heartbeatMs = 15_000): Promise<RunningServer> {
  const repository = await openRepository(config);
  const prune = () => repository.prune(CHANGES_KEPT_MS, IDEMPOTENCY_KEYS_KEPT_MS).catch((error) => console.warn(`Pruning failed: ${error.message}`));
  await prune();
  const pruning = setInterval(prune, HOUR);
  const hub = new ChangeHub(repository);
  await hub.start();
  const shutdown = new AbortController();
  const app = createApp({ ...config, repository, hub, heartbeatMs, shutdown: shutdown.signal });

  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(started));
    started.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;

  return {
    url: `http://${host}:${port}`,
    async close() {
      clearInterval(pruning);
      shutdown.abort();
      await new Promise<void>((resolve) => {
        // Requests in flight finish; keep-alive connections are closed as soon as they fall idle
        // (ended streams included), instead of holding close() open until they time out.
        const http = server as Server;
        const closeIdle = setInterval(() => http.closeIdleConnections(), 100);
        const deadline = setTimeout(() => http.closeAllConnections(), SHUTDOWN_GRACE_MS);
        http.close(() => {
          clearInterval(closeIdle);
          clearTimeout(deadline);
          resolve();
        });
        http.closeIdleConnections();
      });
      await repository.close();
    },
  };
}
