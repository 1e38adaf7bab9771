import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createHash } from 'node:crypto';
import { ADMIN_TOKEN, bearer, call, createDatabase, SseClient, startServer, type ServerProcess, type TestDatabase } from './harness.js';
import { seedInput, sideEventInput, uniqueName } from '../storage/fixtures.js';

const ALLOWED_ORIGIN = 'https://host-event.example';
const FORM_FILLED = { 'X-Off-Honeypot': '' };

/** The HTTP API's behaviour, run once per database. */
export function apiSuite(database: 'sqlite' | 'postgres'): void {
  describe(`server API on ${database}`, { timeout: 120_000 }, () => {
    let server: ServerProcess;
    let api: string;
    let db: TestDatabase | undefined;

    before(async () => {
      db = database === 'postgres' ? await createDatabase() : undefined;
      server = await startServer({ databaseUrl: db?.url, env: { OFF_ALLOWED_ORIGINS: ALLOWED_ORIGIN } });
      api = server.api;
    });

    after(async () => {
      assert.equal(await server?.stop(), 0, 'the server exits cleanly on SIGTERM');
      await db?.drop();
    });

    async function create(kind: 'side-events' | 'seeds', input: object, headers: Record<string, string> = {}) {
      const reply = await call(`${api}/${kind}`, { method: 'POST', json: input, headers: { ...FORM_FILLED, ...headers } });
      assert.equal(reply.status, 201, reply.text);
      return reply.body as { record: any; editToken: string };
    }

    const listOf = async (kind: string, event: string) => (await call(`${api}/${kind}?event=${event}`)).body as any[];

    it('reports its health and database', async () => {
      const reply = await call(`${api}/health`);
      assert.equal(reply.status, 200);
      assert.deepEqual(reply.body, { ok: true, database });
    });

    it('serves its OpenAPI document', async () => {
      const reply = await call(`${api}/openapi.json`);
      assert.equal(reply.status, 200);
      assert.equal(reply.body.openapi, '3.1.0');
      assert.ok(reply.body.paths['/api/events/{event}/calendar.ics']);
    });

    it('creates, reads, lists (side events by start, seeds newest first), replaces and deletes', async () => {
      const event = uniqueName('ev');
      const late = await create('side-events', sideEventInput({ event, title: 'Late', start: '2030-06-12T18:00:00+02:00', end: null }));
      const early = await create('side-events', sideEventInput({ event, title: 'Early', start: '2030-06-12T07:00:00+02:00', end: null }));
      assert.match(early.record.id, /^[0-9a-f-]{36}$/);
      assert.equal(early.record.createdAt, early.record.updatedAt);
      assert.ok(early.editToken.length >= 32);
      assert.deepEqual((await listOf('side-events', event)).map((item) => item.title), ['Early', 'Late']);
      assert.deepEqual((await call(`${api}/side-events/${late.record.id}`)).body, late.record);
      assert.ok((await call(`${api}/side-events`)).body.some((item: any) => item.id === early.record.id), 'the unscoped list has every event');

      const first = await create('seeds', seedInput({ event, title: 'First' }));
      await new Promise((resolve) => setTimeout(resolve, 5));
      const second = await create('seeds', seedInput({ event, title: 'Second' }));
      assert.deepEqual((await listOf('seeds', event)).map((item) => item.id), [second.record.id, first.record.id]);
      assert.deepEqual((await call(`${api}/events/${event}/seeds`)).body.map((item: any) => item.id), [second.record.id, first.record.id]);

      const replaced = await call(`${api}/seeds/${first.record.id}`, {
        method: 'PUT',
        json: { ...first.record, title: 'Renamed' },
        headers: bearer(first.editToken),
      });
      assert.equal(replaced.status, 200, replaced.text);
      assert.equal(replaced.body.title, 'Renamed');
      assert.equal(replaced.body.createdAt, first.record.createdAt);
      assert.ok(replaced.body.updatedAt > first.record.updatedAt);
      assert.equal((await call(`${api}/seeds/${first.record.id}`)).body.title, 'Renamed');

      const deleted = await call(`${api}/seeds/${first.record.id}`, { method: 'DELETE', headers: bearer(first.editToken) });
      assert.equal(deleted.status, 204);
      assert.equal((await call(`${api}/seeds/${first.record.id}`)).status, 404);
      assert.equal((await call(`${api}/seeds/${first.record.id}`, { method: 'DELETE', headers: bearer(first.editToken) })).status, 404);
    });

    it('creates under a host event from the path, and refuses a body naming another event', async () => {
      const event = uniqueName('ev');
      const created = await call(`${api}/events/${event}/seeds`, { method: 'POST', json: seedInput({ event: undefined }) });
      assert.equal(created.status, 201, created.text);
      assert.equal(created.body.record.event, event);
      const other = await call(`${api}/events/${event}/seeds`, { method: 'POST', json: seedInput({ event: 'elsewhere' }) });
      assert.equal(other.status, 400);
      assert.deepEqual(other.body.error.issues, [{ field: 'event', code: 'mismatch' }]);
      assert.equal((await listOf('seeds', event)).length, 1);
    });

    it('never takes an id from the user on create: 404, nothing stored', async () => {
      const event = uniqueName('ev');
      const reply = await call(`${api}/side-events`, { method: 'POST', json: sideEventInput({ event, id: 'chosen-by-user' }) });
      assert.equal(reply.status, 404);
      assert.equal(reply.body.error.code, 'not-found');
      assert.deepEqual(await listOf('side-events', event), []);
    });

    it('guards replace and delete with the edit token: 401 without, 403 with a wrong one, the admin token works', async () => {
      const event = uniqueName('ev');
      const { record, editToken } = await create('side-events', sideEventInput({ event }));
      const other = await create('side-events', sideEventInput({ event }));
      const url = `${api}/side-events/${record.id}`;
      const change = { ...record, title: 'Hijacked' };
      const missing = await call(url, { method: 'PUT', json: change });
      assert.equal(missing.status, 401);
      assert.equal(missing.body.error.code, 'unauthorized');
      const wrong = await call(url, { method: 'PUT', json: change, headers: bearer(other.editToken) });
      assert.equal(wrong.status, 403);
      assert.equal(wrong.body.error.code, 'forbidden');
      assert.equal((await call(url, { method: 'DELETE' })).status, 401);
      assert.equal((await call(url, { method: 'DELETE', headers: bearer('guess') })).status, 403);
      assert.equal((await call(url)).body.title, record.title, 'refused writes change nothing');
      const byAdmin = await call(url, { method: 'PUT', json: { ...record, title: 'Moderated' }, headers: bearer(ADMIN_TOKEN) });
      assert.equal(byAdmin.status, 200);
      assert.equal((await call(url, { method: 'DELETE', headers: bearer(editToken) })).status, 204);
    });

    it('answers 404 for unknown ids and impossible events, and empty lists for unknown events', async () => {
      const unknown = await call(`${api}/seeds/no-such-seed`);
      assert.equal(unknown.status, 404);
      assert.equal(unknown.body.error.code, 'not-found');
      const put = await call(`${api}/seeds/no-such-seed`, { method: 'PUT', json: seedInput({ event: 'g21' }), headers: bearer('anything') });
      assert.equal(put.status, 404);
      assert.equal((await call(`${api}/events/bad%20slug!/seeds`)).status, 404);
      const event = uniqueName('never-used');
      assert.deepEqual((await call(`${api}/events/${event}/side-events`)).body, []);
      const exported = await call(`${api}/events/${event}/export.json`);
      assert.deepEqual([exported.body.sideEvents, exported.body.seeds], [[], []]);
      assert.doesNotMatch((await call(`${api}/events/${event}/calendar.ics`)).text, /BEGIN:VEVENT/);
      assert.equal((await call(`${api}/no-such-route`)).body.error.code, 'not-found');
    });

    it('refuses malformed JSON (400 bad-json), other media types (415) and bodies over 64 KB (413), storing nothing', async () => {
      const event = uniqueName('ev');
      const malformed = await call(`${api}/events/${event}/seeds`, {
        method: 'POST',
        body: '{"title": "unterminated',
        headers: { 'Content-Type': 'application/json' },
      });
      assert.equal(malformed.status, 400);
      assert.equal(malformed.body.error.code, 'bad-json');
      const text = await call(`${api}/events/${event}/seeds`, { method: 'POST', body: JSON.stringify(seedInput({ event })), headers: { 'Content-Type': 'text/plain' } });
      assert.equal(text.status, 415);
      assert.equal(text.body.error.code, 'unsupported-media-type');
      const huge = await call(`${api}/events/${event}/seeds`, { method: 'POST', json: seedInput({ event, body: 'x'.repeat(70 * 1024) }) });
      assert.equal(huge.status, 413);
      assert.equal(huge.body.error.code, 'payload-too-large');
      assert.deepEqual(await listOf('seeds', event), []);
    });

    it('refuses wrong types with the fields at fault, in the model codes', async () => {
      const event = uniqueName('ev');
      const reply = await call(`${api}/side-events`, { method: 'POST', json: sideEventInput({ event, title: 42, tags: 'not-a-list', start: 'tomorrow' }) });
      assert.equal(reply.status, 400);
      assert.equal(reply.body.error.code, 'validation');
      assert.deepEqual(reply.body.error.issues, [
        { field: 'title', code: 'wrong-type' },
        { field: 'start', code: 'invalid-datetime' },
        { field: 'tags', code: 'wrong-type' },
      ]);
      const notAnObject = await call(`${api}/seeds`, { method: 'POST', json: 'just a string' });
      assert.equal(notAnObject.status, 400);
      assert.deepEqual(notAnObject.body.error.issues, [{ field: '', code: 'wrong-type' }]);
      const tooLong = await call(`${api}/seeds`, { method: 'POST', json: seedInput({ event, body: 'x'.repeat(4001) }) });
      assert.deepEqual(tooLong.body.error.issues, [{ field: 'body', code: 'too-long', limit: 4000 }]);
      assert.deepEqual(await listOf('side-events', event), []);
    });

    it('refuses javascript: URLs with field url', async () => {
      const event = uniqueName('ev');
      const reply = await call(`${api}/side-events`, { method: 'POST', json: sideEventInput({ event, url: 'javascript:alert(document.cookie)' }) });
      assert.equal(reply.status, 400);
      assert.deepEqual(reply.body.error.issues, [{ field: 'url', code: 'unsafe-url' }]);
      assert.deepEqual(await listOf('side-events', event), []);
    });

    it('stores SQL-looking and markup text verbatim, harmlessly', async () => {
      const event = uniqueName('ev');
      const title = `'; DROP TABLE records; -- <img src=x onerror=alert(1)>`;
      const body = `Robert'); DELETE FROM changes WHERE ('1'='1\n" OR 1=1 --`;
      const { record } = await create('seeds', seedInput({ event, title, body, author: '$1 ? ?? \\x00' }));
      const read = (await call(`${api}/seeds/${record.id}`)).body;
      assert.deepEqual([read.title, read.body, read.author], [title, body, '$1 ? ?? \\x00']);
      const injected = await call(`${api}/seeds?event=${encodeURIComponent(`${event}' OR '1'='1`)}`);
      assert.equal(injected.status, 400);
      assert.deepEqual(injected.body.error.issues, [{ field: 'event', code: 'invalid-id' }]);
      assert.equal((await listOf('seeds', event)).length, 1);
      assert.equal((await call(`${api}/health`)).status, 200, 'the tables are still there');
    });

    it('checks the honeypot', async () => {
      const event = uniqueName('ev');
      const bot = await call(`${api}/seeds`, { method: 'POST', json: seedInput({ event }), headers: { 'X-Off-Honeypot': 'http://spam.example' } });
      assert.equal(bot.status, 400);
      assert.equal(bot.body.error.code, 'bot');
      assert.deepEqual(await listOf('seeds', event), []);
      await create('seeds', seedInput({ event }), { 'X-Off-Honeypot': '' });
      assert.equal((await listOf('seeds', event)).length, 1);
    });

    it('refuses creates without a form token, with a forged one, or with one younger than 3 s, single and batch', async () => {
      const event = uniqueName('ev');
      const post = (path: string, json: object, token?: string) =>
        call(`${api}${path}`, { method: 'POST', json, headers: { 'X-Off-Form-Token': token ?? '' } });
      const issued = await call(`${api}/form-token`);
      assert.equal(issued.status, 200);
      assert.equal(issued.headers.get('cache-control'), 'no-store');
      assert.equal(issued.body.waitMs, 3000);
      assert.ok(issued.body.validMs >= 3600_000, 'long enough for a slow phone');
      const fresh: string = issued.body.token;
      const [issuedAt] = fresh.split('.');
      const forgeries = [undefined, 'made-up', `${issuedAt}.${'A'.repeat(43)}`, `${(Date.now() - 60_000).toString(36)}.${fresh.split('.')[1]}`];
      for (const path of ['/seeds', `/events/${event}/seeds`]) {
        for (const forged of forgeries) {
          const refused = await post(path, seedInput({ event }), forged);
          assert.equal(refused.status, 403, `${path} ${forged}`);
          assert.equal(refused.body.error.code, 'form-token');
        }
        const fast = await post(path, seedInput({ event }), fresh);
        assert.equal(fast.status, 400);
        assert.equal(fast.body.error.code, 'too-fast');
      }
      const batch = await post('/seeds/batch', { records: [seedInput({ event })] });
      assert.equal(batch.body.error.code, 'form-token');
      assert.equal((await post('/seeds/batch', { records: [seedInput({ event })] }, fresh)).body.error.code, 'too-fast');
      assert.deepEqual(await listOf('seeds', event), []);

      await new Promise((resolve) => setTimeout(resolve, 3000));
      assert.equal((await post('/seeds', seedInput({ event }), fresh)).status, 201, 'the same token, 3 s old');
      assert.equal((await post('/seeds/batch', { records: [seedInput({ event })] }, fresh)).status, 201, 'and again: it is not used up');
      assert.equal((await listOf('seeds', event)).length, 2);
    });

    it('answers a retried create whatever its form token, and takes creates with the admin token (imports) without one', async () => {
      const event = uniqueName('ev');
      const key = crypto.randomUUID();
      const first = await create('seeds', seedInput({ event }), { 'Idempotency-Key': key });
      const retried = await call(`${api}/seeds`, { method: 'POST', json: seedInput({ event }), headers: { 'Idempotency-Key': key, 'X-Off-Form-Token': '' } });
      assert.equal(retried.status, 201);
      assert.deepEqual(retried.body, first);
      const imported = await call(`${api}/seeds/batch`, {
        method: 'POST',
        json: { records: [seedInput({ event })] },
        headers: { ...bearer(ADMIN_TOKEN), 'X-Off-Form-Token': '' },
      });
      assert.equal(imported.status, 201, imported.text);
      const notAdmin = await call(`${api}/seeds`, { method: 'POST', json: seedInput({ event }), headers: { ...bearer(first.editToken), 'X-Off-Form-Token': '' } });
      assert.equal(notAdmin.body.error.code, 'form-token', 'an edit token is no admin token');
    });

    it('keys edit tokens with the server secret: an idempotency key seen in a log does not give the edit token, and is not logged', async () => {
      const event = uniqueName('ev');
      const key = crypto.randomUUID();
      const { record, editToken } = await create('seeds', seedInput({ event }), { 'Idempotency-Key': key });
      const fromKey = createHash('sha256').update(`off-layer edit token\0${key}`).digest('base64url');
      assert.notEqual(editToken, fromKey);
      const url = `${api}/seeds/${record.id}`;
      const attempt = await call(url, { method: 'PUT', json: { ...record, title: 'Taken over' }, headers: bearer(fromKey) });
      assert.equal(attempt.status, 403);
      assert.equal((await call(url, { method: 'DELETE', headers: bearer(fromKey) })).status, 403);
      assert.equal((await call(url, { method: 'PUT', json: { ...record, title: 'Mine' }, headers: bearer(editToken) })).status, 200);
      assert.ok(!server.output().includes(key), 'the key is not in the server output');
    });

    it('deduplicates creates, replaces and deletes sent again with the same Idempotency-Key', async () => {
      const event = uniqueName('ev');
      const key = crypto.randomUUID();
      const first = await create('side-events', sideEventInput({ event }), { 'Idempotency-Key': key });
      const again = await create('side-events', sideEventInput({ event, title: 'Sent differently' }), { 'Idempotency-Key': key });
      assert.deepEqual(again, first, 'same record, same edit token');
      const concurrent = await Promise.all(
        Array.from({ length: 5 }, () => call(`${api}/side-events`, { method: 'POST', json: sideEventInput({ event }), headers: { 'Idempotency-Key': key } })),
      );
      assert.ok(concurrent.every((reply) => reply.status === 201 && reply.body.record.id === first.record.id));
      await create('side-events', sideEventInput({ event }), { 'Idempotency-Key': crypto.randomUUID() });
      assert.equal((await listOf('side-events', event)).length, 2);

      const deleteKey = { ...bearer(first.editToken), 'Idempotency-Key': crypto.randomUUID() };
      const url = `${api}/side-events/${first.record.id}`;
      assert.equal((await call(url, { method: 'DELETE', headers: deleteKey })).status, 204);
      assert.equal((await call(url, { method: 'DELETE', headers: deleteKey })).status, 204, 'a retried delete succeeds again');
      assert.equal((await call(url, { method: 'DELETE', headers: bearer(first.editToken) })).status, 404);

      const badKey = await call(`${api}/seeds`, { method: 'POST', json: seedInput({ event }), headers: { 'Idempotency-Key': 'short' } });
      assert.equal(badKey.status, 400);
      assert.equal(badKey.body.error.code, 'bad-request');
    });

    it('moderates: wrong admin token 403, hidden records vanish from lists, reads, exports, calendar and stream', async () => {
      const event = uniqueName('ev');
      const stream = new SseClient(`${api}/events/${event}/stream`);
      await stream.opened;
      const { record } = await create('side-events', sideEventInput({ event, title: 'Spam, spam; spam' }));
      const kept = await create('side-events', sideEventInput({ event, title: 'Kept' }));
      await stream.next((message) => message.event === 'put' && message.data.records[0].id === record.id);

      assert.equal((await call(`${api}/side-events/${record.id}/hide`, { method: 'POST' })).status, 401);
      const wrong = await call(`${api}/side-events/${record.id}/hide`, { method: 'POST', headers: bearer('not-the-admin') });
      assert.equal(wrong.status, 403);
      assert.equal((await call(`${api}/hidden`, { headers: bearer(kept.editToken) })).status, 403, 'an edit token is no admin token');
      const hidden = await call(`${api}/side-events/${record.id}/hide`, { method: 'POST', headers: bearer(ADMIN_TOKEN) });
      assert.equal(hidden.status, 200);
      assert.equal(hidden.body.id, record.id);

      const removed = await stream.next((message) => message.event === 'remove' && message.data.id === record.id);
      assert.deepEqual(removed.data, { kind: 'side-event', id: record.id });
      assert.deepEqual((await listOf('side-events', event)).map((item) => item.id), [kept.record.id]);
      assert.equal((await call(`${api}/side-events/${record.id}`)).status, 404);
      assert.deepEqual((await call(`${api}/events/${event}/export.json`)).body.sideEvents.map((item: any) => item.id), [kept.record.id]);
      const calendar = (await call(`${api}/events/${event}/calendar.ics?all=1`)).text;
      assert.doesNotMatch(calendar, new RegExp(record.id));
      assert.match(calendar, new RegExp(kept.record.id));
      const listed = await call(`${api}/hidden`, { headers: bearer(ADMIN_TOKEN) });
      assert.ok(listed.body['side-events'].some((item: any) => item.id === record.id));
      assert.ok(Array.isArray(listed.body.seeds));
      const editByOwner = await call(`${api}/side-events/${record.id}`, { method: 'DELETE', headers: bearer(ADMIN_TOKEN) });
      assert.equal(editByOwner.status, 404, 'hidden records cannot be reached by id');

      const unhidden = await call(`${api}/side-events/${record.id}/unhide`, { method: 'POST', headers: bearer(ADMIN_TOKEN) });
      assert.equal(unhidden.status, 200);
      const back = await stream.next((message) => message.event === 'put' && message.data.records[0].id === record.id && message !== stream.events[0]);
      assert.deepEqual(back.data, { kind: 'side-event', records: [record] });
      assert.equal((await listOf('side-events', event)).length, 2);
      assert.equal((await call(`${api}/no/hide`, { method: 'POST', headers: bearer(ADMIN_TOKEN) })).status, 404);
      stream.close();
    });

    it('streams puts and removes with ids, per event, and replays what a client missed (Last-Event-ID)', async () => {
      const event = uniqueName('ev');
      const mine = new SseClient(`${api}/events/${event}/stream`);
      const all = new SseClient(`${api}/stream`);
      await Promise.all([mine.opened, all.opened]);
      const elsewhere = await create('seeds', seedInput({ event: uniqueName('ev') }));
      const { record, editToken } = await create('seeds', seedInput({ event }));
      const put = await mine.next((message) => message.event === 'put');
      assert.deepEqual(put.data, { kind: 'seed', records: [record] });
      assert.match(put.id ?? '', /^\d+$/);
      await all.next((message) => message.event === 'put' && message.data.records[0].id === elsewhere.record.id);
      await call(`${api}/seeds/${record.id}`, { method: 'DELETE', headers: bearer(editToken) });
      const removed = await mine.next((message) => message.event === 'remove');
      assert.deepEqual(removed.data, { kind: 'seed', id: record.id });
      assert.ok(Number(removed.id) > Number(put.id));
      assert.ok(!mine.events.some((message) => message.event === 'put' && message.data.records[0].id === elsewhere.record.id), 'other events stay out');

      const resumed = new SseClient(`${api}/events/${event}/stream`, { 'Last-Event-ID': put.id! });
      const replayed = await resumed.next(() => true);
      assert.deepEqual([replayed.event, replayed.data], ['remove', { kind: 'seed', id: record.id }]);
      for (const client of [mine, all, resumed]) client.close();
    });

    it('a record moved to another host event is a remove on the old event\'s stream and a put on the new one\'s, live and on replay', async () => {
      const from = uniqueName('ev');
      const to = uniqueName('ev');
      const streamOf = (event: string, headers?: Record<string, string>) => new SseClient(`${api}/events/${event}/stream`, headers);
      const [old, fresh, all] = [streamOf(from), streamOf(to), new SseClient(`${api}/stream`)];
      await Promise.all([old.opened, fresh.opened, all.opened]);
      const batch = await call(`${api}/events/${from}/side-events/batch`, {
        method: 'POST',
        json: { records: [sideEventInput({ event: from, title: 'Stays' }), sideEventInput({ event: from, title: 'Moves' })] },
        headers: FORM_FILLED,
      });
      assert.equal(batch.status, 201, batch.text);
      const [stays, moves] = batch.body.results as { record: any; editToken: string }[];
      const created = await old.next((message) => message.event === 'put');

      const moved = await call(`${api}/side-events/${moves.record.id}`, { method: 'PUT', json: { ...moves.record, event: to }, headers: bearer(moves.editToken) });
      assert.equal(moved.status, 200, moved.text);
      assert.deepEqual((await old.next((message) => message.event === 'remove')).data, { kind: 'side-event', id: moves.record.id });
      const arrived = await fresh.next((message) => message.event === 'put');
      assert.deepEqual(arrived.data, { kind: 'side-event', records: [moved.body] });
      await all.next((message) => message.event === 'put' && message.data.records[0].updatedAt === moved.body.updatedAt);
      assert.ok(!all.events.some((message) => message.event === 'remove'), 'the stream of every event sees a move as its put alone');

      const moderate = (op: string) => call(`${api}/side-events/${moves.record.id}/${op}`, { method: 'POST', headers: bearer(ADMIN_TOKEN) });
      assert.equal((await moderate('hide')).status, 200);
      assert.deepEqual((await fresh.next((message) => message.event === 'remove')).data, { kind: 'side-event', id: moves.record.id });
      assert.equal((await moderate('unhide')).status, 200);
      await fresh.next((message) => message.event === 'put' && message.id !== arrived.id);

      const seed = await create('seeds', seedInput({ event: from }));
      const { event: _, ...withoutEvent } = seed.record;
      const unfiled = await call(`${api}/seeds/${seed.record.id}`, { method: 'PUT', json: withoutEvent, headers: bearer(seed.editToken) });
      assert.equal(unfiled.status, 200, unfiled.text);
      const last = await create('side-events', sideEventInput({ event: from, title: 'Last' }));

      const moveAway = [
        ['remove', { kind: 'side-event', id: moves.record.id }],
        ['remove', { kind: 'seed', id: seed.record.id }],
        ['put', { kind: 'side-event', records: [last.record] }],
      ];
      const isLast = (message: { event: string; data: any }) => message.event === 'put' && message.data.records[0].id === last.record.id;
      const seen = (client: SseClient) => client.events.map((message) => [message.event, message.data]);
      await old.next(isLast);
      assert.deepEqual(seen(old), [
        ['put', { kind: 'side-event', records: [stays.record, moves.record] }],
        moveAway[0],
        ['put', { kind: 'seed', records: [seed.record] }],
        ...moveAway.slice(1),
      ]);

      // Replayed, a put is sent only while its record is still in this event: what left it is only a remove.
      const reconnected = streamOf(from, { 'Last-Event-ID': created.id! });
      const fromScratch = streamOf(from, { 'Last-Event-ID': String(Number(created.id) - 2) });
      await Promise.all([reconnected.next(isLast), fromScratch.next(isLast)]);
      assert.deepEqual(seen(reconnected), moveAway);
      assert.deepEqual(seen(fromScratch), [['put', { kind: 'side-event', records: [stays.record] }], ...moveAway]);
      for (const client of [old, fresh, all, reconnected, fromScratch]) client.close();
    });

    it('serves an RFC 5545 calendar of upcoming side events (all with ?all=1)', async () => {
      const event = uniqueName('ev');
      const past = await create('side-events', sideEventInput({ event, title: 'Yesterday', start: '2020-01-01T10:00:00Z', end: '2020-01-01T11:00:00Z' }));
      const long = 'Atelier « communs », ateliers; débats\\ et suite\nligne deux '.repeat(3);
      const { record } = await create('side-events', sideEventInput({ event, title: 'Soon, here; now', description: long, start: '2030-06-12T08:30:00+02:00', end: '2030-06-12T09:30:00+02:00' }));
      const reply = await call(`${api}/events/${event}/calendar.ics`);
      assert.equal(reply.status, 200);
      assert.match(reply.headers.get('content-type') ?? '', /^text\/calendar/);
      const text = reply.text;
      assert.ok(text.startsWith('BEGIN:VCALENDAR\r\n') && text.endsWith('END:VCALENDAR\r\n'));
      assert.doesNotMatch(text.replace(/\r\n/g, ''), /\n/, 'every line ends with CRLF');
      for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `line too long: ${line}`);
      const unfolded = text.replace(/\r\n /g, '');
      assert.match(unfolded, new RegExp(`UID:${record.id}@off-layer\r\n`));
      assert.match(unfolded, /DTSTART:20300612T063000Z\r\nDTEND:20300612T073000Z\r\n/);
      assert.match(unfolded, /SUMMARY:Soon\\, here\\; now\r\n/);
      assert.match(unfolded, /DESCRIPTION:Atelier « communs »\\, ateliers\\; débats\\\\ et suite\\nligne deux/);
      assert.match(unfolded, /DTSTAMP:\d{8}T\d{6}Z/);
      assert.match(unfolded, /LOCATION:Café du Port\\, Marseille/);
      assert.match(unfolded, /URL:https:\/\/example.org\/breakfast/);
      assert.doesNotMatch(unfolded, /Yesterday/);
      assert.match((await call(`${api}/events/${event}/calendar.ics?all=1`)).text, new RegExp(past.record.id));
    });

    it('exports the commons of an event as JSON', async () => {
      const event = uniqueName('ev');
      const a = await create('side-events', sideEventInput({ event }));
      const s = await create('seeds', seedInput({ event }));
      await create('seeds', seedInput({ event: uniqueName('ev') }));
      const reply = await call(`${api}/events/${event}/export.json`);
      assert.equal(reply.status, 200);
      const { exportedAt, ...rest } = reply.body;
      assert.ok(Math.abs(Date.parse(exportedAt) - Date.now()) < 60_000);
      // Each record with its canonical URL on this server (issue 14, part 2).
      const identified = (kind: string, record: { id: string }) => ({ ...record, canonicalUrl: `${new URL(api).origin}/api/${kind}/${record.id}` });
      assert.deepEqual(rest, {
        format: 'off-layer/commons',
        version: 2,
        event,
        sideEvents: [identified('side-events', a.record)],
        seeds: [identified('seeds', s.record)],
        places: [],
        organizers: [],
        ancestors: [],
      });
    });

    it('answers public reads to any origin, writes to allowed origins only, and exposes no credentials', async () => {
      const preflight = (origin: string, method = 'POST') =>
        call(`${api}/seeds`, {
          method: 'OPTIONS',
          headers: { Origin: origin, 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': 'content-type,idempotency-key' },
        });
      const allowed = await preflight(ALLOWED_ORIGIN);
      assert.equal(allowed.headers.get('access-control-allow-origin'), ALLOWED_ORIGIN);
      assert.match(allowed.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/);
      assert.match(allowed.headers.get('access-control-allow-headers') ?? '', /X-Off-Form-Token/);
      assert.equal(allowed.headers.get('access-control-allow-credentials'), null);
      const refused = await preflight('https://evil.example');
      assert.equal(refused.headers.get('access-control-allow-origin'), null, 'a write from a page the host does not allow');
      assert.equal((await preflight('https://evil.example', 'GET')).headers.get('access-control-allow-origin'), '*');
      // Issue 14, part 1: reads are public (they were limited to the allowed origins before).
      const read = await call(`${api}/seeds`, { headers: { Origin: 'https://evil.example' } });
      assert.equal(read.headers.get('access-control-allow-origin'), '*');
      assert.equal(read.headers.get('access-control-allow-credentials'), null);
      const moderators = await call(`${api}/hidden`, { headers: { Origin: 'https://evil.example' } });
      assert.equal(moderators.headers.get('access-control-allow-origin'), null, 'the moderators\' reads are not public');
      const stream = new AbortController();
      const live = await fetch(`${api}/stream`, { headers: { Origin: 'https://evil.example' }, signal: stream.signal });
      assert.equal(live.headers.get('access-control-allow-origin'), '*', 'EventSource from any page may read the stream');
      assert.match(live.headers.get('content-type') ?? '', /^text\/event-stream/);
      stream.abort();
    });
  });
}
