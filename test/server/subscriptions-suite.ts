import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { calendar, daysAhead, FeedServer, vevent } from './feed-server.js';
import { ADMIN_TOKEN, bearer, call, createDatabase, eventually, startServer, tempDir, type ServerProcess, type TestDatabase } from './harness.js';
import { sideEventInput, uniqueName } from '../storage/fixtures.js';

const admin = bearer(ADMIN_TOKEN);
const fixture = (name: string) => readFileSync(new URL(`../fixtures/ics/${name}`, import.meta.url), 'utf8');

/** Subscriptions (issue 14, part 5) on real server processes, against a feed server on loopback. Run once per database. */
export function subscriptionsSuite(database: 'sqlite' | 'postgres'): void {
  describe(`subscriptions on ${database}`, { timeout: 180_000 }, () => {
    let server: ServerProcess;
    let db: TestDatabase | undefined;
    const dataDir = tempDir();
    const feed = new FeedServer();
    const start = () => startServer({ dataDir, databaseUrl: db?.url, env: { OFF_FEED_MIN_INTERVAL: '1' } });

    before(async () => {
      db = database === 'postgres' ? await createDatabase() : undefined;
      server = await start();
      await feed.start();
    });

    after(async () => {
      await feed.stop();
      assert.equal(await server?.stop(), 0, 'the server exits cleanly on SIGTERM');
      await db?.drop();
    });

    const subscribe = (body: object) => call(`${server.api}/admin/subscriptions`, { method: 'POST', json: body, headers: admin });
    const sync = (id: string) => call(`${server.api}/admin/subscriptions/${id}/sync`, { method: 'POST', headers: admin });
    const sideEvents = async (event: string) => (await call(`${server.api}/events/${event}/side-events`)).body as any[];
    const titles = async (event: string) => (await sideEvents(event)).map(({ title }) => title).sort();

    it('is for the host only: no admin token, no subscriptions', async () => {
      assert.equal((await call(`${server.api}/admin/subscriptions`)).status, 401);
      assert.equal((await call(`${server.api}/admin/subscriptions`, { method: 'POST', json: { event: 'g21', url: feed.url } })).status, 401);
      const refused = await subscribe({ event: 'no such event!', url: 'javascript:alert(1)', intervalSeconds: 0, timeZone: 'Mars/Olympus' });
      assert.equal(refused.status, 400);
      assert.deepEqual(refused.body.error.issues.map(({ field }: { field: string }) => field), ['event', 'url', 'intervalSeconds', 'timeZone']);
    });

    it('reads Outlook, Apple, Gancio and Mobilizon feeds as their producers write them, each side event linking back to where it comes from', async () => {
      const event = uniqueName('producers');
      feed.serve(fixture('outlook-exchange.ics'));
      const outlook = await subscribe({ event, url: feed.url });
      assert.equal(outlook.status, 201, outlook.text);
      assert.equal(outlook.body.kind, 'ics');
      assert.deepEqual(outlook.body.status.counts, { inFeed: 2, added: 2, updated: 0, removed: 0, unchanged: 0, skipped: 0, keptHidden: 0 });
      const [atelier] = (await sideEvents(event)).filter(({ title }) => title === 'Atelier bénévoles');
      assert.equal(Date.parse(atelier.start), Date.parse('2026-06-12T16:30:00Z'), 'Romance Standard Time read with the file’s VTIMEZONE');
      assert.equal(atelier.sourceUrl, feed.url, 'no page of its own: links back to the feed');
      assert.match(atelier.sourceId, /^040000008200E00074C5B7101A82E008/);

      const apple = uniqueName('apple');
      feed.serve(fixture('apple-floating.ics'));
      await subscribe({ event: apple, url: feed.url, timeZone: 'America/New_York' });
      assert.deepEqual((await sideEvents(apple)).map(({ start }) => start), ['2026-06-13T09:00:00+02:00', '2026-06-14T00:00:00+02:00'], 'floating times in the feed’s X-WR-TIMEZONE');

      const gancio = uniqueName('gancio');
      feed.serve(fixture('gancio.ics'));
      const gancioSubscription = await subscribe({ event: gancio, url: feed.url, timeZone: 'Europe/Paris' });
      assert.equal(gancioSubscription.body.timeZone, 'Europe/Paris');
      assert.equal(gancioSubscription.body.status.counts.added, 2);
      const concert = (await sideEvents(gancio)).find(({ title }) => title === 'Concert au jardin');
      assert.equal(concert.sourceUrl, 'https://gancio.example.org/event/concert-au-jardin');
      assert.equal(concert.start, '2026-06-12T18:30:00+02:00', 'UTC shown in the subscription’s time zone');

      const mobilizon = uniqueName('mobilizon');
      feed.serve(fixture('mobilizon.ics'));
      await subscribe({ event: mobilizon, url: feed.url });
      assert.deepEqual(await titles(mobilizon), ['Atelier réparation vélo'], 'the cancelled event is left out');
    });

    it('keeps an event in sync with a changing feed: occurrences, updates in place, dropped events, hidden ones kept hidden, broken feeds reported without harm', async () => {
      const event = uniqueName('sync');
      const weekly = (title: string, sequence: string) =>
        vevent({ UID: 'weekly@example.org', SEQUENCE: sequence, SUMMARY: title, DTSTART: daysAhead(1), DTEND: daysAhead(1, 20), RRULE: 'FREQ=WEEKLY;COUNT=4', EXDATE: daysAhead(8) });
      const override = vevent({ UID: 'weekly@example.org', 'RECURRENCE-ID': daysAhead(15), SUMMARY: 'Weekly meetup, outdoors', DTSTART: daysAhead(15, 17), DTEND: daysAhead(15, 19) });
      const single = (title: string, sequence = '0') => vevent({ UID: 'single@example.org', SEQUENCE: sequence, SUMMARY: title, DTSTART: daysAhead(3), URL: 'https://example.org/single' });
      const dropped = vevent({ UID: 'dropped@example.org', SUMMARY: 'Soon dropped', DTSTART: daysAhead(4) });
      feed.serve(calendar(weekly('Weekly meetup', '0'), override, single('Picnic'), dropped));

      const created = await subscribe({ event, url: feed.url, intervalSeconds: 3600 });
      assert.equal(created.status, 201, created.text);
      const { id } = created.body;
      assert.deepEqual(await titles(event), ['Picnic', 'Soon dropped', 'Weekly meetup', 'Weekly meetup', 'Weekly meetup, outdoors'], 'four weekly occurrences less the EXDATE, one of them overridden');
      const before = await sideEvents(event);
      const picnic = before.find(({ title }) => title === 'Picnic');
      assert.equal(picnic.sourceUrl, 'https://example.org/single');
      const hiddenOne = before.find(({ title }) => title === 'Weekly meetup, outdoors');
      assert.equal((await call(`${server.api}/side-events/${hiddenOne.id}/hide`, { method: 'POST', headers: admin })).status, 200);

      // Unchanged: the feed answers 304 to the ETag of the last read.
      const notModifiedBefore = feed.notModified;
      assert.equal((await sync(id)).body.status.error, undefined);
      assert.equal(feed.notModified, notModifiedBefore + 1);

      const outdoorsMoved = vevent({ UID: 'weekly@example.org', 'RECURRENCE-ID': daysAhead(15), SUMMARY: 'Weekly meetup, in the park', DTSTART: daysAhead(15, 16) });
      feed.serve(calendar(weekly('Weekly meetup', '1'), outdoorsMoved, single('Picnic on the grass', '1')));
      const synced = await sync(id);
      assert.equal(synced.status, 200, synced.text);
      assert.deepEqual(synced.body.status.counts, { inFeed: 4, added: 0, updated: 1, removed: 1, unchanged: 2, skipped: 0, keptHidden: 1 });
      const after = await sideEvents(event);
      assert.deepEqual(after.map(({ title }) => title).sort(), ['Picnic on the grass', 'Weekly meetup', 'Weekly meetup']);
      assert.equal(after.find(({ title }) => title === 'Picnic on the grass').id, picnic.id, 'changed in place: same record');
      const hidden = (await call(`${server.api}/hidden`, { headers: admin })).body['side-events'];
      assert.deepEqual(hidden.map(({ id: hiddenId }: { id: string }) => hiddenId), [hiddenOne.id], 'the hidden occurrence stays hidden');

      const broken = async (body: string, code: string) => {
        feed.serve(body);
        const answer = await sync(id);
        assert.equal(answer.body.status.error?.code, code, answer.text);
        assert.deepEqual((await sideEvents(event)).map(({ title }) => title).sort(), ['Picnic on the grass', 'Weekly meetup', 'Weekly meetup'], `${code}: nothing wiped`);
        assert.ok(answer.body.status.lastSuccessAt < answer.body.status.lastAttemptAt);
      };
      await broken('<!doctype html><title>Maintenance</title>', 'unreadable');
      await broken(calendar(), 'empty-feed');
      await broken(`BEGIN:VCALENDAR\r\n${'X-PADDING:'.padEnd(70, 'x')}\r\n`.repeat(80_000), 'too-large');
      await feed.stop();
      await broken('', 'unreachable');
      await feed.start();

      // Hostile events are left out and listed; the rest of the feed is read.
      feed.serve(calendar(weekly('Weekly meetup', '1'), single('<script>alert(1)</script> Picnic', '2'), vevent({ UID: 'evil@example.org', SUMMARY: 'Click me', DTSTART: daysAhead(5), URL: 'javascript:alert(1)' })));
      const hostile = await sync(id);
      assert.equal(hostile.body.status.error, undefined);
      assert.deepEqual(hostile.body.status.skipped, [{ sourceId: 'evil@example.org', title: 'Click me', issues: ['url: unsafe-url', 'sourceUrl: unsafe-url'] }]);
      assert.ok((await titles(event)).includes('<script>alert(1)</script> Picnic'), 'markup is text: the elements escape it');
    });

    it('syncs on its schedule, by itself, and survives a restart', async () => {
      const event = uniqueName('schedule');
      feed.serve(calendar(vevent({ UID: 'a@example.org', SUMMARY: 'First', DTSTART: daysAhead(2) })));
      const { id } = (await subscribe({ event, url: feed.url, intervalSeconds: 1 })).body;
      feed.serve(calendar(vevent({ UID: 'a@example.org', SUMMARY: 'First, renamed', DTSTART: daysAhead(2) })));
      await eventually(async () => (await titles(event))[0] === 'First, renamed', 15_000, 'the scheduled sync');

      assert.equal(await server.stop(), 0);
      feed.serve(calendar(vevent({ UID: 'a@example.org', SUMMARY: 'After the restart', DTSTART: daysAhead(2) })));
      server = await start();
      const listed = (await call(`${server.api}/admin/subscriptions`, { headers: admin })).body;
      assert.ok(listed.some((subscription: { id: string }) => subscription.id === id), 'kept in the database');
      await eventually(async () => (await titles(event))[0] === 'After the restart', 15_000, 'the sync after the restart');
      assert.equal((await call(`${server.api}/admin/subscriptions/${id}`, { method: 'DELETE', headers: admin })).status, 204);
      assert.equal((await call(`${server.api}/admin/subscriptions/${id}`, { headers: admin })).status, 404);
    });

    it('keeps an event in sync with a host event on another off-layer server, by its list and ?since=', async () => {
      const other = await startServer({ databaseUrl: undefined });
      try {
        const remoteEvent = uniqueName('remote');
        const post = (input: object) => call(`${other.api}/events/${remoteEvent}/side-events`, { method: 'POST', json: input, headers: { 'X-Off-Honeypot': '' } });
        const kept = (await post(sideEventInput({ event: remoteEvent, title: 'Kept', start: '2099-06-12T08:30:00+02:00', end: null }))).body;
        const changed = (await post(sideEventInput({ event: remoteEvent, title: 'To change', start: '2099-06-13T08:30:00+02:00', end: null }))).body;
        const gone = (await post(sideEventInput({ event: remoteEvent, title: 'To delete', start: '2099-06-14T08:30:00+02:00', end: null }))).body;

        const event = uniqueName('mirror');
        const created = await subscribe({ event, url: `${other.api}/events/${remoteEvent}` });
        assert.equal(created.status, 201, created.text);
        assert.equal(created.body.kind, 'off-layer');
        assert.equal(created.body.status.error, undefined, created.text);
        assert.deepEqual(await titles(event), ['Kept', 'To change', 'To delete']);
        const mirrored = (await sideEvents(event)).find(({ title }) => title === 'Kept');
        assert.equal(mirrored.sourceUrl, `${other.api}/side-events/${kept.record.id}`, 'links back to the record’s canonical URL there');
        assert.equal(mirrored.placeId, undefined);

        await call(`${other.api}/side-events/${changed.record.id}`, { method: 'PUT', json: sideEventInput({ event: remoteEvent, title: 'Changed', start: '2099-06-13T08:30:00+02:00', end: null }), headers: bearer(changed.editToken) });
        await call(`${other.api}/side-events/${gone.record.id}`, { method: 'DELETE', headers: bearer(gone.editToken) });
        await post(sideEventInput({ event: remoteEvent, title: 'New', start: '2099-06-15T08:30:00+02:00', end: null }));
        const synced = await sync(created.body.id);
        assert.deepEqual(synced.body.status.counts, { inFeed: 2, added: 1, updated: 1, removed: 1, unchanged: 0, skipped: 0, keptHidden: 0 }, 'only the changes were read');
        assert.deepEqual(await titles(event), ['Changed', 'Kept', 'New']);
      } finally {
        await other.stop();
      }
    });

    // Only PostgreSQL is shared by several processes (SQLite's data folder is locked by one), so only it is asked this.
    if (database === 'postgres') {
      it('fetches a feed from one process at a time when several share the database', async () => {
        const second = await startServer({ databaseUrl: db!.url, env: { OFF_FEED_MIN_INTERVAL: '1' } });
        try {
          const event = uniqueName('shared');
          feed.serve(calendar(vevent({ UID: 'shared@example.org', SUMMARY: 'Shared', DTSTART: daysAhead(2) })));
          const { id } = (await subscribe({ event, url: feed.url, intervalSeconds: 3600 })).body;
          feed.serve(calendar(vevent({ UID: 'shared@example.org', SUMMARY: 'Shared, renamed', DTSTART: daysAhead(2) })));
          feed.delayMs = 1500;
          const requestsBefore = feed.requests;
          const answers = await Promise.all([server, second].map(({ api }) => call(`${api}/admin/subscriptions/${id}/sync`, { method: 'POST', headers: admin })));
          assert.deepEqual(answers.map(({ status }) => status).sort(), [200, 409], answers.map(({ text }) => text).join('\n'));
          assert.equal(answers.find(({ status }) => status === 409)!.body.error.code, 'busy');
          assert.equal(feed.requests, requestsBefore + 1, 'fetched once');
          assert.deepEqual(await titles(event), ['Shared, renamed']);
        } finally {
          feed.delayMs = 0;
          await second.stop();
        }
      });
    }

    it('is set up from the command line too', async () => {
      const event = uniqueName('cli');
      feed.serve(calendar(vevent({ UID: 'cli@example.org', SUMMARY: 'From the shell', DTSTART: daysAhead(2) })));
      // Not spawnSync: the feed server runs in this process and must answer meanwhile.
      const cli = (...args: string[]) =>
        promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', ...args], { encoding: 'utf8', env: { ...process.env, OFF_ADMIN_TOKEN: ADMIN_TOKEN } }).then(
          (done) => ({ ...done, code: 0 }),
          (failed: { code: number; stdout: string; stderr: string }) => failed,
        );
      const subscribed = await cli('subscribe', '--server', server.origin, '--event', event, '--url', feed.url, '--interval', '600');
      assert.equal(subscribed.code, 0, subscribed.stderr);
      const { id, status } = JSON.parse(subscribed.stdout);
      assert.equal(status.counts.added, 1);
      assert.ok(JSON.parse((await cli('subscriptions', '--server', server.origin)).stdout).some((each: { id: string }) => each.id === id));
      assert.equal((await cli('unsubscribe', '--server', server.origin, id)).code, 0);
      const refused = await cli('subscribe', '--event', event);
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, /subscribe needs --event <id> and --url <feed>/);
    });
  });
}
