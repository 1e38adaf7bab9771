import { executeServerCommand } from '@web/test-runner-commands';
import { createHttpStore, type HttpStore, type HttpStoreOptions } from '../../src/storage/http.js';

export type Database = 'sqlite' | 'postgres';

export interface TestServer {
  id: number;
  /** The API root, e.g. http://127.0.0.1:41234/api */
  url: string;
}

const running: TestServer[] = [];
const opened: HttpStore[] = [];

/** Enough for the contract's 10,000-record round trip from one client. */
export const UNLIMITED_WRITES = { OFF_WRITES_PER_CLIENT: '1000000', OFF_WRITES_PER_EVENT: '1000000' };

/** A real server process on a fresh, empty database (see scripts/test-servers.js); stopped after the test. */
export async function startServer(database: Database, env: Record<string, string> = UNLIMITED_WRITES): Promise<TestServer> {
  const server = (await executeServerCommand('off-server', { action: 'start', database, env })) as TestServer;
  running.push(server);
  return server;
}

/** Kills the process; its data stays for `restartServer`. */
export async function stopServer(server: TestServer): Promise<void> {
  await executeServerCommand('off-server', { action: 'stop', id: server.id });
}

/** Starts it again on the same port and data. */
export async function restartServer(server: TestServer): Promise<void> {
  await executeServerCommand('off-server', { action: 'restart', id: server.id });
}

/** The API root of a forwarding proxy in front of `server`, whose network `cutNetworkAfter` can cut. */
export async function proxyTo(server: TestServer): Promise<string> {
  const { url } = (await executeServerCommand('off-server', { action: 'proxy', id: server.id })) as { url: string };
  return url;
}

/** The next `method` request to a path ending with `pathEnd` is committed by the server, but its answer is lost: the network is cut until `mendNetwork`. */
export async function cutNetworkAfter(server: TestServer, method: string, pathEnd: string): Promise<void> {
  await executeServerCommand('off-server', { action: 'cut-after', id: server.id, method, pathEnd });
}

export async function mendNetwork(server: TestServer): Promise<void> {
  await executeServerCommand('off-server', { action: 'mend', id: server.id });
}

/** The next `method` request to a path ending with `pathEnd` is committed by the server, but its answer is held back until `releaseAnswer`. */
export async function holdAnswerAfter(server: TestServer, method: string, pathEnd: string): Promise<void> {
  await executeServerCommand('off-server', { action: 'hold-after', id: server.id, method, pathEnd });
}

/** Settles once the server answered the request `holdAnswerAfter` named (having committed it, or refused it) and its answer is held. */
export async function answerHeld(server: TestServer): Promise<void> {
  await executeServerCommand('off-server', { action: 'await-held', id: server.id });
}

export async function releaseAnswer(server: TestServer): Promise<void> {
  await executeServerCommand('off-server', { action: 'release', id: server.id });
}

/** The next `method` request to a path ending with `pathEnd` through `server`'s proxy is answered by the proxy: `status`, `{ error: { code } }`. */
export async function refuseNext(server: TestServer, method: string, pathEnd: string, status: number, code: string): Promise<void> {
  await executeServerCommand('off-server', { action: 'refuse-next', id: server.id, method, pathEnd, status, body: { error: { code, message: code } } });
}

/** From now on, `server`'s proxy passes nothing of caching or compression: no Accept-Encoding, If-None-Match, ETag nor X-Off-Cursor. */
export async function stripCaching(server: TestServer): Promise<void> {
  await executeServerCommand('off-server', { action: 'strip-caching', id: server.id });
}

/** Writes `record` into a SQLite server's database as it stands, past the API's checks (a malformed record, as a bug or an old version might leave). */
export async function insertRaw(server: TestServer, kind: string, record: Record<string, unknown>): Promise<void> {
  await executeServerCommand('off-server', { action: 'insert-raw', id: server.id, kind, record });
}

/**
 * A store on `url` that is closed after the test. Its lists wait for what changed since the list kept by an earlier
 * store on the same server, so that a test reads what the server holds (test/storage/http-sync.test.ts tests the default).
 */
export async function openStore(url: string, options: HttpStoreOptions = {}): Promise<HttpStore> {
  const store = createHttpStore(url, { retryBaseMs: 200, showKeptListAfterMs: 30_000, ...options });
  opened.push(store);
  await store.ready();
  return store;
}

afterEach(async () => {
  for (const store of opened.splice(0)) store.close();
  await Promise.all(running.splice(0).map(stopServer));
});
