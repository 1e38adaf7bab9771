import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ADMIN_TOKEN, bearer, call, createDatabase, eventually, startServer, type ServerProcess, type TestDatabase } from './harness.js';
import { hostEventInput, organizerInput, placeInput, seedInput, sideEventInput, uniqueName } from '../storage/fixtures.js';

const FORM_FILLED = { 'X-Off-Honeypot': '' };

/** The network (issue 13) over HTTP: host events, places and organizers as records, lists across events, lineage. Run once per database. */
export function networkSuite(database: 'sqlite' | 'postgres'): void {
  describe(`server network on ${database}`, { timeout: 120_000 }, () => {
    let server: ServerProcess;
    let api: string;
    let db: TestDatabase | undefined;

    before(async () => {
      db = database === 'postgres' ? await createDatabase() : undefined;
      server = await startServer({ databaseUrl: db?.url });
      api = server.api;
    });

    after(async () => {
      assert.equal(await server?.stop(), 0, 'the server exits cleanly on SIGTERM');
      await db?.drop();
    });

    const post = (path: string, input: object, headers: Record<string, string> = {}) =>
      call(`${api}/${path}`, { method: 'POST', json: input, headers: { ...FORM_FILLED, ...headers } });

    async function create(path: string, input: object) {
      const reply = await post(path, input);
      assert.equal(reply.status, 201, reply.text);
      return reply.body as { record: any; editToken: string };
    }

    const ids = (records: { id: string }[]) => records.map(({ id }) => id);

    it('creates a host event under the id its creator chose, refuses that id again (409), and serves it beside its files', async () => {
      const input = hostEventInput({ name: 'Festival of the commons' });
      const created = await create('events', input);
      assert.equal(created.record.id, input.id);
      assert.deepEqual((await call(`${api}/events/${input.id}`)).body, created.record);

      const again = await post('events', { ...input, name: 'Someone else' });
      assert.equal(again.status, 409);
      assert.deepEqual(again.body.error.issues, [{ field: 'id', code: 'taken' }]);

      const stranger = await call(`${api}/events/${input.id}`, { method: 'PUT', json: { ...input, name: 'Hijacked' } });
      assert.equal(stranger.status, 401);
      const renamed = await call(`${api}/events/${input.id}`, { method: 'PUT', json: { ...input, name: 'Festival of the commons 2026' }, headers: bearer(created.editToken) });
      assert.equal(renamed.status, 200, renamed.text);
      assert.equal((await call(`${api}/events/${input.id}`)).body.name, 'Festival of the commons 2026');

      await create(`events/${input.id}/side-events`, sideEventInput({ event: input.id, start: '2099-06-12T08:30:00+02:00', end: null }));
      assert.equal((await call(`${api}/events/${input.id}/side-events`)).body.length, 1, 'the event\'s side events are still under its path');
      const calendar = await call(`${api}/events/${input.id}/calendar.ics`);
      assert.equal(calendar.status, 200);
      assert.match(calendar.text, /X-WR-CALNAME:#OFF Festival of the commons 2026/);
      const exported = (await call(`${api}/events/${input.id}/export.json`)).body;
      assert.equal(exported.version, 2);
      assert.equal(exported.hostEvent.name, 'Festival of the commons 2026');
      assert.ok((await call(`${api}/events`)).body.some((event: { id: string }) => event.id === input.id));
      assert.equal((await post(`events/${input.id}/places`, placeInput())).status, 404, 'places are not nested under an event');
      const edition = await create('events', hostEventInput({ partOf: input.id }));
      assert.deepEqual(ids((await call(`${api}/events?partOf=${input.id}`)).body), [edition.record.id], "a series' editions");
    });

    it('keeps an undescribed event id valid, and refuses a side event naming a place or organizer that does not exist', async () => {
      const event = uniqueName('undescribed');
      await create('side-events', sideEventInput({ event }));
      assert.equal((await call(`${api}/events/${event}`)).status, 404);
      const refused = await post('side-events', sideEventInput({ event, placeId: 'no-such-place', organizerId: 'no-such-organizer' }));
      assert.equal(refused.status, 400);
      assert.deepEqual(refused.body.error.issues, [
        { field: 'placeId', code: 'unknown-place' },
        { field: 'organizerId', code: 'unknown-organizer' },
      ]);
      const batch = await post('side-events/batch', { records: [sideEventInput({ event }), sideEventInput({ event, placeId: 'no-such-place' })] });
      assert.equal(batch.status, 400);
      assert.equal(batch.body.error.index, 1);
      assert.equal((await call(`${api}/side-events?event=${event}`)).body.length, 1, 'nothing of the refused batch was written');
    });

    it("keeps same-name places apart, lists a venue's and an organizer's side events across events, shows a place renamed", async () => {
      const marseille = await create('places', placeInput());
      const lyon = await create('places', placeInput({ address: '3 rue du Port, 69001 Lyon', latitude: 45.767, longitude: 4.834 }));
      assert.notEqual(marseille.record.id, lyon.record.id);
      const collective = await create('organizers', organizerInput());
      const [first, second] = [uniqueName('ev'), uniqueName('ev')];
      const past = await create('side-events', sideEventInput({ event: first, placeId: marseille.record.id, start: '2020-06-12T08:30:00+02:00', end: '2020-06-12T09:30:00+02:00' }));
      const soon = await create('side-events', sideEventInput({ event: first, placeId: marseille.record.id, organizerId: collective.record.id, start: '2099-06-12T08:30:00+02:00', end: null }));
      const later = await create('side-events', sideEventInput({ event: second, placeId: marseille.record.id, start: '2099-07-01T10:00:00+02:00', end: null }));
      await create('side-events', sideEventInput({ event: second, placeId: lyon.record.id, start: '2099-07-01T10:00:00+02:00', end: null }));

      const atMarseille = `${api}/side-events?place=${marseille.record.id}`;
      assert.deepEqual(ids((await call(atMarseille)).body), [past.record.id, soon.record.id, later.record.id]);
      assert.deepEqual(ids((await call(`${atMarseille}&from=2026-01-01T00:00:00Z`)).body), [soon.record.id, later.record.id]);
      assert.deepEqual(ids((await call(`${api}/events/${second}/side-events?place=${marseille.record.id}`)).body), [later.record.id]);
      assert.deepEqual(ids((await call(`${api}/side-events?organizer=${collective.record.id}`)).body), [soon.record.id]);
      const bad = await call(`${api}/side-events?place=not a slug&from=tomorrow`);
      assert.equal(bad.status, 400);
      assert.deepEqual(bad.body.error.issues, [{ field: 'place', code: 'invalid-id' }, { field: 'from', code: 'invalid-datetime' }]);

      const calendar = await call(`${api}/places/${marseille.record.id}/calendar.ics`);
      assert.equal(calendar.status, 200);
      assert.equal(calendar.text.match(/BEGIN:VEVENT/g)?.length, 2, 'upcoming side events only, of every event held there');
      assert.match(calendar.text, /X-WR-CALNAME:#OFF Café du Port/);
      assert.equal((await call(`${api}/places/${marseille.record.id}/calendar.ics?all=1`)).text.match(/BEGIN:VEVENT/g)?.length, 3);
      assert.equal((await call(`${api}/places/no-such-place/calendar.ics`)).status, 404);

      const rename = await call(`${api}/places/${marseille.record.id}`, { method: 'PUT', json: { ...marseille.record, name: 'Le Café du Port' }, headers: bearer(marseille.editToken) });
      assert.equal(rename.status, 200, rename.text);
      for (const sideEvent of (await call(atMarseille)).body) {
        assert.equal((await call(`${api}/places/${sideEvent.placeId}`)).body.name, 'Le Café du Port');
      }
      const exported = (await call(`${api}/events/${first}/export.json`)).body;
      assert.deepEqual(ids(exported.places), [marseille.record.id]);
      assert.equal(exported.places[0].name, 'Le Café du Port');
      assert.deepEqual(ids(exported.organizers), [collective.record.id]);
    });

    it('answers narrowed lists with entity tags and cursors: 304 until a side event moves in, then the change since the cursor', async () => {
      const place = await create('places', placeInput({ name: uniqueName('venue') }));
      const url = `${api}/side-events?place=${place.record.id}&from=2026-01-01T00:00:00Z`;
      const empty = await call(url);
      const tag = empty.headers.get('etag')!;
      const cursor = empty.headers.get('x-off-cursor')!;
      assert.ok(tag && cursor);
      assert.equal((await call(url, { headers: { 'If-None-Match': tag } })).status, 304);
      const moved = await create('side-events', sideEventInput({ event: uniqueName('ev'), start: '2099-06-12T08:30:00+02:00', end: null }));
      assert.equal((await call(url, { headers: { 'If-None-Match': tag } })).status, 304, 'a side event elsewhere leaves the venue list as it was');
      const movedIn = await call(`${api}/side-events/${moved.record.id}`, { method: 'PUT', json: { ...moved.record, placeId: place.record.id }, headers: bearer(moved.editToken) });
      assert.equal(movedIn.status, 200, movedIn.text);
      // The list kept in memory is dropped once the change log hands the change on, a moment after the write.
      await eventually(async () => (await call(url, { headers: { 'If-None-Match': tag } })).status === 200, 5000, 'the venue list to change');
      assert.deepEqual(ids((await call(url)).body), [moved.record.id]);
      const since = (await call(`${url}&since=${cursor}`)).body;
      assert.deepEqual(ids(since.puts), [moved.record.id]);
      const movedAway = await call(`${api}/side-events/${moved.record.id}`, { method: 'PUT', json: { ...moved.record }, headers: bearer(moved.editToken) });
      assert.equal(movedAway.status, 200);
      assert.deepEqual((await call(`${url}&since=${cursor}`)).body.removes, [moved.record.id]);
    });

    it('lists replantings across events, refuses a lineage cycle, and keeps a lineage readable with a hidden parent', async () => {
      const grandparent = await create('seeds', seedInput({ event: uniqueName('ev'), title: 'Grandparent' }));
      const parent = await create('seeds', seedInput({ event: uniqueName('ev'), title: 'Parent', replantedFrom: grandparent.record.id }));
      const event = uniqueName('ev');
      const seed = await create('seeds', seedInput({ event, title: 'Seed', replantedFrom: parent.record.id }));
      assert.deepEqual(ids((await call(`${api}/seeds?replantedFrom=${parent.record.id}`)).body), [seed.record.id]);
      const elsewhere = 'https://other.example/off/api/seeds/their-seed';
      const fromAfar = await create('seeds', seedInput({ event, title: 'From another site', replantedFrom: elsewhere }));
      assert.deepEqual(ids((await call(`${api}/seeds?replantedFrom=${encodeURIComponent(elsewhere)}`)).body), [fromAfar.record.id], 'a parent on another server, by its URL');

      const cycle = await call(`${api}/seeds/${grandparent.record.id}`, { method: 'PUT', json: { ...grandparent.record, replantedFrom: seed.record.id }, headers: bearer(grandparent.editToken) });
      assert.equal(cycle.status, 400);
      assert.deepEqual(cycle.body.error.issues, [{ field: 'replantedFrom', code: 'lineage-cycle' }]);

      assert.deepEqual(ids((await call(`${api}/events/${event}/export.json`)).body.ancestors), [parent.record.id, grandparent.record.id]);
      assert.equal((await call(`${api}/seeds/${parent.record.id}/hide`, { method: 'POST', headers: bearer(ADMIN_TOKEN) })).status, 200);
      const child = await call(`${api}/seeds/${seed.record.id}`);
      assert.equal(child.status, 200, 'a seed whose parent is hidden is still there');
      assert.equal(child.body.replantedFrom, parent.record.id, 'and still names its parent: the lineage shows a gap');
      assert.equal((await call(`${api}/seeds/${parent.record.id}`)).status, 404);
      assert.deepEqual((await call(`${api}/events/${event}/export.json`)).body.ancestors, [], 'the export stops at the gap');
      const stillReplanted = await create('seeds', seedInput({ event, title: 'From a hidden seed', replantedFrom: parent.record.id }));
      assert.equal(stillReplanted.record.replantedFrom, parent.record.id);
    });

    it('searches seeds across events by tag, licence and words, and says what left such a list since a cursor', async () => {
      const tag = uniqueName('t').slice(0, 32);
      const circle = await create('seeds', seedInput({ event: uniqueName('ev'), title: 'Cercle de parole', tags: [tag], license: 'CC0-1.0' }));
      await new Promise((resolve) => setTimeout(resolve, 5));
      const workshop = await create('seeds', seedInput({ event: uniqueName('ev'), title: 'Open-door workshop', tags: [tag], license: 'CC-BY-4.0' }));
      assert.deepEqual(ids((await call(`${api}/seeds?tag=${tag}`)).body), [workshop.record.id, circle.record.id]);
      assert.deepEqual(ids((await call(`${api}/seeds?tag=${tag}&license=CC0-1.0`)).body), [circle.record.id]);
      const byWords = `${api}/seeds?tag=${tag}&text=${encodeURIComponent('CERCLE parolé')}`;
      const found = await call(byWords);
      assert.deepEqual(ids(found.body), [circle.record.id]);
      const renamed = await call(`${api}/seeds/${circle.record.id}`, { method: 'PUT', json: { ...circle.record, title: 'Talking stick' }, headers: bearer(circle.editToken) });
      assert.equal(renamed.status, 200, renamed.text);
      const since = (await call(`${byWords}&since=${found.headers.get('x-off-cursor')}`)).body;
      assert.deepEqual([since.puts, since.removes], [[], [circle.record.id]], 'no longer matching the words is a remove');
      const bad = await call(`${api}/seeds?license=WTFPL&tag=${'x'.repeat(33)}`);
      assert.deepEqual(bad.body.error.issues, [{ field: 'license', code: 'unknown-license' }, { field: 'tag', code: 'too-long', limit: 32 }]);
    });

    it('lets moderators hide the new kinds: a hidden place is named by no new side event, a hidden event keeps its id taken', async () => {
      const moderate = (path: string, op: 'hide' | 'unhide') => call(`${api}/${path}/${op}`, { method: 'POST', headers: bearer(ADMIN_TOKEN) });
      const place = await create('places', placeInput({ name: uniqueName('squat') }));
      assert.equal((await moderate(`places/${place.record.id}`, 'hide')).status, 200);
      assert.equal((await call(`${api}/places/${place.record.id}`)).status, 404);
      assert.ok(((await call(`${api}/hidden`, { headers: bearer(ADMIN_TOKEN) })).body.places as { id: string }[]).some(({ id }) => id === place.record.id));
      const refused = await post('side-events', sideEventInput({ placeId: place.record.id }));
      assert.deepEqual(refused.body.error.issues, [{ field: 'placeId', code: 'unknown-place' }]);

      const input = hostEventInput();
      await create('events', input);
      assert.equal((await moderate(`events/${input.id}`, 'hide')).status, 200);
      assert.equal((await call(`${api}/events/${input.id}`)).status, 404);
      assert.equal((await post('events', input)).status, 409, 'nobody takes over a slug a moderator hid');
    });

    it('treats markup and javascript: URLs in the new kinds as in the others, and puts their creates through the anti-bot checks', async () => {
      const name = `<img src=x onerror=alert(1)>'; DROP TABLE records; --`;
      const organizer = await create('organizers', organizerInput({ name }));
      assert.equal((await call(`${api}/organizers/${organizer.record.id}`)).body.name, name);
      for (const [path, input] of [
        ['places', placeInput({ url: 'javascript:alert(1)' })],
        ['organizers', organizerInput({ url: 'javascript:alert(1)' })],
        ['events', hostEventInput({ url: 'javascript:alert(1)' })],
      ] as const) {
        const reply = await post(path, input);
        assert.equal(reply.status, 400, path);
        assert.deepEqual(reply.body.error.issues, [{ field: 'url', code: 'unsafe-url' }], path);
      }
      assert.equal((await post('places', placeInput(), { 'X-Off-Form-Token': 'forged' })).status, 403);
      assert.equal((await post('organizers', organizerInput(), { 'X-Off-Honeypot': 'http://spam.example' })).body.error.code, 'bot');
      assert.equal((await post('events', hostEventInput({ latitude: 1 }), { 'X-Off-Form-Token': '' })).status, 403);
    });
  });
}
