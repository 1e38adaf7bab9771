// Real server processes and real databases for the server tests: no mocks.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { readyFormToken } from '../../scripts/form-token.js';
import { serverCommand } from '../../scripts/server-command.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const ADMIN_TOKEN = 'admin-token-for-tests-0123456789';

const tempDirs: string[] = [];
process.once('exit', () => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder, removed when the test file's process exits. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'off-server-test-'));
  tempDirs.push(dir);
  return dir;
}

export interface ServerProcess {
  /** Base URL of the API, e.g. http://127.0.0.1:40123/api */
  api: string;
  origin: string;
  child: ChildProcess;
  output(): string;
  /** SIGTERM and wait for a clean exit; returns the exit code. */
  stop(): Promise<number | null>;
  kill(): Promise<void>;
}

export interface ServerOptions {
  dataDir?: string;
  databaseUrl?: string;
  args?: string[];
  env?: Record<string, string>;
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Starts `off-layer-server` on a free port and resolves once it prints where it listens. */
export function startServer({ dataDir = tempDir(), databaseUrl, args = [], env = {} }: ServerOptions = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...serverCommand(ROOT), '--port', '0', '--data', dataDir, ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl ?? '',
      OFF_ADMIN_TOKEN: ADMIN_TOKEN,
      OFF_WRITES_PER_CLIENT: '100000',
      OFF_WRITES_PER_EVENT: '100000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within 30 s:\n${output}`));
    }, 30_000);
    const exitedEarly = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output}`));
    };
    child.once('exit', exitedEarly);
    const listening = () => {
      const origin = /off-layer server listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (!origin) return;
      clearTimeout(timer);
      child.off('exit', exitedEarly);
      child.stdout!.off('data', listening);
      resolve({
        api: `${origin}/api`,
        origin,
        child,
        output: () => output,
        async stop() {
          child.kill('SIGTERM');
          const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000);
          const code = await exited(child);
          clearTimeout(timeout);
          return code;
        },
        async kill() {
          child.kill('SIGKILL');
          await exited(child);
        },
      });
    };
    child.stdout!.on('data', listening);
  });
}

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

const CREATE_PATH = /^(.*\/api)(?:\/events\/[^/]+)?\/(?:side-events|seeds|events|places|organizers)(?:\/batch)?$/;
const formTokens = new Map<string, Promise<string>>();

/** A form token of the server at `api`, old enough to be presented: fetched once per server and reused, as browsers do. */
function formToken(api: string): Promise<string> {
  let token = formTokens.get(api);
  if (!token) {
    token = readyFormToken(api);
    formTokens.set(api, token);
  }
  return token;
}

/**
 * One HTTP request; a JSON `json` body is sent as application/json. A create carries
 * the server's form token, unless `headers` names X-Off-Form-Token (a test of it).
 */
export async function call<T = any>(
  url: string,
  { method = 'GET', json, body, headers = {} }: { method?: string; json?: unknown; body?: string; headers?: Record<string, string> } = {},
): Promise<Reply<T>> {
  const sent = json === undefined ? body : JSON.stringify(json);
  const api = method === 'POST' && !('X-Off-Form-Token' in headers) ? CREATE_PATH.exec(new URL(url).pathname)?.[1] : undefined;
  const formHeader: Record<string, string> = api === undefined ? {} : { 'X-Off-Form-Token': await formToken(`${new URL(url).origin}${api}`) };
  const response = await fetch(url, {
    method,
    body: sent,
    headers: { ...formHeader, ...(json === undefined ? headers : { 'Content-Type': 'application/json', ...headers }) },
  });
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON (calendar, static files): the text is there.
  }
  return { status: response.status, headers: response.headers, body: parsed as T, text };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

export interface SseEvent {
  event: string;
  id?: string;
  data: any;
}

/** A server-sent-event client that keeps every event it receives and waits for the ones a test expects. */
export class SseClient {
  readonly events: SseEvent[] = [];
  private readonly abort = new AbortController();
  private waiters: (() => void)[] = [];
  readonly opened: Promise<void>;

  constructor(url: string, headers: Record<string, string> = {}) {
    this.opened = this.read(url, headers);
  }

  private async read(url: string, headers: Record<string, string>): Promise<void> {
    const response = await fetch(url, { headers: { Accept: 'text/event-stream', ...headers }, signal: this.abort.signal });
    if (response.status !== 200) throw new Error(`stream answered ${response.status}`);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    const pump = async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += value;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            this.parse(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
          }
        }
      } catch {
        // Closed by the test.
      }
    };
    void pump();
  }

  private parse(block: string): void {
    const fields: Record<string, string> = {};
    for (const line of block.split('\n')) {
      if (!line || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const name = line.slice(0, colon);
      const value = line.slice(colon + 1).replace(/^ /, '');
      fields[name] = name in fields ? `${fields[name]}\n${value}` : value;
    }
    if (fields.data === undefined) return;
    this.events.push({ event: fields.event ?? 'message', id: fields.id, data: JSON.parse(fields.data) });
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** The first event (already received or to come) that `accept` takes. */
  async next(accept: (event: SseEvent) => boolean, timeoutMs = 10_000): Promise<SseEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(accept);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(this.events)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.abort.abort();
  }
}

const PG_HELP = `PostgreSQL tests need a running PostgreSQL and OFF_TEST_DATABASE_URL, a role allowed to create databases:
  apt-get install -y postgresql && pg_ctlcluster 15 main start
  su postgres -c "psql -c \\"CREATE ROLE off LOGIN CREATEDB PASSWORD 'off'\\"" && su postgres -c "createdb -O off off_test"
  export OFF_TEST_DATABASE_URL=postgres://off:off@127.0.0.1:5432/off_test
(.ci/run does all this.)`;

export function adminDatabaseUrl(): string {
  const url = process.env.OFF_TEST_DATABASE_URL;
  if (!url) throw new Error(PG_HELP);
  return url;
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty PostgreSQL database for one test file. */
export async function createDatabase(): Promise<TestDatabase> {
  const adminUrl = adminDatabaseUrl();
  const name = `off_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Polls `probe` until it returns true. */
export async function eventually(probe: () => Promise<boolean>, timeoutMs = 30_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what} not reached within ${timeoutMs} ms`);
}
