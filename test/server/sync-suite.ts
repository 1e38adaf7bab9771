import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ADMIN_TOKEN, bearer, call, createDatabase, SseClient, startServer, tempDir, type ServerProcess, type TestDatabase } from './harness.js';
import { rawGet } from './raw-http.js';
import { seedInput, sideEventInput, uniqueName } from '../storage/fixtures.js';

const PUBLIC = 'public, max-age=5, stale-while-revalidate=30';
const PRIVATE = 'private, no-store';
const ORIGIN = 'https://host-event.example';

/** A calendar's DTSTAMP and an export's exportedAt say when they were made, not what they hold. */
const withoutStamps = (text: string) => text.replace(/DTSTAMP:\w+/g, '').replace(/"exportedAt":"[^"]+"/, '');

/** Compression, entity tags, caching and incremental sync (issue 15), run once per database. */
export function syncSuite(database: 'sqlite' | 'postgres'): void {
  describe(`server caching and sync on ${database}`, { timeout: 180_000 }, () => {
    let server: ServerProcess;
    let api: string;
    let db: TestDatabase | undefined;
    const dataDir = tempDir();

    before(async () => {
      db = database === 'postgres' ? await createDatabase() : undefined;
      server = await startServer({ dataDir, databaseUrl: db?.url, env: { OFF_ALLOWED_ORIGINS: ORIGIN } });
      api = server.api;
    });

    after(async () => {
      assert.equal(await server?.stop(), 0, 'the server exits cleanly on SIGTERM');
      await db?.drop();
    });

    async function createMany(event: string, count: number, kind: 'side-events' | 'seeds' = 'side-events') {
      const input = kind === 'seeds' ? seedInput : sideEventInput;
      const records = Array.from({ length: count }, (_, index) => input({ event, title: `Item ${index} « communs »` }));
      const reply = await call(`${api}/events/${event}/${kind}/batch`, { method: 'POST', json: { records }, headers: bearer(ADMIN_TOKEN) });
      assert.equal(reply.status, 201, reply.text);
      return reply.body.results as { record: any; editToken: string }[];
    }

    const moderate = (id: string, op: 'hide' | 'unhide') => call(`${api}/side-events/${id}/${op}`, { method: 'POST', headers: bearer(ADMIN_TOKEN) });
    const sinceOf = (event: string, cursor: string, headers?: Record<string, string>) => call(`${api}/side-events?event=${event}&since=${cursor}`, { headers });

    it('negotiates brotli, gzip or none for lists, records, calendars and exports, with the same content', async () => {
      const event = uniqueName('ev');
      const [{ record }] = await createMany(event, 40);
      const identity = await rawGet(`${api}/side-events?event=${event}`);
      assert.equal(identity.headers['content-encoding'], undefined);
      assert.equal(JSON.parse(identity.text).length, 40);
      for (const path of [`/side-events?event=${event}`, `/events/${event}/side-events`, `/events/${event}/calendar.ics?all=1`, `/events/${event}/export.json`]) {
        const [br, gzip, preferred, none] = await Promise.all([
          rawGet(`${api}${path}`, { 'Accept-Encoding': 'gzip, deflate, br' }),
          rawGet(`${api}${path}`, { 'Accept-Encoding': 'gzip' }),
          rawGet(`${api}${path}`, { 'Accept-Encoding': 'br;q=0.5, gzip;q=1' }),
          rawGet(`${api}${path}`, { 'Accept-Encoding': 'br;q=0, gzip;q=0' }),
        ]);
        assert.deepEqual(
          [br, gzip, preferred, none].map((reply) => reply.headers['content-encoding']),
          ['br', 'gzip', 'gzip', undefined],
          path,
        );
        assert.ok(br.bytes.length < none.bytes.length / 3, `${path}: ${br.bytes.length} of ${none.bytes.length} bytes`);
        for (const reply of [br, gzip, preferred, none]) assert.match(String(reply.headers.vary), /Accept-Encoding/);
        const contents = [br, gzip, preferred, none].map((reply) => withoutStamps(reply.text));
        assert.ok(contents.every((content) => content === contents[0]), `${path}: the same content in every coding`);
        assert.ok(contents[0].includes(record.id));
      }
    });

    it('answers a list from memory with the headers and bytes the app gave it, and its 304 likewise', async () => {
      const event = uniqueName('ev');
      await createMany(event, 30);
      const headers = { 'Accept-Encoding': 'gzip, br', Origin: ORIGIN };
      const withoutDate = ({ date, ...rest }: Record<string, unknown>) => rest;
      for (const url of [`${api}/side-events?event=${event}`, `${api}/events/${event}/side-events`]) {
        const read = await rawGet(url, headers);
        const fromMemory = await rawGet(url, headers);
        assert.deepEqual(withoutDate(fromMemory.headers), withoutDate(read.headers), url);
        assert.deepEqual(fromMemory.bytes, read.bytes);
        // A public read: any origin (issue 14, part 1), so the answer does not vary with it.
        assert.equal(read.headers['access-control-allow-origin'], '*');
        assert.equal(read.headers.vary, 'Accept-Encoding');
        const notModified = await rawGet(url, { ...headers, 'If-None-Match': String(read.headers.etag) });
        assert.equal(notModified.status, 304);
        for (const name of ['etag', 'cache-control', 'x-off-cursor', 'vary', 'access-control-allow-origin', 'access-control-expose-headers']) {
          assert.equal(notModified.headers[name], read.headers[name], name);
        }
      }
    });

    it('answers a list from memory, and its 304, with the latest cursor, which changes elsewhere move on', async () => {
      const [event, elsewhere] = [uniqueName('ev'), uniqueName('ev')];
      await createMany(event, 30);
      const url = `${api}/side-events?event=${event}`;
      const headers = { 'Accept-Encoding': 'gzip, br' };
      const read = await rawGet(url, headers);
      const etag = String(read.headers.etag);
      assert.equal((await rawGet(url, { ...headers, 'If-None-Match': etag })).status, 304);
      await createMany(elsewhere, 1);
      const latest = Number((await call(`${api}/side-events?event=${elsewhere}`)).headers.get('x-off-cursor'));
      assert.ok(latest > Number(read.headers['x-off-cursor']));
      const cursors = async () => {
        const [whole, notModified] = [await rawGet(url, headers), await rawGet(url, { ...headers, 'If-None-Match': etag })];
        assert.equal(notModified.status, 304);
        assert.equal(whole.headers.etag, etag, 'a change elsewhere leaves the list as it was');
        return [Number(whole.headers['x-off-cursor']), Number(notModified.headers['x-off-cursor'])];
      };
      let seen = await cursors();
      // The server hears of the change through its change log, a moment after the write.
      for (const until = Date.now() + 5000; seen.some((cursor) => cursor < latest) && Date.now() < until; seen = await cursors()) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.deepEqual(seen, [latest, latest]);
    });

    it('reads its own writes: a list kept in memory already has a write (or a hide) once it is answered', async () => {
      const event = uniqueName('ev');
      const url = `${api}/events/${event}/side-events`;
      for (let round = 0; round < 10; round += 1) {
        const before = await call(url);
        const [{ record }] = await createMany(event, 1);
        const after = await call(url, { headers: { 'If-None-Match': before.headers.get('etag')! } });
        assert.equal(after.status, 200, `round ${round}`);
        assert.ok(after.body.some((item: any) => item.id === record.id), `round ${round}`);
        assert.equal((await moderate(record.id, 'hide')).status, 200);
        assert.ok(!(await call(url)).body.some((item: any) => item.id === record.id), `round ${round}: hidden`);
      }
    });

    it('answers 304 to If-None-Match on lists, records, calendars and exports, until they change', async () => {
      const event = uniqueName('ev');
      const [first, second] = await createMany(event, 2);
      const paths = [`/side-events?event=${event}`, `/side-events/${first.record.id}`, `/events/${event}/calendar.ics?all=1`, `/events/${event}/export.json`];
      const tags: string[] = [];
      for (const path of paths) {
        const fresh = await call(`${api}${path}`, { headers: { 'Accept-Encoding': 'br' } });
        const tag = fresh.headers.get('etag')!;
        assert.match(tag, /^(W\/)?"[^"]+"$/, path);
        assert.equal(fresh.headers.get('cache-control'), PUBLIC, path);
        const again = await call(`${api}${path}`, { headers: { 'If-None-Match': tag, 'Accept-Encoding': 'gzip' } });
        assert.equal(again.status, 304, path);
        assert.equal(again.text, '');
        assert.equal(again.headers.get('cache-control'), PUBLIC);
        const unconditional = await call(`${api}${path}`, { headers: { 'If-None-Match': '"something-else"' } });
        assert.equal(unconditional.status, 200);
        tags.push(tag);
      }
      const list = await call(`${api}${paths[0]}`, { headers: { 'If-None-Match': tags[0] } });
      assert.match(list.headers.get('x-off-cursor') ?? '', /^\d+$/, 'a 304 carries the cursor too');

      const renamed = await call(`${api}/side-events/${first.record.id}`, { method: 'PUT', json: { ...first.record, title: 'Renamed' }, headers: bearer(first.editToken) });
      assert.equal(renamed.status, 200);
      for (const [index, path] of paths.entries()) {
        const after = await call(`${api}${path}`, { headers: { 'If-None-Match': tags[index] } });
        assert.equal(after.status, 200, `${path} changed`);
        assert.notEqual(after.headers.get('etag'), tags[index]);
      }
      assert.ok((await call(`${api}${paths[0]}`)).body.some((item: any) => item.title === 'Renamed'));
      assert.equal(second.record.event, event);
    });

    it('never answers 304 with a list, record or calendar that still holds a record a moderator hid', async () => {
      const event = uniqueName('ev');
      const [spam, kept] = await createMany(event, 2);
      const paths = [`/side-events?event=${event}`, `/events/${event}/side-events`, `/events/${event}/calendar.ics?all=1`, `/events/${event}/export.json`];
      const before = await Promise.all(paths.map((path) => call(`${api}${path}`)));
      const record = await call(`${api}/side-events/${spam.record.id}`);
      assert.equal((await moderate(spam.record.id, 'hide')).status, 200);
      for (const [index, path] of paths.entries()) {
        const reply = await call(`${api}${path}`, { headers: { 'If-None-Match': before[index].headers.get('etag')! } });
        assert.equal(reply.status, 200, path);
        assert.doesNotMatch(reply.text, new RegExp(spam.record.id), path);
        assert.match(reply.text, new RegExp(kept.record.id), path);
      }
      const gone = await call(`${api}/side-events/${spam.record.id}`, { headers: { 'If-None-Match': record.headers.get('etag')! } });
      assert.equal(gone.status, 404);
      const since = await sinceOf(event, before[0].headers.get('x-off-cursor')!);
      assert.deepEqual([since.body.puts, since.body.removes], [[], [spam.record.id]]);
    });

    it('keeps answers that depend on a token or on moderation private, and exposes ETag and X-Off-Cursor to other origins', async () => {
      const event = uniqueName('ev');
      const created = await call(`${api}/events/${event}/seeds`, { method: 'POST', json: seedInput({ event }) });
      assert.equal(created.status, 201);
      assert.equal(created.headers.get('cache-control'), PRIVATE, 'the edit token');
      const replaced = await call(`${api}/seeds/${created.body.record.id}`, { method: 'PUT', json: created.body.record, headers: bearer(created.body.editToken) });
      assert.equal(replaced.headers.get('cache-control'), PRIVATE);
      const hidden = await call(`${api}/hidden`, { headers: bearer(ADMIN_TOKEN) });
      assert.equal(hidden.headers.get('cache-control'), PRIVATE);
      const hide = await call(`${api}/seeds/${created.body.record.id}/hide`, { method: 'POST', headers: bearer(ADMIN_TOKEN) });
      assert.equal(hide.headers.get('cache-control'), PRIVATE);
      assert.equal((await call(`${api}/hidden`)).headers.get('cache-control'), PRIVATE, 'a refusal');
      assert.equal((await call(`${api}/seeds/no-such-seed`)).headers.get('cache-control'), PRIVATE, 'an error');
      assert.equal((await call(`${api}/form-token`)).headers.get('cache-control'), 'no-store');
      const list = await call(`${api}/seeds?event=${event}`, { headers: { Origin: ORIGIN } });
      assert.equal(list.headers.get('cache-control'), PUBLIC);
      assert.match(list.headers.get('access-control-expose-headers') ?? '', /ETag/);
      assert.match(list.headers.get('access-control-expose-headers') ?? '', /X-Off-Cursor/);
      const preflight = await call(`${api}/seeds`, { method: 'OPTIONS', headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'if-none-match' } });
      assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /If-None-Match/);
    });

    it('answers since=<cursor> with what changed: puts once in their latest state, removes for deleted, hidden and moved records', async () => {
      const event = uniqueName('ev');
      const elsewhere = uniqueName('ev');
      const [edited, deleted, hidden, moved, untouched] = await createMany(event, 5);
      const list = await call(`${api}/side-events?event=${event}`);
      const cursor = list.headers.get('x-off-cursor')!;
      assert.match(cursor, /^\d+$/);
      assert.deepEqual(list.body.length, 5, 'the list is the same array as before');

      const nothing = await sinceOf(event, cursor);
      assert.equal(nothing.status, 200);
      assert.deepEqual(nothing.body, { cursor: nothing.body.cursor, puts: [], removes: [] });
      assert.ok(Number(nothing.body.cursor) >= Number(cursor));

      for (const title of ['Once', 'Twice']) {
        const reply = await call(`${api}/side-events/${edited.record.id}`, { method: 'PUT', json: { ...edited.record, title }, headers: bearer(edited.editToken) });
        assert.equal(reply.status, 200);
      }
      assert.equal((await call(`${api}/side-events/${deleted.record.id}`, { method: 'DELETE', headers: bearer(deleted.editToken) })).status, 204);
      assert.equal((await moderate(hidden.record.id, 'hide')).status, 200);
      const away = await call(`${api}/side-events/${moved.record.id}`, { method: 'PUT', json: { ...moved.record, event: elsewhere }, headers: bearer(moved.editToken) });
      assert.equal(away.status, 200);
      const [added] = await createMany(event, 1);

      const since = await sinceOf(event, cursor);
      assert.equal(since.status, 200, since.text);
      assert.match(since.body.cursor, /^\d+$/);
      assert.equal(since.headers.get('x-off-cursor'), since.body.cursor);
      assert.equal(since.headers.get('cache-control'), PUBLIC);
      assert.deepEqual(since.body.puts.map((record: any) => [record.id, record.title]).sort(), [[edited.record.id, 'Twice'], [added.record.id, added.record.title]].sort());
      assert.deepEqual(since.body.removes, [deleted.record.id, hidden.record.id, moved.record.id].sort());
      assert.ok(!JSON.stringify(since.body).includes(untouched.record.id));
      const there = await call(`${api}/side-events?event=${elsewhere}&since=${cursor}`);
      assert.deepEqual(there.body.puts.map((record: any) => record.id), [moved.record.id], 'the other event gains it');
      const everyEvent = await call(`${api}/side-events?since=${cursor}`);
      assert.ok(everyEvent.body.puts.some((record: any) => record.id === moved.record.id), 'every event\'s list keeps it');
      assert.ok(!everyEvent.body.removes.includes(moved.record.id));

      const again = await sinceOf(event, cursor, { 'If-None-Match': since.headers.get('etag')! });
      assert.equal(again.status, 304, 'the same cursor, nothing new: the same answer');
      const caughtUp = await sinceOf(event, since.body.cursor);
      assert.deepEqual([caughtUp.body.puts, caughtUp.body.removes], [[], []]);

      assert.equal((await moderate(hidden.record.id, 'unhide')).status, 200);
      const back = await sinceOf(event, since.body.cursor);
      assert.deepEqual(back.body.puts.map((record: any) => record.id), [hidden.record.id], 'unhidden: a put');
      const seeds = await call(`${api}/events/${event}/seeds?since=${cursor}`);
      assert.deepEqual([seeds.status, seeds.body.puts, seeds.body.removes], [200, [], []]);
    });

    it('refuses a garbage cursor with 400 bad-cursor, and one from the future with 410 reload', async () => {
      const event = uniqueName('ev');
      await createMany(event, 1);
      for (const garbage of ['', 'abc', '-1', '1.5', '12e3', '9'.repeat(16), '0x10']) {
        const reply = await call(`${api}/side-events?event=${event}&since=${encodeURIComponent(garbage)}`);
        assert.equal(reply.status, 400, garbage);
        assert.equal(reply.body.error.code, 'bad-cursor');
        assert.equal(reply.headers.get('cache-control'), PRIVATE);
      }
      const latest = Number((await call(`${api}/side-events?event=${event}`)).headers.get('x-off-cursor'));
      const future = await sinceOf(event, String(latest + 1000));
      assert.equal(future.status, 410);
      assert.equal(future.body.error.code, 'reload');
      assert.equal((await sinceOf(event, '0')).status, 200, 'from the start, while nothing was pruned');
    });

    it('resumes a live stream from ?since=<cursor>, and says reload for a cursor it cannot follow', async () => {
      const event = uniqueName('ev');
      await createMany(event, 1);
      const cursor = (await call(`${api}/side-events?event=${event}`)).headers.get('x-off-cursor')!;
      const [missed] = await createMany(event, 1);
      const resumed = new SseClient(`${api}/events/${event}/stream?since=${cursor}`);
      const put = await resumed.next((message) => message.event === 'put');
      assert.deepEqual(put.data, { kind: 'side-event', records: [missed.record] });
      const [live] = await createMany(event, 1);
      await resumed.next((message) => message.event === 'put' && message.data.records[0].id === live.record.id);
      resumed.close();

      const future = new SseClient(`${api}/events/${event}/stream?since=${Number(cursor) + 1000}`);
      const reload = await future.next(() => true);
      assert.equal(reload.event, 'reload');
      assert.match(reload.data.cursor, /^\d+$/);
      assert.equal(reload.id, reload.data.cursor);
      const [after] = await createMany(event, 1);
      await future.next((message) => message.event === 'put' && message.data.records[0].id === after.record.id);
      future.close();
      const refused = await call(`${api}/events/${event}/stream?since=nope`);
      assert.equal(refused.status, 400);
      assert.equal(refused.body.error.code, 'bad-cursor');
    });

    it('after the change log is pruned, answers an older cursor with 410 reload and a stream with reload, and the new cursor works', async () => {
      const event = uniqueName('ev');
      await createMany(event, 2);
      const old = (await call(`${api}/side-events?event=${event}`)).headers.get('x-off-cursor')!;
      await createMany(event, 1);
      assert.equal((await server.stop()), 0);
      // Kept 0 days: the start-up pruning forgets the whole log.
      server = await startServer({ dataDir, databaseUrl: db?.url, env: { OFF_CHANGES_KEPT_DAYS: '0', OFF_ALLOWED_ORIGINS: ORIGIN } });
      api = server.api;
      const tooOld = await sinceOf(event, old);
      assert.equal(tooOld.status, 410, tooOld.text);
      assert.equal(tooOld.body.error.code, 'reload');
      const stream = new SseClient(`${api}/events/${event}/stream?since=${old}`);
      assert.equal((await stream.next(() => true)).event, 'reload');
      stream.close();
      const reloaded = await call(`${api}/side-events?event=${event}`);
      assert.equal(reloaded.body.length, 3);
      const fresh = reloaded.headers.get('x-off-cursor')!;
      assert.ok(Number(fresh) > Number(old), 'the cursor never goes back, though the log is empty');
      const nothing = await sinceOf(event, fresh);
      assert.deepEqual([nothing.status, nothing.body.puts, nothing.body.removes], [200, [], []]);
      const [added] = await createMany(event, 1);
      const next = await sinceOf(event, fresh);
      assert.deepEqual(next.body.puts.map((record: any) => record.id), [added.record.id]);
    });
  });
}
