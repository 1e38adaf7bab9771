// Real reference-server processes for the browser tests of the HTTP store, driven from the
// tests through Web Test Runner's server command `off-server` (no mock of the server).
// Each `start` gets a fresh database: a new data folder (SQLite) or a new PostgreSQL database
// created on the cluster OFF_TEST_DATABASE_URL points at; everything is removed at the end.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverCommand } from './server-command.js';
import { startCuttableProxy } from './test-proxy.js';

const LISTENING = /listening on (http:\/\/\S+)/;
// These tests are about the HTTP store, not the disk: data in memory (tmpfs) and PostgreSQL commits
// without waiting for fsync keep 10,000 writes within the contract's time on a small machine.
const DATA_ROOT = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
const START_TIMEOUT_MS = 30000;

let databaseCount = 0;

async function withPostgres(url, action) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await action(client);
  } finally {
    await client.end();
  }
}

async function freshPostgresDatabase() {
  const clusterUrl = process.env.OFF_TEST_DATABASE_URL;
  if (!clusterUrl) throw new Error('OFF_TEST_DATABASE_URL is not set: the PostgreSQL tests need a PostgreSQL cluster (.ci/run starts one).');
  databaseCount += 1;
  const name = `off_test_${process.pid}_${databaseCount}`;
  await withPostgres(clusterUrl, async (client) => {
    await client.query(`CREATE DATABASE ${name}`);
    await client.query(`ALTER DATABASE ${name} SET synchronous_commit = off`);
  });
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

function launch(server) {
  const args = [...serverCommand(), '--port', String(server.port), '--data', server.dataDir];
  const env = { ...process.env, OFF_ALLOWED_ORIGINS: '*', ...server.env };
  if (server.databaseUrl) env.DATABASE_URL = server.databaseUrl;
  else delete env.DATABASE_URL;
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.process = child;
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('did not start within 30 s')), START_TIMEOUT_MS);
    const fail = (error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`off-layer test server: ${error.message}\n${output}`));
    };
    const collect = (chunk) => {
      output += chunk;
      const match = LISTENING.exec(output);
      if (!match) return;
      clearTimeout(timer);
      // The tests only need to know where it listens; drop the rest of its logs.
      child.stdout.removeAllListeners('data').resume();
      child.stderr.removeAllListeners('data').resume();
      resolve(match[1]);
    };
    child.stdout.setEncoding('utf8').on('data', collect);
    child.stderr.setEncoding('utf8').on('data', collect);
    child.once('exit', (code) => fail(new Error(`exited with ${code}`)));
  }).finally(() => child.removeAllListeners('exit'));
}

function stop(server) {
  const child = server.process;
  server.process = undefined;
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGKILL');
  });
}

/**
 * `executeServerCommand('off-server', payload)` with payload
 * `{ action: 'start', database: 'sqlite' | 'postgres', env? }` → `{ id, url }` (url is the `/api` root),
 * `{ action: 'stop', id }` (kills it; the data is kept), `{ action: 'restart', id }` (same port, same data),
 * `{ action: 'proxy', id }` → `{ url }` of a forwarding proxy in front of it (see test-proxy.js),
 * `{ action: 'cut-after', id, method, pathEnd }` (its proxy loses the answer of the next such request,
 * then cuts the network), `{ action: 'mend', id }` (the network is back), `{ action: 'hold-after', id, method, pathEnd }`
 * (its proxy holds the answer of the next such request), `{ action: 'await-held', id }` (settles once it holds it)
 * `{ action: 'release', id }` (the held answer goes on), `{ action: 'refuse-next', id, method, pathEnd, status, body }`
 * (its proxy answers the next such request itself, with that refusal), `{ action: 'strip-caching', id }` (its proxy
 * passes no compression, ETag nor X-Off-Cursor any more) and `{ action: 'insert-raw', id, kind, record }`
 * (writes `record` into a SQLite server's database as it stands, bypassing the API's checks, and logs it as a change).
 */
