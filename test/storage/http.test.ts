import { expect } from '@open-wc/testing';
import { NotFoundError, StorageError } from '../../src/storage/errors.js';
import { ValidationError } from '../../src/storage/validation-error.js';
import { HttpApi } from '../../src/storage/http-api.js';
import { canEdit, type HttpStore } from '../../src/storage/http.js';
import { createMemoryStore } from '../../src/storage/memory.js';
import type { OffStore, StoreChange } from '../../src/storage/store.js';
import { storeContract } from './contract.js';
import { placeInput, seedInput, sideEventInput, until } from './fixtures.js';
import { recordName, type OffRecord } from '../../src/model/records.js';
import {
  answerHeld,
  cutNetworkAfter,
  holdAnswerAfter,
  mendNetwork,
  openStore,
  proxyTo,
  releaseAnswer,
  restartServer,
  startServer,
  stopServer,
  type Database,
  type TestServer,
} from './http-servers.js';

const urls = new WeakMap<object, string>();
const ADMIN_TOKEN = 'moderator-token-for-tests';

for (const database of ['sqlite', 'postgres'] as Database[]) {
  storeContract(`http (${database})`, {
    async open() {
      const { url } = await startServer(database);
      const store = await openStore(url);
      urls.set(store, url);
      return store;
    },
    async openPeer(store) {
      return openStore(urls.get(store)!);
    },
  });
}

function changesOf(store: HttpStore): StoreChange[] {
  const changes: StoreChange[] = [];
  store.subscribe((change) => changes.push(change));
  return changes;
}

/** The records the change feed leaves shown: the last put of each id not removed since. */
function shownBy(changes: StoreChange[]): OffRecord[] {
  const shown = new Map<string, OffRecord>();
  for (const change of changes) {
    if (change.type === 'put') for (const record of change.records) shown.set(record.id, record);
    if (change.type === 'remove') shown.delete(change.id);
  }
  return [...shown.values()];
}

/** Pending writes still to be sent (not those refused for good). */
async function waitingCount(store: OffStore): Promise<number> {
  return (await store.pending()).filter((write) => !write.failure).length;
}


async function rejection(promise: Promise<unknown>): Promise<StorageError> {
  try {
    await promise;
  } catch (error) {
    return error as StorageError;
  }
  throw new Error('expected a rejection');
}

/** What the server holds, asked without any store, cache or outbox in between. */
async function onServer(server: TestServer, kind: 'side-event' | 'seed', event?: string) {
  return new HttpApi(server.url).list(kind, { event });
}

