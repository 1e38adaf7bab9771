import assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { bearer, call, createDatabase, eventually, SseClient, startServer, type ServerProcess, type TestDatabase } from './harness.js';
import { seedInput, uniqueName } from '../storage/fixtures.js';

/** How the tests restart PostgreSQL; CI and this machine run Debian's cluster 15 "main" as root. */
const RESTART_POSTGRES = process.env.OFF_TEST_PG_RESTART ?? 'pg_ctlcluster 15 main restart';

describe('several server processes on one PostgreSQL', { timeout: 180_000 }, () => {
  let database: TestDatabase;
  let a: ServerProcess;
  let b: ServerProcess;
  let running: ServerProcess[] = [];

  before(async () => {
    database = await createDatabase();
    // Both at once: concurrent migrations must not trip over each other.
    const started = await Promise.allSettled([startServer({ databaseUrl: database.url }), startServer({ databaseUrl: database.url })]);
    // Whichever started is stopped in `after`, even when the other failed: a live process would hang the run.
    running = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    for (const result of started) if (result.status === 'rejected') throw result.reason;
    [a, b] = running as [ServerProcess, ServerProcess];
  });

  after(async () => {
    const codes = await Promise.all(running.map((server) => server.stop()));
    assert.deepEqual(codes, [0, 0]);
    await database?.drop();
  });

  it('shows a live client of process A the writes made through process B', async () => {
    const event = uniqueName('ev');
    const live = new SseClient(`${a.api}/events/${event}/stream`);
    await live.opened;
    try {
      const created = await call(`${b.api}/events/${event}/seeds`, { method: 'POST', json: seedInput({ event }) });
      assert.equal(created.status, 201);
      const put = await live.next((message) => message.event === 'put');
      assert.deepEqual(put.data, { kind: 'seed', records: [created.body.record] });
      assert.deepEqual((await call(`${a.api}/seeds/${created.body.record.id}`)).body, created.body.record);

      const deleted = await call(`${b.api}/seeds/${created.body.record.id}`, { method: 'DELETE', headers: bearer(created.body.editToken) });
      assert.equal(deleted.status, 204);
      const removed = await live.next((message) => message.event === 'remove');
      assert.deepEqual(removed.data, { kind: 'seed', id: created.body.record.id });
      assert.ok(Number(removed.id) > Number(put.id), 'change ids are ordered across processes');
    } finally {
      live.close();
    }
  });

  it('lets an edit token from A work on B, and deduplicates one idempotency key sent to both', async () => {
    const event = uniqueName('ev');
    const key = crypto.randomUUID();
    const [viaA, viaB] = await Promise.all(
      [a, b].map((server) => call(`${server.api}/seeds`, { method: 'POST', json: seedInput({ event }), headers: { 'Idempotency-Key': key } })),
    );
    assert.deepEqual([viaA.status, viaB.status], [201, 201]);
    assert.deepEqual(viaA.body, viaB.body);
    assert.equal((await call(`${b.api}/seeds?event=${event}`)).body.length, 1);
    const renamed = await call(`${b.api}/seeds/${viaA.body.record.id}`, {
      method: 'PUT',
      json: { ...viaA.body.record, title: 'Renamed through B' },
      headers: bearer(viaA.body.editToken),
    });
    assert.equal(renamed.status, 200);
    assert.equal((await call(`${a.api}/seeds/${viaA.body.record.id}`)).body.title, 'Renamed through B');
  });

  it('drops a list A keeps in memory when B writes to it: no 304 for the old list, and since on A has the write', async () => {
    const event = uniqueName('ev');
    const list = await call(`${a.api}/events/${event}/seeds`);
    const [tag, cursor] = [list.headers.get('etag')!, list.headers.get('x-off-cursor')!];
    assert.equal((await call(`${a.api}/events/${event}/seeds`, { headers: { 'If-None-Match': tag } })).status, 304, 'kept in memory');
    const created = await call(`${b.api}/events/${event}/seeds`, { method: 'POST', json: seedInput({ event }) });
    assert.equal(created.status, 201);
    await eventually(async () => (await call(`${a.api}/events/${event}/seeds`, { headers: { 'If-None-Match': tag } })).status === 200, 10_000, 'A drops it');
    assert.deepEqual((await call(`${a.api}/events/${event}/seeds`)).body, [created.body.record]);
    const since = await call(`${a.api}/events/${event}/seeds?since=${cursor}`);
    assert.deepEqual([since.body.puts, since.body.removes], [[created.body.record], []]);
  });

  it('reconnects after PostgreSQL restarts, and its live stream resumes', async () => {
    const event = uniqueName('ev');
    const live = new SseClient(`${a.api}/events/${event}/stream`);
    await live.opened;
    try {
      execSync(RESTART_POSTGRES, { stdio: 'pipe', timeout: 60_000 });
      await eventually(async () => (await call(`${a.api}/health`)).status === 200, 30_000, 'A healthy again');
      let created: any;
      await eventually(async () => {
        created = await call(`${b.api}/events/${event}/seeds`, { method: 'POST', json: seedInput({ event }) });
        return created.status === 201;
      }, 30_000, 'a write through B');
      const put = await live.next((message) => message.event === 'put' && message.data.records[0].id === created.body.record.id, 20_000);
      assert.deepEqual(put.data.records[0], created.body.record);
      const viaA = await call(`${a.api}/events/${event}/seeds`, { method: 'POST', json: seedInput({ event }) });
      assert.equal(viaA.status, 201, 'A writes again');
      assert.ok(/PostgreSQL LISTEN connection lost/.test(a.output()), 'A noticed the restart');
    } finally {
      live.close();
    }
  });
});
