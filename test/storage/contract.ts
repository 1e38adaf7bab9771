import { expect } from '@open-wc/testing';
import { NotFoundError, StorageError } from '../../src/storage/errors.js';
import { ValidationError } from '../../src/storage/validation-error.js';
import type { OffStore, StoreChange } from '../../src/storage/store.js';
import { seedInput, sideEventInput } from './fixtures.js';

export interface StoreUnderTest {
  /** A fresh, empty store. */
  open(): Promise<OffStore>;
  /** A second store on the same data as `store`, as another tab would open it. */
  openPeer(store: OffStore): Promise<OffStore>;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

function nextChange(store: OffStore, accept: (change: StoreChange) => boolean = () => true): Promise<StoreChange> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no change arrived within 5 s')), 5000);
    const unsubscribe = store.subscribe((change) => {
      if (!accept(change)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(change);
    });
  });
}

/** The storage contract: every adapter runs exactly these tests. */
export function storeContract(name: string, subject: StoreUnderTest): void {
  describe(`storage contract: ${name}`, function () {
    this.timeout(120000);
    let store: OffStore;
    const opened: OffStore[] = [];

    beforeEach(async () => {
      store = await subject.open();
      opened.push(store);
    });

    afterEach(() => {
      for (const each of opened.splice(0)) each.close();
    });

    it('creates a side event with a generated id and stamps', async () => {
      const created = await store.put('side-event', { ...sideEventInput(), id: undefined });
      expect(created.id).to.match(/^[0-9a-f-]{36}$/);
      expect(created.createdAt).to.equal(created.updatedAt);
      expect(Date.parse(created.createdAt)).to.be.closeTo(Date.now(), 60000);
      expect(await store.get('side-event', created.id)).to.deep.equal(created);
    });

    it('never takes an id from the user on create', async () => {
      const error = await rejection(store.put('side-event', sideEventInput({ id: 'chosen-by-user' })));
      expect(error).to.be.instanceOf(NotFoundError);
      expect(await store.list('side-event')).to.have.length(0);
    });

    it('updates a record in place, keeping id and createdAt', async () => {
      const created = await store.put('seed', seedInput());
      await new Promise((resolve) => setTimeout(resolve, 5));
      const updated = await store.put('seed', { ...created, title: 'Renamed' });
      expect(updated.id).to.equal(created.id);
      expect(updated.createdAt).to.equal(created.createdAt);
      expect(updated.updatedAt > created.updatedAt).to.equal(true);
      expect((await store.get('seed', created.id)).title).to.equal('Renamed');
      expect(await store.list('seed')).to.have.length(1);
    });

    it('removes a record, and reports unknown ids as not found', async () => {
      const created = await store.put('side-event', sideEventInput());
      await store.remove('side-event', created.id);
      expect(await rejection(store.get('side-event', created.id))).to.be.instanceOf(NotFoundError);
      expect(await rejection(store.remove('side-event', created.id))).to.be.instanceOf(NotFoundError);
      const error = (await rejection(store.get('seed', 'no-such-seed'))) as StorageError;
      expect(error.code).to.equal('not-found');
      expect(error.messageIn('fr')).to.equal("Cet élément n'existe pas (ou plus).");
    });

    it('lists by kind and event, side events by start and seeds newest first', async () => {
      await store.put('side-event', sideEventInput({ title: 'Late', start: '2026-06-12T18:00:00+02:00', end: undefined }));
      await store.put('side-event', sideEventInput({ title: 'Early', start: '2026-06-12T07:00:00+02:00', end: undefined }));
      await store.put('side-event', sideEventInput({ title: 'Elsewhere', event: 'other-summit' }));
      const first = await store.put('seed', seedInput({ title: 'First seed' }));
      await new Promise((resolve) => setTimeout(resolve, 5));
      const second = await store.put('seed', seedInput({ title: 'Second seed' }));

      const sideEvents = await store.list('side-event', { event: 'g21' });
      expect(sideEvents.map((item) => item.title)).to.deep.equal(['Early', 'Late']);
      expect(await store.list('side-event')).to.have.length(3);
      expect((await store.list('seed', { event: 'g21' })).map((item) => item.id)).to.deep.equal([second.id, first.id]);
      expect(await store.list('seed', { event: 'other-summit' })).to.deep.equal([]);
    });

    it('rejects bad records with field errors and stores nothing', async () => {
      const bad = sideEventInput({
        title: '   ',
        url: 'javascript:alert(1)',
        start: 'tomorrow',
        tags: Array.from({ length: 11 }, (_, index) => `tag${index}`),
      });
      const error = (await rejection(store.put('side-event', bad))) as ValidationError;
      expect(error).to.be.instanceOf(ValidationError);
      expect(error.code).to.equal('validation');
      expect(error.fieldMessages('en')).to.deep.equal({
        title: 'This field is required.',
        url: 'Only http:// and https:// addresses are accepted.',
        start: 'Enter a valid date and time.',
        tags: 'At most 10 items.',
      });
      expect(error.fieldMessages('fr').url).to.equal('Seules les adresses http:// et https:// sont acceptées.');
      expect(await store.list('side-event')).to.have.length(0);
    });

    it('rejects a whole batch when one record is bad', async () => {
      const error = (await rejection(store.putMany('seed', [seedInput(), seedInput({ body: 'x'.repeat(4001) })]))) as ValidationError;
      expect(error).to.be.instanceOf(ValidationError);
      expect(error.index).to.equal(1);
      expect(error.issues).to.deep.equal([{ field: 'body', code: 'too-long', limit: 4000 }]);
      expect(await store.list('seed')).to.have.length(0);
    });

    it('keeps what it stored when a caller changes a record it handed out', async () => {
      const created = await store.put('seed', seedInput());
      const listed = (await store.list('seed'))[0] as { title: string; tags: string[] };
      try {
        listed.title = 'changed by a caller';
        listed.tags.push('intruder');
      } catch {
        // A frozen record refuses the change: just as good.
      }
      expect(await store.get('seed', created.id)).to.deep.equal(created);
    });

    it('stores markup and SQL-looking text verbatim, as text', async () => {
      const title = `<img src=x onerror=alert(1)>'; DROP TABLE records; --`;
      const created = await store.put('seed', seedInput({ title }));
      expect((await store.get('seed', created.id)).title).to.equal(title);
    });

    it('fires the change feed for puts and removes', async () => {
      const putSeen = nextChange(store, (change) => change.type === 'put');
      const created = await store.put('side-event', sideEventInput());
      const put = await putSeen;
      expect(put).to.deep.equal({ type: 'put', kind: 'side-event', records: [created] });

      const removeSeen = nextChange(store, (change) => change.type === 'remove');
      await store.remove('side-event', created.id);
      expect(await removeSeen).to.deep.equal({ type: 'remove', kind: 'side-event', id: created.id });
    });

    it('stops notifying after unsubscribe', async () => {
      const changes: StoreChange[] = [];
      const unsubscribe = store.subscribe((change) => changes.push(change));
      await store.put('seed', seedInput());
      unsubscribe();
      await store.put('seed', seedInput());
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(changes.filter((change) => change.type === 'put')).to.have.length(1);
    });

    it('notifies a second store on the same data (another tab) and shares its records', async () => {
      const peer = await subject.openPeer(store);
      opened.push(peer);
      const seenByPeer = nextChange(peer, (change) => change.type === 'put');
      const created = await store.put('seed', seedInput());
      expect(await seenByPeer).to.deep.equal({ type: 'put', kind: 'seed', records: [created] });
      expect(await peer.get('seed', created.id)).to.deep.equal(created);
    });

    it('has no pending writes when every write was made, and discarding an unknown one changes nothing', async () => {
      const created = await store.put('seed', seedInput());
      expect(await store.pending()).to.deep.equal([]);
      expect(await store.pending({ kind: 'seed', event: created.event })).to.deep.equal([]);
      await store.discardPending('no such pending write');
      expect(await store.get('seed', created.id)).to.deep.equal(created);
    });

    it('round-trips 10,000 records intact', async () => {
      const inputs = Array.from({ length: 10000 }, (_, index) =>
        sideEventInput({
          title: `Side event ${index} — « ${'é'.repeat(index % 7)} » 🌱`,
          start: new Date(Date.UTC(2026, 5, 12, 6) + index * 60000).toISOString().replace('Z', '+00:00'),
          end: undefined,
          tags: [`t${index % 10}`],
        }),
      );
      const t0 = performance.now();
      const created = await store.putMany('side-event', inputs);
      expect(created).to.have.length(10000);
      const listed = await store.list('side-event', { event: 'g21' });
      expect(listed).to.have.length(10000);
      console.log(`10k round trip: ${Math.round(performance.now() - t0)} ms`);
      expect(listed).to.deep.equal(created);
      expect(listed[9999].title).to.equal(`Side event 9999 — « ${'é'.repeat(9999 % 7)} » 🌱`);
    });
  });
}