export function testServersPlugin() {
  const servers = new Map();
  let nextId = 0;
  // If the runner exits without stopping its plugins (a crash), no server process is left running.
  process.once('exit', () => {
    for (const server of servers.values()) server.process?.kill('SIGKILL');
  });

  const actions = {
    async start({ database = 'sqlite', env = {} }) {
      const server = { port: 0, env, dataDir: mkdtempSync(join(DATA_ROOT, 'off-layer-server-')) };
      nextId += 1;
      const id = nextId;
      // Registered first, so that its folder is removed at the end even if it never starts.
      servers.set(id, server);
      if (database === 'postgres') {
        const created = await freshPostgresDatabase();
        server.databaseName = created.name;
        server.databaseUrl = created.url;
      }
      const origin = await launch(server);
      server.port = Number(new URL(origin).port);
      return { id, url: `${origin}/api` };
    },
    async stop({ id }) {
      await stop(servers.get(id));
      return true;
    },
    async restart({ id }) {
      const server = servers.get(id);
      await stop(server);
      await launch(server);
      return true;
    },
    async proxy({ id }) {
      const server = servers.get(id);
      server.proxy ??= await startCuttableProxy(server.port);
      return { url: `http://127.0.0.1:${server.proxy.port}/api` };
    },
    async 'cut-after'({ id, method, pathEnd }) {
      servers.get(id).proxy.cutAfter(method, pathEnd);
      return true;
    },
    async mend({ id }) {
      servers.get(id).proxy.mend();
      return true;
    },
    async 'hold-after'({ id, method, pathEnd }) {
      servers.get(id).proxy.holdAfter(method, pathEnd);
      return true;
    },
    async 'await-held'({ id }) {
      await servers.get(id).proxy.whenHeld();
      return true;
    },
    async release({ id }) {
      servers.get(id).proxy.release();
      return true;
    },
    async 'refuse-next'({ id, method, pathEnd, status, body }) {
      servers.get(id).proxy.refuseNext(method, pathEnd, status, body);
      return true;
    },
    async 'strip-caching'({ id }) {
      servers.get(id).proxy.stripCaching();
      return true;
    },
    async 'insert-raw'({ id, kind, record }) {
      const { default: Database } = await import('better-sqlite3');
      const db = new Database(join(servers.get(id).dataDir, 'off-layer.sqlite'));
      try {
        db.pragma('busy_timeout = 5000');
        const at = Date.now();
        const sortTime = Date.parse(record.start ?? record.createdAt) || 0;
        db.prepare(
          `INSERT INTO records (kind, id, event, data, hidden, token_hash, sort_time, start, title, created_at) VALUES (?, ?, ?, ?, FALSE, '', ?, ?, ?, ?)`,
        ).run(kind, String(record.id), record.event ?? null, JSON.stringify(record), sortTime, typeof record.start === 'string' ? record.start : null, String(record.title ?? ''), String(record.createdAt ?? ''));
        db.prepare(`INSERT INTO changes (kind, record_id, event, op, at) VALUES (?, ?, ?, 'put', ?)`).run(kind, String(record.id), record.event ?? null, at);
      } finally {
        db.close();
      }
      return true;
    },
  };

  return {
    name: 'off-layer-test-servers',
    async executeCommand({ command, payload }) {
      if (command !== 'off-server') return undefined;
      const action = actions[payload?.action];
      if (!action) throw new Error(`off-server: unknown action ${payload?.action}`);
      return action(payload);
    },
    async serverStop() {
      const all = [...servers.values()];
      servers.clear();
      await Promise.all(all.map(stop));
      await Promise.all(all.map((server) => server.proxy?.close()));
      for (const server of all) rmSync(server.dataDir, { recursive: true, force: true });
      const names = all.map((server) => server.databaseName).filter(Boolean);
      if (names.length) {
        await withPostgres(process.env.OFF_TEST_DATABASE_URL, async (client) => {
          for (const name of names) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        });
      }
    },
  };
}