describe('http store, server down and back', function () {
  this.timeout(60000);
  let server: TestServer;

  beforeEach(async () => {
    server = await startServer('sqlite');
  });

  it('queues a write while the server is down, shows it, and sends it exactly once when the server is back', async () => {
    const store = await openStore(server.url);
    const changes = changesOf(store);
    await stopServer(server);

    const provisional = await store.put('seed', seedInput({ title: 'Written on bad Wi-Fi' }), { honeypot: '' });
    expect(provisional.title).to.equal('Written on bad Wi-Fi');
    expect(store.status).to.deep.equal({ persistent: true, online: false, reason: 'offline' });
    expect(await waitingCount(store)).to.equal(1);
    expect(changes).to.deep.include({ type: 'put', kind: 'seed', records: [provisional] });
    expect(changes.some((change) => change.type === 'status' && !change.status.online)).to.equal(true);
    expect((await store.list('seed')).map((seed) => seed.id)).to.deep.equal([provisional.id]);
    expect(await store.get('seed', provisional.id)).to.deep.equal(provisional);
    expect(await canEdit(store, 'seed', provisional.id)).to.equal(true);

    await restartServer(server);
    await until(async () => (await waitingCount(store)) === 0, 'the outbox to be sent');
    const stored = await onServer(server, 'seed');
    expect(stored).to.have.length(1);
    const [record] = stored;
    expect(record.title).to.equal('Written on bad Wi-Fi');
    expect(record.id).to.not.equal(provisional.id);
    expect(store.status.online).to.equal(true);
    await until(() => changes.some((change) => change.type === 'put' && change.records[0].id === record.id), 'the server record');
    await until(() => changes.some((change) => change.type === 'remove' && change.id === provisional.id), 'the provisional record to go');
    expect((await store.list('seed')).map((seed) => seed.id)).to.deep.equal([record.id]);
    expect(await canEdit(store, 'seed', record.id)).to.equal(true);

    await store.flush();
    expect(await onServer(server, 'seed')).to.have.length(1);
  });

  it("reads a venue's list offline from the lists kept, with the writes waiting there", async () => {
    const store = await openStore(server.url);
    const place = await store.put('place', placeInput());
    const here = await store.put('side-event', sideEventInput({ placeId: place.id }));
    await store.put('side-event', sideEventInput({ title: 'At no venue' }));
    const ids = (records: OffRecord[]) => records.map(({ id }) => id);
    expect(ids(await store.list('side-event', { place: place.id }))).to.deep.equal([here.id]);
    expect(await store.list('side-event', { event: 'g21' }), 'the event list, kept for offline reading').to.have.length(2);
    await stopServer(server);

    const waiting = await store.put('side-event', sideEventInput({ title: 'Added offline', placeId: place.id, start: '2026-06-12T18:00:00+02:00', end: undefined }));
    const offline = () => store.list('side-event', { place: place.id }).then(ids, () => []);
    await until(async () => (await offline()).length === 2, 'the kept list to be read offline');
    expect(await offline()).to.deep.equal([here.id, waiting.id]);
  });

  it('sends the outbox left by an earlier visit when the next page opens the store', async () => {
    const first = await openStore(server.url);
    await stopServer(server);
    await first.put('side-event', sideEventInput({ title: 'Queued before reload' }));
    first.close();

    await restartServer(server);
    const next = await openStore(server.url);
    expect(await waitingCount(next)).to.equal(0);
    expect((await onServer(server, 'side-event')).map((item) => item.title)).to.deep.equal(['Queued before reload']);
  });

  it('applies edits and removals of a queued record to the queue itself', async () => {
    const store = await openStore(server.url);
    await stopServer(server);
    const kept = await store.put('seed', seedInput({ title: 'First draft' }));
    const edited = await store.put('seed', { ...kept, title: 'Final text' });
    expect(edited.id).to.equal(kept.id);
    expect(edited.createdAt).to.equal(kept.createdAt);
    const dropped = await store.put('seed', seedInput({ title: 'Changed my mind' }));
    await store.remove('seed', dropped.id);
    // Its create may have reached the server, answer lost: it is withdrawn, not just forgotten.
    expect((await store.pending()).map((write) => [write.op, write.id])).to.deep.equal([['create', kept.id], ['remove', dropped.id]]);
    expect((await store.list('seed')).map((seed) => seed.title)).to.deep.equal(['Final text']);

    await restartServer(server);
    await until(async () => (await waitingCount(store)) === 0, 'the outbox to be sent');
    expect((await onServer(server, 'seed')).map((seed) => seed.title)).to.deep.equal(['Final text']);
  });

  it('queues updates and removals of server records in order', async () => {
    const store = await openStore(server.url);
    const renamed = await store.put('seed', seedInput({ title: 'Online' }));
    const removed = await store.put('seed', seedInput({ title: 'To remove' }));
    await stopServer(server);
    await store.put('seed', { ...renamed, title: 'Renamed offline' });
    await store.remove('seed', removed.id);
    expect(await waitingCount(store)).to.equal(2);
    expect((await store.list('seed')).map((seed) => seed.title)).to.deep.equal(['Renamed offline']);
    expect(await rejection(store.get('seed', removed.id))).to.be.instanceOf(NotFoundError);

    await restartServer(server);
    await until(async () => (await waitingCount(store)) === 0, 'the outbox to be sent');
    expect((await onServer(server, 'seed')).map((seed) => seed.title)).to.deep.equal(['Renamed offline']);
  });

  it('never queues an invalid record', async () => {
    const store = await openStore(server.url);
    await stopServer(server);
    const error = await rejection(store.put('side-event', sideEventInput({ start: 'soon' })));
    expect(error).to.be.instanceOf(ValidationError);
    expect((error as ValidationError).issues).to.deep.equal([{ field: 'start', code: 'invalid-datetime' }]);
    expect(await waitingCount(store)).to.equal(0);
  });

  it('falls back to the last list seen, and to its records, while the server is down', async () => {
    const store = await openStore(server.url);
    const created = await store.put('side-event', sideEventInput({ title: 'Seen before the outage' }));
    await store.put('side-event', sideEventInput({ title: 'Elsewhere', event: 'other-summit' }));
    const seen = await store.list('side-event', { event: 'g21' });
    await stopServer(server);

    expect(await store.list('side-event', { event: 'g21' })).to.deep.equal(seen);
    expect(await store.get('side-event', created.id)).to.deep.equal(created);
    expect(store.status.online).to.equal(false);
    const never = await rejection(store.list('seed', { event: 'g21' }));
    expect(never.code).to.equal('unavailable');
  });

  it('reconnects the live stream after a server restart and receives what was written meanwhile', async () => {
    const watcher = await openStore(server.url);
    const writer = await openStore(server.url);
    const removed = await writer.put('seed', seedInput({ title: 'Removed during the outage' }));
    await watcher.list('seed');
    const changes = changesOf(watcher);

    await restartServer(server);
    const created = await writer.put('seed', seedInput({ title: 'Written before the watcher is back' }));
    await writer.remove('seed', removed.id);
    await until(() => changes.some((change) => change.type === 'put' && change.records[0].id === created.id), 'the missed put');
    await until(() => changes.some((change) => change.type === 'remove' && change.id === removed.id), 'the missed removal');
    expect(changes.some((change) => change.type === 'status' && !change.status.online)).to.equal(true);
    expect(watcher.status.online).to.equal(true);

    const live = await writer.put('seed', seedInput({ title: 'Live again' }));
    await until(() => changes.some((change) => change.type === 'put' && change.records[0].id === live.id), 'the live put');
  });

  it('keeps a queued write the server refuses for good, stops retrying it, and lets it be discarded', async () => {
    await stopServer(server);
    server = await startServer('sqlite', { OFF_ADMIN_TOKEN: ADMIN_TOKEN });
    const store = await openStore(server.url);
    const created = await store.put('seed', seedInput({ title: 'Soon hidden' }));
    await store.list('seed');
    const hidden = await fetch(`${server.url}/seeds/${created.id}/hide`, { method: 'POST', headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(hidden.status).to.equal(200);
    await stopServer(server);
    await store.put('seed', { ...created, title: 'Edited offline' });
    expect(await waitingCount(store)).to.equal(1);

    const changes = changesOf(store);
    await restartServer(server);
    await until(async () => (await waitingCount(store)) === 0, 'the refusal');
    const [refused] = await store.pending();
    expect(refused).to.include({ kind: 'seed', op: 'replace', id: created.id, failure: 'not-found' });
    expect(refused.record && recordName(refused.record)).to.equal('Edited offline');
    // What the server holds is shown again once it answered: nothing.
    await until(() => changes.some((change) => change.type === 'remove' && change.id === created.id), 'the edit to be undone');
    expect(await store.list('seed')).to.deep.equal([]);

    await store.flush();
    expect((await store.pending())[0].failure).to.equal('not-found');
    const told = changes.length;
    await store.discardPending(refused.key);
    expect(await store.pending()).to.deep.equal([]);
    // A form listing the refusal hears that it went.
    expect(changes.slice(told)).to.deep.include({ type: 'pending', sent: [] });
  });
});

describe('http store, a create whose answer was lost', function () {
  this.timeout(60000);

  for (const database of ['sqlite', 'postgres'] as Database[]) {
    it(`sends the edit made while the create waited, though the server answers the create as first sent (${database})`, async () => {
      const server = await startServer(database);
      const store = await openStore(await proxyTo(server));
      await cutNetworkAfter(server, 'POST', '/seeds');
      const provisional = await store.put('seed', seedInput({ title: 'First draft' }));
      expect((await onServer(server, 'seed')).map((seed) => seed.title), 'committed before the answer was lost').to.deep.equal(['First draft']);
      await store.put('seed', { ...provisional, title: 'Edited while it waited' });
      expect(await waitingCount(store)).to.equal(1);

      await mendNetwork(server);
      await until(async () => (await waitingCount(store)) === 0, 'the outbox to be sent');
      const [stored, ...more] = await onServer(server, 'seed');
      expect(more).to.deep.equal([]);
      expect(stored.title).to.equal('Edited while it waited');
      await until(async () => (await store.get('seed', stored.id)).title === stored.title, 'the edit to be read back');
      expect((await store.list('seed')).map((seed) => seed.title)).to.deep.equal(['Edited while it waited']);
      expect(await canEdit(store, 'seed', stored.id)).to.equal(true);
    });

    it(`removes from the server a create removed while it waited (${database})`, async () => {
      const server = await startServer(database);
      const store = await openStore(await proxyTo(server));
      const changes = changesOf(store);
      expect(await store.list('seed'), 'a list to fall back to while the network is cut').to.deep.equal([]);
      await cutNetworkAfter(server, 'POST', '/seeds');
      const provisional = await store.put('seed', seedInput({ title: 'Changed my mind' }));
      const [written] = await onServer(server, 'seed');
      expect(written.title, 'committed before the answer was lost').to.equal('Changed my mind');
      await store.remove('seed', provisional.id);
      expect(await store.list('seed')).to.deep.equal([]);
      expect(await canEdit(store, 'seed', provisional.id)).to.equal(false);
      expect(await rejection(store.get('seed', provisional.id))).to.be.instanceOf(NotFoundError);

      await mendNetwork(server);
      await until(async () => (await waitingCount(store)) === 0, 'the outbox to be sent');
      expect(await onServer(server, 'seed')).to.deep.equal([]);
      expect(await store.list('seed')).to.deep.equal([]);
      expect(changes).to.deep.include({ type: 'remove', kind: 'seed', id: provisional.id });
    });
  }
});

describe('http store, a queued create changed while it is being sent', function () {
  this.timeout(60000);

  /** `queue` runs while the server is down; then the server is back and writes (or refuses) its creates, but its answer is held until `releaseAnswer`. */
  async function sentWithAnswerHeld<T>(database: Database, pathEnd: string, queue: (store: HttpStore) => Promise<T>) {
    const server = await startServer(database);
    const store = await openStore(await proxyTo(server));
    const changes = changesOf(store);
    await stopServer(server);
    const queued = await queue(store);
    await holdAnswerAfter(server, 'POST', pathEnd);
    await restartServer(server);
    // At once, not at the next retry: on a loaded machine the backoff can outgrow the wait for the held answer.
    void store.flush();
    await answerHeld(server);
    return { server, store, changes, queued };
  }

  const titlesAndIds = (records: OffRecord[]) => records.map((record) => [record.id, recordName(record)]);

  for (const database of ['sqlite', 'postgres'] as Database[]) {
    it(`sends an edit made while the create was in flight, and shows it under the server's id (${database})`, async () => {
      const { server, store, changes, queued } = await sentWithAnswerHeld(database, '/seeds', (store) =>
        store.put('seed', seedInput({ title: 'First draft' })),
      );
      await store.put('seed', { ...queued, title: 'Edited while it was sent' });
      await releaseAnswer(server);

      await until(async () => (await waitingCount(store)) === 0, 'the outbox to be sent');
      const stored = await onServer(server, 'seed');
      expect(stored.map((seed) => seed.title)).to.deep.equal(['Edited while it was sent']);
      expect(titlesAndIds(await store.list('seed'))).to.deep.equal(titlesAndIds(stored));
      await until(() => JSON.stringify(titlesAndIds(shownBy(changes))) === JSON.stringify(titlesAndIds(stored)), 'the feed to show the edit');
      expect(await canEdit(store, 'seed', stored[0].id)).to.equal(true);
    });

    it(`removes from the server a create removed while it was in flight (${database})`, async () => {
      const { server, store, changes, queued } = await sentWithAnswerHeld(database, '/seeds', (store) =>
        store.put('seed', seedInput({ title: 'Changed my mind' })),
      );
      await store.remove('seed', queued.id);
      await releaseAnswer(server);

      await until(async () => (await waitingCount(store)) === 0, 'the outbox to be sent');
      expect(await onServer(server, 'seed')).to.deep.equal([]);
      expect(await store.list('seed')).to.deep.equal([]);
      await until(() => shownBy(changes).length === 0, 'the feed to show nothing');
    });

    it(`sends the edits and removals of a batch's records made while it was in flight (${database})`, async () => {
      const { server, store, changes, queued } = await sentWithAnswerHeld(database, '/seeds/batch', (store) =>
        store.putMany('seed', ['One', 'Two', 'Three'].map((title) => seedInput({ title }))),
      );
      const [, edited, removed] = queued;
      expect(await onServer(server, 'seed')).to.have.length(3);
      await store.put('seed', { ...edited, title: 'Two, edited while it was sent' });
      await store.remove('seed', removed.id);
      await releaseAnswer(server);

      await until(async () => (await waitingCount(store)) === 0, 'the outbox to be sent');
      const stored = await onServer(server, 'seed');
      expect(stored.map((seed) => seed.title)).to.have.members(['One', 'Two, edited while it was sent']).and.have.length(2);
      const byTitle = (records: OffRecord[]) => titlesAndIds(records).sort((a, b) => a[1].localeCompare(b[1]));
      expect(byTitle(await store.list('seed'))).to.deep.equal(byTitle(stored));
      await until(() => JSON.stringify(byTitle(shownBy(changes))) === JSON.stringify(byTitle(stored)), 'the feed to show the edit, not the removed record');
    });

    // The server refuses a create whose honeypot is filled: for good, not worth sending again.
    const bot = { honeypot: 'https://spam.example' };

    it(`keeps, marked refused, the edit made while a create the server refuses was in flight (${database})`, async () => {
      const { server, store, changes, queued } = await sentWithAnswerHeld(database, '/seeds', (store) =>
        store.put('seed', seedInput({ title: 'First draft' }), bot),
      );
      await store.put('seed', { ...queued, title: 'Edited while it was sent' });
      await releaseAnswer(server);

      await until(async () => (await waitingCount(store)) === 0, 'the refusal');
      const refused = await store.pending();
      expect(refused.map(({ op, id, failure, record }) => [op, id, failure, record && recordName(record)])).to.deep.equal([
        ['create', queued.id, 'forbidden', 'Edited while it was sent'],
      ]);
      expect(await onServer(server, 'seed')).to.deep.equal([]);
      expect(shownBy(changes)).to.deep.equal([]);
    });

    it(`leaves nothing of a create removed while the server was refusing it (${database})`, async () => {
      const { server, store, changes, queued } = await sentWithAnswerHeld(database, '/seeds', (store) =>
        store.put('seed', seedInput({ title: 'Changed my mind' }), bot),
      );
      await store.remove('seed', queued.id);
      await releaseAnswer(server);

      await until(async () => (await waitingCount(store)) === 0, 'the refusal');
      expect(await store.pending()).to.deep.equal([]);
      expect(await onServer(server, 'seed')).to.deep.equal([]);
      expect(await store.list('seed')).to.deep.equal([]);
      expect(shownBy(changes)).to.deep.equal([]);
    });
  }
});

describe('http store, putMany batches that wait', function () {
  this.timeout(60000);

  it('queues a batch sent while the server is down and sends it exactly once when the server is back', async () => {
    const server = await startServer('sqlite');
    const store = await openStore(server.url);
    await stopServer(server);

    const provisional = await store.putMany('seed', ['One', 'Two', 'Three'].map((title) => seedInput({ title })));
    expect(await waitingCount(store)).to.equal(3);
    expect((await store.pending()).map((write) => [write.op, write.id])).to.deep.equal(provisional.map(({ id }) => ['create', id]));
    expect((await store.list('seed')).map((seed) => seed.id)).to.have.members(provisional.map(({ id }) => id));

    await restartServer(server);
    await until(async () => (await waitingCount(store)) === 0, 'the outbox to be sent');
    const stored = await onServer(server, 'seed');
    expect(stored.map((seed) => seed.title)).to.have.members(['One', 'Two', 'Three']);
    expect((await store.list('seed')).map((seed) => seed.id)).to.have.members(stored.map(({ id }) => id)).and.have.length(3);
    for (const { id } of stored) expect(await canEdit(store, 'seed', id)).to.equal(true);

    await store.flush();
    expect(await onServer(server, 'seed')).to.have.length(3);
  });

  for (const database of ['sqlite', 'postgres'] as Database[]) {
    it(`sends a batch whose answer was lost again with its key, so each record is written once (${database})`, async () => {
      const server = await startServer(database);
      const store = await openStore(await proxyTo(server));
      await cutNetworkAfter(server, 'POST', '/seeds/batch');

      const provisional = await store.putMany('seed', ['One', 'Two', 'Three'].map((title) => seedInput({ title })));
      expect(await waitingCount(store)).to.equal(3);
      expect(await onServer(server, 'seed'), 'committed before the answer was lost').to.have.length(3);

      // Another process answers the retry: the key is kept in the database, not in memory.
      await restartServer(server);
      await mendNetwork(server);
      await until(async () => (await waitingCount(store)) === 0, 'the outbox to be sent');
      const stored = await onServer(server, 'seed');
      expect(stored.map((seed) => seed.title)).to.have.members(['One', 'Two', 'Three']);
      const listed = (await store.list('seed')).map((seed) => seed.id);
      expect(listed).to.have.members(stored.map(({ id }) => id)).and.have.length(3);
      expect(listed).to.not.include.members(provisional.map(({ id }) => id));
      for (const { id } of stored) expect(await canEdit(store, 'seed', id)).to.equal(true);

      await store.flush();
      expect(await onServer(server, 'seed')).to.have.length(3);
    });
  }

  for (const database of ['sqlite', 'postgres'] as Database[]) {
    it(`sends the edit of a record of a lost batch after the batch is answered again (${database})`, async () => {
      const server = await startServer(database);
      const store = await openStore(await proxyTo(server));
      await cutNetworkAfter(server, 'POST', '/seeds/batch');
      const [, edited] = await store.putMany('seed', ['One', 'Two', 'Three'].map((title) => seedInput({ title })));
      expect(await onServer(server, 'seed'), 'committed before the answer was lost').to.have.length(3);
      await store.put('seed', { ...edited, title: 'Two, edited while it waited' });

      await mendNetwork(server);
      await until(async () => (await waitingCount(store)) === 0, 'the outbox to be sent');
      const titles = ['One', 'Two, edited while it waited', 'Three'];
      expect((await onServer(server, 'seed')).map((seed) => seed.title)).to.have.members(titles).and.have.length(3);
      await until(async () => (await store.list('seed')).some((seed) => seed.title === titles[1]), 'the edit to be listed');
      expect((await store.list('seed')).map((seed) => seed.title)).to.have.members(titles).and.have.length(3);
    });
  }

  it('removes from the server a record of a lost batch that was removed here before the batch was sent again', async () => {
    const server = await startServer('sqlite');
    const store = await openStore(await proxyTo(server));
    await cutNetworkAfter(server, 'POST', '/seeds/batch');
    const [, dropped] = await store.putMany('seed', ['Kept', 'Dropped', 'Also kept'].map((title) => seedInput({ title })));
    await store.remove('seed', dropped.id);
    expect(await waitingCount(store)).to.equal(2);

    await mendNetwork(server);
    await until(async () => (await waitingCount(store)) === 0, 'the outbox to be sent');
    await until(async () => (await onServer(server, 'seed')).length === 2, 'the dropped record to be removed from the server');
    expect((await onServer(server, 'seed')).map((seed) => seed.title)).to.have.members(['Kept', 'Also kept']);
    expect((await store.list('seed')).map((seed) => seed.title)).to.have.members(['Kept', 'Also kept']).and.have.length(2);
  });

  it('withdraws from the server a lost batch whose records were all removed here before it was sent again', async () => {
    const server = await startServer('sqlite');
    const store = await openStore(await proxyTo(server));
    await cutNetworkAfter(server, 'POST', '/seeds/batch');
    const provisional = await store.putMany('seed', ['One', 'Two'].map((title) => seedInput({ title })));
    expect(await onServer(server, 'seed'), 'committed before the answer was lost').to.have.length(2);
    for (const { id } of provisional) await store.remove('seed', id);
    expect((await store.pending()).map((write) => write.op), 'one withdrawal for the whole batch').to.deep.equal(['remove']);

    await mendNetwork(server);
    await until(async () => (await waitingCount(store)) === 0, 'the outbox to be sent');
    await until(async () => (await onServer(server, 'seed')).length === 0, 'the batch to be withdrawn from the server');
    expect(await store.list('seed')).to.have.length(0);
  });

  it('withdraws a batch the server never received, all of it removed here, without writing anything', async () => {
    const server = await startServer('sqlite');
    const store = await openStore(server.url);
    await stopServer(server);
    const provisional = await store.putMany('seed', ['One', 'Two'].map((title) => seedInput({ title })));
    for (const { id } of provisional) await store.remove('seed', id);

    await restartServer(server);
    await until(async () => (await waitingCount(store)) === 0, 'the withdrawal to be settled');
    expect(await onServer(server, 'seed')).to.have.length(0);
    expect(await store.pending()).to.have.length(0);
  });
});

describe('http store, edit tokens and refusals', function () {
  this.timeout(60000);

  it('keeps the edit token on this device and refuses changes from another device', async () => {
    const server = await startServer('sqlite');
    const mine = await openStore(server.url);
    const created = await mine.put('seed', seedInput());
    expect(await canEdit(mine, 'seed', created.id)).to.equal(true);

    // Same server under another name: to the browser another site, so no token is shared.
    const elsewhere = await openStore(server.url.replace('127.0.0.1', 'localhost'));
    expect(await elsewhere.get('seed', created.id)).to.deep.equal(created);
    expect(await canEdit(elsewhere, 'seed', created.id)).to.equal(false);
    expect((await rejection(elsewhere.remove('seed', created.id))).code).to.equal('forbidden');
    expect((await rejection(elsewhere.put('seed', { ...created, title: 'Hijacked' }))).code).to.equal('forbidden');

    const api = new HttpApi(server.url);
    const wrongToken = await rejection(api.remove('seed', created.id, { idempotencyKey: crypto.randomUUID(), editToken: 'not-the-token' }));
    expect(wrongToken.code).to.equal('forbidden');
    expect((await onServer(server, 'seed')).map((seed) => seed.title)).to.deep.equal([created.title]);

    await mine.remove('seed', created.id);
    expect(await onServer(server, 'seed')).to.deep.equal([]);
    expect(await canEdit(mine, 'seed', created.id)).to.equal(false);
  });

  it('lets every record of a local store be edited', async () => {
    const store = createMemoryStore({ name: 'http-test-can-edit' });
    const created = await store.put('seed', seedInput());
    expect(await canEdit(store, 'seed', created.id)).to.equal(true);
  });

  it('tells the contributor when this device could not keep the edit rights of what it added', async () => {
    const server = await startServer('sqlite');
    const store = await openStore(server.url);
    const changes: StoreChange[] = [];
    store.subscribe((change) => changes.push(change));
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.transaction.db.name === 'off-layer-tokens') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
    try {
      const created = await store.put('seed', seedInput());
      expect((await onServer(server, 'seed')).map((seed) => seed.id)).to.deep.equal([created.id]);
      expect(store.status.editRightsKept).to.equal(false);
      expect(changes).to.deep.include({ type: 'status', status: store.status });
      // For the rest of the visit, they still may.
      expect(await canEdit(store, 'seed', created.id)).to.equal(true);
    } finally {
      IDBObjectStore.prototype.put = put;
    }
  });

  it('keeps a write refused as rate-limited as pending, and does not send it again before Retry-After', async () => {
    const server = await startServer('sqlite', { OFF_WRITES_PER_CLIENT: '2' });
    const store = await openStore(server.url);
    await store.put('seed', seedInput());
    await store.put('seed', seedInput());
    const provisional = await store.put('seed', seedInput({ title: 'One too many' }));
    expect((await store.pending()).map((write) => [write.op, write.id, write.failure])).to.deep.equal([['create', provisional.id, undefined]]);
    expect((await store.list('seed')).map((seed) => seed.title)).to.include('One too many');
    expect(store.status.online).to.equal(true);
    // The form's own queue used to send it again after 2 s, whatever the server asked.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await onServer(server, 'seed')).to.have.length(2);
    expect(await waitingCount(store)).to.equal(1);
  });

  it('passes the honeypot to the server, which refuses it filled, and holds a create sent at once until its form token is 3 s old', async () => {
    const server = await startServer('sqlite');
    const opened = performance.now();
    const store = await openStore(server.url);
    const person = await store.put('seed', seedInput(), { honeypot: '' });
    expect(performance.now() - opened).to.be.at.least(2900);
    expect((await onServer(server, 'seed')).map((seed) => seed.id)).to.deep.equal([person.id]);
    expect((await rejection(store.put('seed', seedInput(), { honeypot: 'https://spam.example' }))).code).to.equal('forbidden');
    expect(await onServer(server, 'seed')).to.have.length(1);
  });

  it('gets the same answer and one record when a create is sent twice with one idempotency key', async () => {
    const server = await startServer('sqlite');
    const api = new HttpApi(server.url);
    const idempotencyKey = crypto.randomUUID();
    const first = await api.create('side-event', sideEventInput(), { idempotencyKey });
    const again = await api.create('side-event', sideEventInput(), { idempotencyKey });
    expect(again).to.deep.equal(first);
    expect(await onServer(server, 'side-event')).to.deep.equal([first.record]);
  });
});
