import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import pg from 'pg';
import { ADMIN_TOKEN, bearer, call, createDatabase, SseClient, startServer, tempDir } from './harness.js';
import { seedInput, uniqueName } from '../storage/fixtures.js';

/** Runs the CLI to its end (a server that does start is killed after 20 s, its status null). */
function runCli(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', ...env },
    timeout: 20_000,
  });
}

/** The CLI ended with `status` and said `message` on stderr, as a sentence, not as a stack trace. */
function assertRefused(run: ReturnType<typeof runCli>, status: number, message: RegExp) {
  assert.equal(run.status, status, run.stderr);
  assert.match(run.stderr, message);
  assert.doesNotMatch(run.stderr, /^\s+at /m, 'no stack trace');
}

describe('off-layer-server CLI', { timeout: 120_000 }, () => {
  it('prints its usage with --help and refuses unknown flags', () => {
    const help = runCli(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--port <n>\s+PORT/);
    assert.match(help.stdout, /DATABASE_URL/);
    assertRefused(runCli(['--prot', '1']), 2, /Unknown option '--prot'/);
  });

  it('refuses settings it would misread: a DATABASE_URL that is not PostgreSQL, OFF_TRUST_PROXY=maybe, an origin without its scheme, no writes at all', () => {
    assertRefused(runCli([], { DATABASE_URL: 'mysql://off:off@localhost/off' }), 2, /DATABASE_URL must be a PostgreSQL URL/);
    assertRefused(runCli([], { OFF_TRUST_PROXY: 'maybe' }), 2, /OFF_TRUST_PROXY must be 1 or 0, not "maybe"/);
    assertRefused(runCli(['--allowed-origins', 'host-event.example']), 2, /origins like https:\/\/example.org, not "host-event.example"/);
    assertRefused(runCli([], { OFF_WRITES_PER_CLIENT: '0' }), 2, /--writes-per-client must be at least 1: 0 would refuse every write/);
  });

  it('refuses an admin token short enough to guess: GET /api/hidden answers every try at once', () => {
    assertRefused(runCli([], { OFF_ADMIN_TOKEN: 'g21-admin' }), 2, /OFF_ADMIN_TOKEN must be at least 16 characters/);
  });

  it('says what to fix, and ends, when its port is taken, its data or static folder unusable or its database unreachable', async () => {
    const dataDir = tempDir();
    const first = await startServer({ dataDir });
    try {
      const port = new URL(first.origin).port;
      assertRefused(runCli(['--port', port, '--data', tempDir()]), 1, /Could not listen on 127\.0\.0\.1:\d+: .*EADDRINUSE[^]*choose another port with --port/);
      assertRefused(runCli(['--port', '0', '--data', dataDir]), 1, /Another off-layer-server is using the data folder .*: stop it, or give this one another folder/);
    } finally {
      await first.stop();
    }
    assertRefused(runCli(['--port', '0', '--data', tempDir(), '--static', 'no-such-site']), 1, /There is no folder no-such-site to serve at \/\.\n--static/);
    const file = join(tempDir(), 'not-a-folder');
    writeFileSync(file, '');
    assertRefused(runCli(['--port', '0', '--data', file]), 1, /Could not use the SQLite database in .*not-a-folder: [^]*--data \(OFF_DATA_DIR\) must name a folder/);
    assertRefused(
      runCli(['--port', '0'], { DATABASE_URL: 'postgres://off:off@127.0.0.1:1/off' }),
      1,
      /Could not use the PostgreSQL database of DATABASE_URL: .*ECONNREFUSED[^]*Check that PostgreSQL is running/,
    );
  });

  it('ends at once, with the reason, when PostgreSQL lets it in but refuses it the tables', async () => {
    const database = await createDatabase();
    try {
      const owner = new pg.Client({ connectionString: database.url });
      await owner.connect();
      await owner.query('DROP SCHEMA public');
      await owner.end();
      const started = Date.now();
      assertRefused(runCli(['--port', '0'], { DATABASE_URL: database.url }), 1, /Could not use the PostgreSQL database of DATABASE_URL: no schema/);
      assert.ok(Date.now() - started < 5000, 'no idle connection keeps the process up (pg keeps one 10 s)');
    } finally {
      await database.drop();
    }
  });

  it('behind a proxy, counts writes by the address the proxy appended to X-Forwarded-For, whatever the client put before it', async () => {
    const server = await startServer({ env: { OFF_TRUST_PROXY: 'true', OFF_WRITES_PER_CLIENT: '2' } });
    try {
      const write = (forwardedFor: string) =>
        call(`${server.api}/seeds`, { method: 'POST', json: seedInput(), headers: { 'X-Forwarded-For': forwardedFor } });
      const statuses = [];
      for (const spoofed of ['10.0.0.1', '10.0.0.2', '10.0.0.3']) statuses.push((await write(`${spoofed}, 203.0.113.7`)).status);
      assert.deepEqual(statuses, [201, 201, 429], 'one client, whatever it forwards');
      assert.equal((await write('203.0.113.8')).status, 201, 'another client counts apart');
    } finally {
      await server.stop();
    }
  });

  it('takes an allowed origin written with a trailing slash as the origin browsers send, and says at start what it allows', async () => {
    const server = await startServer({ args: ['--allowed-origins', 'https://host-event.example/'] });
    try {
      const write = await call(`${server.api}/seeds`, { method: 'OPTIONS', headers: { Origin: 'https://host-event.example', 'Access-Control-Request-Method': 'POST' } });
      assert.equal(write.headers.get('access-control-allow-origin'), 'https://host-event.example');
      assert.match(server.output(), /^moderation: on \(OFF_ADMIN_TOKEN\)$/m);
      assert.match(server.output(), /^pages of other origins that may call the API: https:\/\/host-event\.example$/m);
    } finally {
      await server.stop();
    }
  });

  it('names the packages to install when its optional peer dependencies are missing', () => {
    const build = spawnSync('npm', ['run', 'build:server'], { encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    // The built CLI, copied where no node_modules can be found.
    const alone = tempDir();
    cpSync('dist/server', alone, { recursive: true });
    writeFileSync(join(alone, 'package.json'), '{"type":"module"}');
    const sqlite = spawnSync(process.execPath, [join(alone, 'cli.js')], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });
    assert.equal(sqlite.status, 1);
    assert.match(sqlite.stderr, /npm install hono @hono\/node-server better-sqlite3\n/);
    const postgres = spawnSync(process.execPath, [join(alone, 'cli.js')], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: 'postgres://nowhere/db' } });
    assert.match(postgres.stderr, /npm install hono @hono\/node-server pg\n/);
  });

  it('serves a static folder at / beside the API (--static)', async () => {
    const site = tempDir();
    mkdirSync(join(site, 'demo'));
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>Host event</title>');
    writeFileSync(join(site, 'demo', 'app.js'), 'export const ok = true;');
    const server = await startServer({ args: ['--static', site] });
    try {
      const page = await call(`${server.origin}/`);
      assert.equal(page.status, 200);
      assert.match(page.text, /Host event/);
      assert.match(page.headers.get('content-type') ?? '', /text\/html/);
      const script = await call(`${server.origin}/demo/app.js`);
      assert.match(script.headers.get('content-type') ?? '', /javascript/);
      assert.equal((await call(`${server.origin}/../package.json`)).status, 404);
      assert.equal((await call(`${server.api}/health`)).status, 200);
    } finally {
      assert.equal(await server.stop(), 0);
    }
  });

  it('closes cleanly on SIGTERM while live streams are open', async () => {
    const server = await startServer();
    const live = new SseClient(`${server.api}/stream`);
    await live.opened;
    const started = Date.now();
    assert.equal(await server.stop(), 0);
    assert.ok(Date.now() - started < 3000, 'streams do not hold the shutdown up');
    assert.match(server.output(), /SIGTERM: closing/);
    live.close();
  });

  it('keeps moderation closed when no admin token is configured', async () => {
    const server = await startServer({ env: { OFF_ADMIN_TOKEN: '' } });
    try {
      const created = await call(`${server.api}/seeds`, { method: 'POST', json: seedInput({ event: uniqueName('ev') }) });
      const hide = await call(`${server.api}/seeds/${created.body.record.id}/hide`, { method: 'POST', headers: bearer(ADMIN_TOKEN) });
      assert.equal(hide.status, 403);
      assert.equal(hide.body.error.code, 'forbidden');
      assert.equal((await call(`${server.api}/hidden`, { headers: bearer('') })).status, 403);
      assert.match(server.output(), /^moderation: off, nobody can hide a record \(no OFF_ADMIN_TOKEN\)$/m, 'said at start');
    } finally {
      await server.stop();
    }
  });

  it('answers a flood of writes from one client with 429 and Retry-After, per client and per event', async () => {
    const server = await startServer({ env: { OFF_WRITES_PER_CLIENT: '5', OFF_WRITES_PER_EVENT: '100' } });
    try {
      const event = uniqueName('ev');
      const replies = await Promise.all(
        Array.from({ length: 12 }, () => call(`${server.api}/seeds`, { method: 'POST', json: seedInput({ event }) })),
      );
      const statuses = replies.map((reply) => reply.status).sort();
      assert.deepEqual(statuses, [...Array(5).fill(201), ...Array(7).fill(429)]);
      const limited = replies.find((reply) => reply.status === 429)!;
      assert.equal(limited.body.error.code, 'rate-limited');
      const retryAfter = Number(limited.headers.get('retry-after'));
      assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After: ${retryAfter}`);
      assert.equal((await call(`${server.api}/seeds?event=${event}`)).body.length, 5, 'refused writes store nothing');
      assert.equal((await call(`${server.api}/seeds?event=${event}`)).status, 200, 'reads are not limited');
    } finally {
      await server.stop();
    }
    const perEvent = await startServer({ env: { OFF_WRITES_PER_CLIENT: '100', OFF_WRITES_PER_EVENT: '3' } });
    try {
      const event = uniqueName('ev');
      const statuses = [];
      for (let index = 0; index < 4; index += 1) statuses.push((await call(`${perEvent.api}/seeds`, { method: 'POST', json: seedInput({ event }) })).status);
      assert.deepEqual(statuses, [201, 201, 201, 429]);
      assert.equal((await call(`${perEvent.api}/seeds`, { method: 'POST', json: seedInput({ event: uniqueName('ev') }) })).status, 201, 'other events still open');
    } finally {
      await perEvent.stop();
    }
  });
});
