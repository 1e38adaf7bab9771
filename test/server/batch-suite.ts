import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { bearer, call, createDatabase, SseClient, startServer, type ServerProcess, type TestDatabase } from './harness.js';
import { seedInput, sideEventInput, uniqueName } from '../storage/fixtures.js';

const FORM_FILLED = { 'X-Off-Honeypot': '' };

/**
 * Declares a JSON body of `json`'s length but sends only the headers, and resolves with
 * the answer: the server must refuse an oversized body from its declared length, before
 * reading it (fetch cannot tell: sending it all, it fails once the server stops reading).
 */
function postDeclaringOnly(url: string, json: unknown): Promise<{ status: number; body: any }> {
  const length = Buffer.byteLength(JSON.stringify(json));
  return new Promise((resolve, reject) => {
    const sent = request(url, { method: 'POST', agent: false, headers: { 'Content-Type': 'application/json', 'Content-Length': length } }, (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => {
        sent.destroy();
        resolve({ status: response.statusCode!, body: JSON.parse(text) });
      });
    });
    sent.on('error', reject);
    sent.flushHeaders();
  });
}

/** The batch create (`POST …/batch`), run once per database. */
export function batchSuite(database: 'sqlite' | 'postgres'): void {
  describe(`batch creates on ${database}`, { timeout: 120_000 }, () => {
    let db: TestDatabase | undefined;
    let server: ServerProcess;
    let api: string;

    const start = (env: Record<string, string> = {}) => startServer({ databaseUrl: db?.url, env });

    before(async () => {
      db = database === 'postgres' ? await createDatabase() : undefined;
      server = await start();
      api = server.api;
    });

    after(async () => {
      assert.equal(await server?.stop(), 0, 'the server exits cleanly on SIGTERM');
      await db?.drop();
    });

    const batch = (url: string, records: unknown[], headers: Record<string, string> = {}) =>
      call(url, { method: 'POST', json: { records }, headers: { ...FORM_FILLED, ...headers } });
    const listOf = async (kind: string, event: string) => (await call(`${api}/${kind}?event=${event}`)).body as any[];

    it('creates every record in input order, each with an edit token that works for PUT and DELETE', async () => {
      const event = uniqueName('ev');
      const inputs = Array.from({ length: 3 }, (_, index) => sideEventInput({ event, title: `Talk ${index}` }));
      const reply = await batch(`${api}/side-events/batch`, inputs);
      assert.equal(reply.status, 201, reply.text);
      const { results } = reply.body as { results: { record: any; editToken: string }[] };
      assert.deepEqual(results.map(({ record }) => record.title), ['Talk 0', 'Talk 1', 'Talk 2']);
      assert.equal(new Set(results.map(({ editToken }) => editToken)).size, 3);
      assert.deepEqual((await listOf('side-events', event)).map((item) => item.id).sort(), results.map(({ record }) => record.id).sort());

      const [first, second] = results;
      const replaced = await call(`${api}/side-events/${first.record.id}`, { method: 'PUT', json: { ...first.record, title: 'Renamed' }, headers: bearer(first.editToken) });
      assert.equal(replaced.status, 200, replaced.text);
      const othersToken = await call(`${api}/side-events/${second.record.id}`, { method: 'DELETE', headers: bearer(first.editToken) });
      assert.equal(othersToken.status, 403);
      assert.equal((await call(`${api}/side-events/${second.record.id}`, { method: 'DELETE', headers: bearer(second.editToken) })).status, 204);
      assert.equal((await listOf('side-events', event)).length, 2);
    });

    it('takes the event from the path, and refuses a record naming another one with its index', async () => {
      const event = uniqueName('ev');
      const reply = await batch(`${api}/events/${event}/seeds/batch`, [seedInput({ event: undefined }), seedInput({ event: null })]);
      assert.equal(reply.status, 201, reply.text);
      assert.ok(reply.body.results.every(({ record }: any) => record.event === event));
      const other = await batch(`${api}/events/${event}/seeds/batch`, [seedInput({ event }), seedInput({ event: 'elsewhere' })]);
      assert.equal(other.status, 400);
      assert.deepEqual(other.body.error.index, 1);
      assert.deepEqual(other.body.error.issues, [{ field: 'event', code: 'mismatch' }]);
      assert.equal((await listOf('seeds', event)).length, 2);
    });

    it('is all or none: one bad record refuses the batch, naming its index and fields, and stores nothing', async () => {
      const event = uniqueName('ev');
      const inputs = [seedInput({ event }), seedInput({ event }), seedInput({ event, title: 42, sourceUrl: 'javascript:alert(1)' }), seedInput({ event })];
      const reply = await batch(`${api}/seeds/batch`, inputs);
      assert.equal(reply.status, 400);
      assert.equal(reply.body.error.code, 'validation');
      assert.equal(reply.body.error.index, 2);
      assert.deepEqual(reply.body.error.issues.map((issue: any) => issue.field).sort(), ['sourceUrl', 'title']);
      assert.deepEqual(await listOf('seeds', event), []);
    });

    it('never takes an id from the user: 404 with the index, nothing stored', async () => {
      const event = uniqueName('ev');
      const reply = await batch(`${api}/seeds/batch`, [seedInput({ event }), { ...seedInput({ event }), id: crypto.randomUUID() }]);
      assert.equal(reply.status, 404);
      assert.equal(reply.body.error.index, 1);
      assert.deepEqual(await listOf('seeds', event), []);
    });

    it('refuses more than 1,000 records (400 too-many), a body that is not a list of records (400), and bodies over 2 MB (413)', async () => {
      const event = uniqueName('ev');
      const small = { event, title: 'Small', body: 'x' };
      const tooMany = await batch(`${api}/seeds/batch`, Array.from({ length: 1001 }, () => small));
      assert.equal(tooMany.status, 400);
      assert.equal(tooMany.body.error.code, 'too-many');
      for (const body of [{}, { records: [] }, { records: 'nope' }, [seedInput({ event })]]) {
        const reply = await call(`${api}/seeds/batch`, { method: 'POST', json: body });
        assert.equal(reply.status, 400, JSON.stringify(body));
        assert.equal(reply.body.error.code, 'bad-request');
      }
      const thousand = await batch(`${api}/seeds/batch`, Array.from({ length: 1000 }, () => small));
      assert.equal(thousand.status, 201, thousand.text);
      const huge = await postDeclaringOnly(`${api}/seeds/batch`, { records: Array.from({ length: 600 }, () => ({ ...small, body: 'x'.repeat(3900) })) });
      assert.equal(huge.status, 413);
      assert.equal(huge.body.error.code, 'payload-too-large');
      assert.equal((await listOf('seeds', event)).length, 1000);
      const singleStillCapped = await postDeclaringOnly(`${api}/seeds`, { ...small, author: 'y'.repeat(70 * 1024) });
      assert.equal(singleStillCapped.status, 413, 'a single create keeps its 64 KB limit');
    });

    it('checks the honeypot and the form token', async () => {
      const event = uniqueName('ev');
      assert.equal((await batch(`${api}/seeds/batch`, [seedInput({ event })], { 'X-Off-Honeypot': 'spam' })).body.error.code, 'bot');
      assert.equal((await batch(`${api}/seeds/batch`, [seedInput({ event })], { 'X-Off-Form-Token': '' })).body.error.code, 'form-token');
      assert.deepEqual(await listOf('seeds', event), []);
    });

    it('answers a batch sent again with the same Idempotency-Key as the first time, writing nothing more', async () => {
      const event = uniqueName('ev');
      const key = { 'Idempotency-Key': crypto.randomUUID() };
      const inputs = [seedInput({ event, title: 'One' }), seedInput({ event, title: 'Two' })];
      const first = await batch(`${api}/seeds/batch`, inputs, key);
      assert.equal(first.status, 201, first.text);
      const again = await batch(`${api}/seeds/batch`, [seedInput({ event, title: 'Changed' })], key);
      assert.equal(again.status, 201);
      assert.deepEqual(again.body, first.body, 'same records, same edit tokens');
      const single = await call(`${api}/seeds`, { method: 'POST', json: seedInput({ event }), headers: { ...FORM_FILLED, ...key } });
      assert.equal(single.status, 201, 'the key of a batch does not replay a single create');
      assert.ok(!first.body.results.some(({ editToken }: any) => editToken === single.body.editToken));
      assert.equal((await listOf('seeds', event)).length, 3);

      if (database === 'postgres') {
        const other = await start();
        try {
          const elsewhere = await batch(`${other.api}/seeds/batch`, inputs, key);
          assert.deepEqual(elsewhere.body, first.body, 'another process replays it too');
          assert.equal((await listOf('seeds', event)).length, 3);
        } finally {
          await other.stop();
        }
      }
    });

    it('counts each record as one write: a batch over the client or event limit gets 429 and writes nothing', async () => {
      const limited = await start({ OFF_WRITES_PER_CLIENT: '10', OFF_WRITES_PER_EVENT: '100' });
      try {
        const event = uniqueName('ev');
        assert.equal((await batch(`${limited.api}/seeds/batch`, Array.from({ length: 8 }, () => seedInput({ event })))).status, 201);
        const over = await batch(`${limited.api}/seeds/batch`, Array.from({ length: 3 }, () => seedInput({ event })));
        assert.equal(over.status, 429);
        assert.ok(Number(over.headers.get('Retry-After')) > 0);
        assert.equal((await call(`${limited.api}/seeds?event=${event}`)).body.length, 8);
        assert.equal((await batch(`${limited.api}/seeds/batch`, [seedInput({ event })])).status, 201, 'what fits still goes through');
      } finally {
        await limited.stop();
      }
      const perEvent = await start({ OFF_WRITES_PER_CLIENT: '100', OFF_WRITES_PER_EVENT: '5' });
      try {
        const [event, other] = [uniqueName('ev'), uniqueName('ev')];
        const over = await batch(`${perEvent.api}/seeds/batch`, [seedInput({ event: other }), ...Array.from({ length: 6 }, () => seedInput({ event }))]);
        assert.equal(over.status, 429);
        assert.equal((await call(`${perEvent.api}/seeds?event=${other}`)).body.length, 0);
        assert.equal((await batch(`${perEvent.api}/seeds/batch`, Array.from({ length: 5 }, () => seedInput({ event: other })))).status, 201, 'the refused batch counted nothing');
      } finally {
        await perEvent.stop();
      }
    });

    it('streams the new records to live clients', async () => {
      const event = uniqueName('ev');
      const live = new SseClient(`${api}/events/${event}/stream`);
      await live.opened;
      const reply = await batch(`${api}/seeds/batch`, Array.from({ length: 700 }, (_, index) => seedInput({ event, title: `Seed ${index}` })));
      assert.equal(reply.status, 201, reply.text);
      const ids = reply.body.results.map(({ record }: any) => record.id);
      const streamed = () => live.events.filter((message) => message.event === 'put').flatMap((message) => message.data.records.map((record: any) => record.id));
      await live.next(() => streamed().length >= ids.length);
      assert.deepEqual(streamed(), ids);
      assert.ok(live.events.length < ids.length, 'records travel several to a message');
      live.close();
    });
  });
}
