import { expect } from '@open-wc/testing';
import { NotFoundError, StorageError } from '../../src/storage/errors.js';
import { ValidationError } from '../../src/storage/validation-error.js';
import type { OffStore, StoreChange } from '../../src/storage/store.js';
import { lineageOf } from '../../src/model/lineage.js';
import { hostEventInput, organizerInput, placeInput, seedInput, sideEventInput } from './fixtures.js';

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

    it('creates a host event with the id its creator chose, and updates it by that id', async () => {
      const input = hostEventInput();
      const created = await store.put('event', input);
      expect(created).to.include({ id: input.id, name: input.name, start: input.start });
      expect(created.createdAt).to.equal(created.updatedAt);
      const renamed = await store.put('event', { ...input, name: 'Summit of the commons, 2026 edition' });
      expect(renamed.id).to.equal(input.id);
      expect(renamed.createdAt).to.equal(created.createdAt);
      expect((await store.get('event', input.id)).name).to.equal('Summit of the commons, 2026 edition');
      expect((await store.list('event')).map(({ id }) => id)).to.deep.equal([input.id]);
    });

    it('refuses a host event without a valid id, or part of itself', async () => {
      const noId = (await rejection(store.put('event', hostEventInput({ id: undefined })))) as ValidationError;
      expect(noId.issues).to.deep.equal([{ field: 'id', code: 'required' }]);
      const input = hostEventInput();
      const itself = (await rejection(store.put('event', { ...input, partOf: input.id }))) as ValidationError;
      expect(itself.issues).to.deep.equal([{ field: 'partOf', code: 'part-of-cycle' }]);
      const edition = await store.put('event', hostEventInput({ partOf: input.id }));
      expect(edition.partOf, 'an umbrella event nobody described yet is fine').to.equal(input.id);
      expect((await store.list('event', { partOf: input.id })).map(({ id }) => id), "the series' editions").to.deep.equal([edition.id]);
      await store.put('event', input);
      const loop = (await rejection(store.put('event', { ...input, partOf: edition.id }))) as ValidationError;
      expect(loop.issues).to.deep.equal([{ field: 'partOf', code: 'part-of-cycle' }]);
    });

    it('keeps two places of the same name in two cities apart, and refuses bad coordinates', async () => {
      const marseille = await store.put('place', placeInput());
      const lyon = await store.put('place', placeInput({ address: '3 rue du Port, 69001 Lyon', latitude: 45.767, longitude: 4.834 }));
      expect(marseille.id).not.to.equal(lyon.id);
      expect((await store.list('place')).map(({ address }) => address).sort()).to.deep.equal([lyon.address, marseille.address].sort());
      const half = (await rejection(store.put('place', placeInput({ longitude: undefined })))) as ValidationError;
      expect(half.issues).to.deep.equal([{ field: 'longitude', code: 'coordinates-pair' }]);
      const far = (await rejection(store.put('place', placeInput({ latitude: 91 })))) as ValidationError;
      expect(far.fieldMessages('fr')).to.deep.equal({ latitude: 'La latitude va de -90 à 90, la longitude de -180 à 180.' });
    });

    it('refuses a side event naming a place or organizer that does not exist, with a field error', async () => {
      const error = (await rejection(store.put('side-event', sideEventInput({ placeId: 'no-such-place', organizerId: 'no-such-organizer' })))) as ValidationError;
      expect(error).to.be.instanceOf(ValidationError);
      expect(error.issues).to.deep.equal([
        { field: 'placeId', code: 'unknown-place' },
        { field: 'organizerId', code: 'unknown-organizer' },
      ]);
      expect(error.fieldMessages('en').placeId).to.equal('This place does not exist: choose one from the list or add it first.');
      expect(await store.list('side-event')).to.have.length(0);
    });

    it("lists a place's and an organizer's side events across events; a renamed place is renamed for all of them", async () => {
      const cafe = await store.put('place', placeInput());
      const collective = await store.put('organizer', organizerInput());
      const here = await store.put('side-event', sideEventInput({ placeId: cafe.id, organizerId: collective.id }));
      const elsewhere = await store.put('side-event', sideEventInput({ event: 'other-summit', placeId: cafe.id, start: '2027-01-10T10:00:00+01:00', end: undefined }));
      await store.put('side-event', sideEventInput({ title: 'Not at the café' }));
      expect((await store.list('side-event', { place: cafe.id })).map(({ id }) => id)).to.deep.equal([here.id, elsewhere.id]);
      expect((await store.list('side-event', { organizer: collective.id })).map(({ id }) => id)).to.deep.equal([here.id]);
      expect(await store.list('side-event', { place: cafe.id, event: 'other-summit' })).to.deep.equal([elsewhere]);
      await store.put('place', { ...cafe, name: 'Le Café du Port' });
      for (const sideEvent of await store.list('side-event', { place: cafe.id })) {
        expect((await store.get('place', sideEvent.placeId!)).name).to.equal('Le Café du Port');
      }
    });

    it('lists upcoming side events only: those ending, or starting without an end, at or after "from"', async () => {
      const over = await store.put('side-event', sideEventInput({ title: 'Over', start: '2026-06-12T08:00:00+02:00', end: '2026-06-12T09:00:00+02:00' }));
      const running = await store.put('side-event', sideEventInput({ title: 'Running', start: '2026-06-12T09:00:00+02:00', end: '2026-06-12T12:00:00+02:00' }));
      const later = await store.put('side-event', sideEventInput({ title: 'Later', start: '2026-06-12T14:00:00+02:00', end: undefined }));
      const from = '2026-06-12T10:00:00+02:00';
      expect((await store.list('side-event', { event: 'g21', from })).map(({ id }) => id)).to.deep.equal([running.id, later.id]);
      expect((await store.list('side-event', { from: '2026-06-12T07:00:00Z' })).map(({ id }) => id)).to.deep.equal([over.id, running.id, later.id]);
    });

    it('lists the seeds replanted from a seed across events, and refuses a lineage cycle', async () => {
      const parent = await store.put('seed', seedInput({ title: 'Parent' }));
      const child = await store.put('seed', seedInput({ title: 'Child', event: 'other-summit', replantedFrom: parent.id }));
      await store.put('seed', seedInput({ title: 'Unrelated' }));
      expect((await store.list('seed', { replantedFrom: parent.id })).map(({ id }) => id)).to.deep.equal([child.id]);
      const cycle = (await rejection(store.put('seed', { ...parent, replantedFrom: child.id }))) as ValidationError;
      expect(cycle.issues).to.deep.equal([{ field: 'replantedFrom', code: 'lineage-cycle' }]);
      expect(cycle.fieldMessages('fr').replantedFrom).to.equal("Une graine ne peut pas être replantée depuis l'une de ses descendantes.");
      expect((await store.get('seed', parent.id)).replantedFrom).to.equal(undefined);
    });

    it('follows a lineage across events, with a gap where a parent is gone', async () => {
      const grandparent = await store.put('seed', seedInput({ title: 'Grandparent', event: 'summit-2024' }));
      const parent = await store.put('seed', seedInput({ title: 'Parent', event: 'summit-2025', replantedFrom: grandparent.id }));
      const seed = await store.put('seed', seedInput({ title: 'Seed', replantedFrom: parent.id }));
      const child = await store.put('seed', seedInput({ title: 'Child', event: 'summit-2027', replantedFrom: seed.id }));
      const sources = {
        seed: (id: string) => store.get('seed', id).catch(() => undefined),
        replantedFrom: (id: string) => store.list('seed', { replantedFrom: id }),
      };
      const lineage = await lineageOf(seed, sources);
      expect(lineage.ancestors.map(({ seed: each }) => each?.event)).to.deep.equal(['summit-2025', 'summit-2024']);
      expect(lineage.descendants.map(({ seed: each }) => each.id)).to.deep.equal([child.id]);
      await store.remove('seed', parent.id);
      const gapped = await lineageOf(seed, sources);
      expect(gapped.ancestors).to.deep.equal([{ id: parent.id }]);
    });

    it('searches the commons across events by tag, licence and words, case and accents aside', async () => {
      const circle = await store.put('seed', seedInput({ event: 'summit-2025', title: 'Cercle de parole', body: 'Chacun parle une fois.', tags: ['facilitation'], license: 'CC0-1.0' }));
      await new Promise((resolve) => setTimeout(resolve, 5));
      const workshop = await store.put('seed', seedInput({ title: 'Open-door workshop', tags: ['facilitation', 'doors'], license: 'CC-BY-4.0' }));
      await store.put('seed', seedInput({ title: 'Soup recipe', body: 'Leeks.', tags: ['food'], license: 'CC0-1.0' }));
      const ids = async (query: object) => (await store.list('seed', query)).map(({ id }) => id);
      expect(await ids({ tag: 'facilitation' })).to.deep.equal([workshop.id, circle.id]);
      expect(await ids({ tag: 'facilitation', license: 'CC0-1.0' })).to.deep.equal([circle.id]);
      expect(await ids({ text: 'CERCLE  parlé' })).to.deep.equal([circle.id]);
      expect(await ids({ text: 'door facilitation' }), 'every word, in the title, body or tags').to.deep.equal([workshop.id]);
      expect(await ids({ text: 'door', event: 'summit-2025' })).to.deep.equal([]);
    });

    it('stores markup in the new kinds as text, and refuses javascript: URLs there', async () => {
      const name = '<script>alert(1)</script> & "friends"';
      const organizer = await store.put('organizer', organizerInput({ name }));
      expect((await store.get('organizer', organizer.id)).name).to.equal(name);
      for (const [kind, input] of [
        ['place', placeInput({ url: 'javascript:alert(1)' })],
        ['organizer', organizerInput({ url: 'JavaScript:alert(1)' })],
        ['event', hostEventInput({ url: 'javascript:alert(1)' })],
      ] as const) {
        const error = (await rejection(store.put(kind, input))) as ValidationError;
        expect(error.issues, kind).to.deep.equal([{ field: 'url', code: 'unsafe-url' }]);
      }
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
