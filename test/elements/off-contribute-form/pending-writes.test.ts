import { aTimeout, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { storeFor } from '../../../src/elements/shared/store-registry.js';
import type { OffContributedEvent } from '../../../src/elements/shared/events.js';
import { SafeStorage } from '../../../src/elements/off-contribute-form/safe-storage.js';
import { RateLimitedError, StorageError, UnavailableError } from '../../../src/storage/errors.js';
import type { ChangeListener, PendingWrite } from '../../../src/storage/store.js';
import { fillTheDisk, sideEventInput, uniqueName } from '../../storage/fixtures.js';
import { registerStandIn } from '../stand-in-stores.js';
import { confirmed, control, fillSideEvent, flakyStore, formFixture, part, pendingOf, statusText, submit, type } from './helpers.js';

/** A store that refused the write it kept waiting: first unavailable, then refused for good once it tries again. */
function refusingLater() {
  let refusing = false;
  const store = flakyStore(() => (refusing ? new StorageError('forbidden') : new UnavailableError()), () => true);
  return { ...store, refuse: () => void ((refusing = true), window.dispatchEvent(new Event('online'))) };
}

const putBackButton = (el: HTMLElement) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="status"] .put-back');

describe('off-contribute-form offline and pending', function () {
  // Stores try pending writes again with backoff: a few seconds.
  this.timeout(30000);
  const waitLong = { timeout: 20000 };

  it('keeps a contribution the idb store cannot write (disk full) as pending, shows it, and sends it when back online', async () => {
    const el = await formFixture({ store: 'idb' });
    await storeFor('idb').ready();
    fillSideEvent(el);
    const restore = fillTheDisk();
    try {
      await submit(el);
      const confirmation = await confirmed(el);
      await expect(el).to.be.accessible();
      expect(confirmation.textContent).to.contain('Saved on this device, will be sent when you are back online.');
      await waitUntil(() => statusText(el).includes('1 contribution saved on this device'), 'the pending write not counted');
      expect((await pendingOf(el)).map(({ op, failure }) => [op, failure])).to.deep.equal([['create', undefined]]);
    } finally {
      restore();
    }

    const contributed = oneEvent(el, 'off-contributed') as Promise<OffContributedEvent>;
    window.dispatchEvent(new Event('online'));
    const { detail } = await contributed;
    expect(detail.record.title).to.equal('Breakfast of the commons');
    expect(await storeFor('idb').list('side-event', { event: el.event })).to.deep.equal([detail.record]);
    await waitUntil(() => part(el, 'confirmation')!.textContent!.includes('has been added'), 'confirmation not updated');
    await waitUntil(() => !statusText(el).includes('saved on this device'), 'still counted as pending');
    expect(await pendingOf(el)).to.deep.equal([]);
  });

  it('keeps contributions pending while a registered store is unavailable, in French, and says each was sent once it is back', async () => {
    let down = true;
    const { spec, base } = flakyStore(() => new UnavailableError(), () => down);
    const el = await formFixture({ store: spec, lang: 'fr' });
    fillSideEvent(el, { title: 'Premier' });
    await submit(el);
    await confirmed(el);
    await expect(el).to.be.accessible();
    await waitUntil(() => statusText(el).includes('1 contribution enregistrée sur cet appareil'), 'first not counted');
    part(el, 'confirmation')!.querySelector('button')!.click();
    await el.updateComplete;
    fillSideEvent(el, { title: 'Second' });
    await submit(el);
    await waitUntil(() => statusText(el).includes('2 contributions enregistrées'), 'second not counted');
    // The count may change before the confirmation shows.
    (await confirmed(el)).querySelector('button')!.click();
    await el.updateComplete;

    const contributions: string[] = [];
    el.addEventListener('off-contributed', ({ detail }) => contributions.push(detail.record.title));
    down = false;
    window.dispatchEvent(new Event('online'));
    await waitUntil(async () => (await base.list('side-event', { event: el.event })).length === 2, 'not sent', waitLong);
    await waitUntil(() => !statusText(el).includes('enregistrée'), 'still counted as pending');
    expect(statusText(el)).to.match(/« (Premier|Second) » a été envoyé\./);
    expect(contributions).to.have.members(['Premier', 'Second']);
    await expect(el).to.be.accessible();
  });

  it('sends what an earlier visit left pending as soon as the store is opened again', async () => {
    const spec = uniqueName('reload');
    const event = uniqueName('reload');
    flakyStore(() => new UnavailableError(), () => true, spec);
    await storeFor(spec).put('side-event', sideEventInput({ event, title: 'Kept yesterday' }), { honeypot: '' });
    expect(await storeFor(spec).pending({ event })).to.have.length(1);
    storeFor(spec).close();

    // The next visit: the same store registered again, reachable now.
    const { base } = flakyStore(() => new UnavailableError(), () => false, spec);
    const el = await formFixture({ store: spec, event });
    await waitUntil(async () => (await base.list('side-event', { event })).length === 1, 'earlier pending write not sent', waitLong);
    await waitUntil(() => !statusText(el).includes('saved on this device'), 'still counted as pending');
    expect(await pendingOf(el)).to.deep.equal([]);
  });

  it('sends a pending contribution once, and announces it once, when two forms show the same store and event', async () => {
    let down = true;
    const { spec, base } = flakyStore(() => new UnavailableError(), () => down);
    const event = uniqueName('twice');
    const first = await formFixture({ store: spec, event });
    const second = await formFixture({ store: spec, event });
    fillSideEvent(first);
    await submit(first);
    await confirmed(first);
    await waitUntil(() => statusText(second).includes('1 contribution saved on this device'), 'the other form does not show it');
    const announced: string[] = [];
    const listen = ({ detail }: OffContributedEvent) => announced.push(detail.record.id);
    document.body.addEventListener('off-contributed', listen);
    try {
      down = false;
      window.dispatchEvent(new Event('online'));
      await waitUntil(() => !statusText(second).includes('saved on this device'), 'not sent', waitLong);
      await waitUntil(() => part(first, 'confirmation')!.textContent!.includes('has been added'), 'the confirmation not updated');
      const stored = await base.list('side-event', { event });
      expect(stored).to.have.length(1);
      expect(announced).to.deep.equal([stored[0]!.id]);
    } finally {
      document.body.removeEventListener('off-contributed', listen);
    }
  });

  it('leaves the retrying to the store: a write refused with Retry-After waits as long as asked', async () => {
    const { spec, calls } = flakyStore(() => new RateLimitedError(60000), () => true);
    // The form's own time trap, as on any page: pressed at once, then again, it is sent 3 s after the form appeared.
    const el = await formFixture({ store: spec, minFillMs: null });
    fillSideEvent(el);
    await submit(el);
    await submit(el);
    await waitUntil(() => part(el, 'confirmation'), 'no confirmation', { timeout: 5000 });
    expect(part(el, 'confirmation')!.textContent).to.contain('Saved on this device');
    // The form's own queue tried again after 2 s.
    await aTimeout(2500);
    expect(calls()).to.equal(1);
    expect((await pendingOf(el)).map(({ failure }) => failure)).to.deep.equal([undefined]);
  });

  it('shows the offline state and says what happens to contributions', async () => {
    const el = await formFixture();
    let online = false;
    el.onlineCheck = () => online;
    window.dispatchEvent(new Event('offline'));
    await el.updateComplete;
    await expect(el).to.be.accessible();
    expect(statusText(el)).to.contain('You are offline.');
    online = true;
    window.dispatchEvent(new Event('online'));
    await el.updateComplete;
    expect(statusText(el)).to.not.contain('You are offline.');
  });

  it('keeps what was typed and says why when the store refuses for good', async () => {
    const { spec, base } = flakyStore(() => new StorageError('forbidden'), () => true);
    const el = await formFixture({ store: spec });
    fillSideEvent(el);
    await submit(el);
    await waitUntil(() => statusText(el).includes('You are not allowed to change this record.'), 'refusal not shown');
    await expect(el).to.be.accessible();
    expect(control(el, 'title').value).to.equal('Breakfast of the commons');
    expect(await pendingOf(el)).to.deep.equal([]);
    expect(await base.list('side-event', { event: el.event })).to.deep.equal([]);
  });

  it('puts a contribution refused after it had waited back in the form, to correct and send again', async () => {
    const { spec, base, refuse } = refusingLater();
    const el = await formFixture({ store: spec });
    fillSideEvent(el, { title: 'Swim at dawn', description: 'Bring a towel.', start: '2026-06-13T06:15', tags: 'sea, swim' });
    await submit(el);
    await confirmed(el);
    refuse();
    await waitUntil(() => putBackButton(el), 'no way to put it back', waitLong);
    expect(part(el, 'confirmation'), 'no confirmation of a refused contribution').to.equal(null);
    expect(statusText(el)).to.contain('Swim at dawn: You are not allowed to change this record.');
    expect(putBackButton(el)!.getAttribute('aria-label')).to.equal('Put it back in the form: Swim at dawn');
    await expect(el).to.be.accessible();

    putBackButton(el)!.click();
    await waitUntil(() => putBackButton(el) === null, 'the refusal is still listed');
    expect(await pendingOf(el)).to.deep.equal([]);
    expect(['title', 'description', 'start', 'tags', 'place'].map((name) => control(el, name).value)).to.deep.equal([
      'Swim at dawn',
      'Bring a towel.',
      '2026-06-13T06:15',
      'sea, swim',
      'Café du Port',
    ]);
    expect(el.shadowRoot!.activeElement).to.equal(control(el, 'title'));
    expect(await base.list('side-event', { event: el.event })).to.deep.equal([]);
  });

  it('asks before putting a refused contribution back over what is being typed, and keeps that when told no', async () => {
    const { spec, refuse } = refusingLater();
    const el = await formFixture({ store: spec });
    fillSideEvent(el, { title: 'Swim at dawn' });
    await submit(el);
    (await confirmed(el)).querySelector('button')!.click();
    await el.updateComplete;
    type(el, 'title', 'Picnic on the pier');
    refuse();
    await waitUntil(() => putBackButton(el), 'no way to put it back', waitLong);
    const questions: string[] = [];
    let answer = false;
    const confirm = window.confirm;
    window.confirm = (question) => (questions.push(String(question)), answer);
    try {
      putBackButton(el)!.click();
      await el.updateComplete;
      expect(questions).to.deep.equal(['Replace what you are typing with “Swim at dawn”? It will be lost.']);
      expect(control(el, 'title').value).to.equal('Picnic on the pier');
      expect(putBackButton(el), 'the refusal is still listed').to.not.equal(null);

      answer = true;
      putBackButton(el)!.click();
      await waitUntil(() => putBackButton(el) === null, 'the refusal is still listed');
      expect(control(el, 'title').value).to.equal('Swim at dawn');
    } finally {
      window.confirm = confirm;
    }
  });

  it('lists the refusals a store with pending writes of its own offers, and asks that store to discard one put back', async () => {
    const event = uniqueName('own-outbox');
    const refusal = (key: string, of: string, title: string): PendingWrite => ({
      key,
      kind: 'side-event',
      op: 'create',
      id: `provisional-${key}`,
      record: { ...sideEventInput({ event: of, title }), id: `provisional-${key}`, createdAt: '2026-06-01T10:00:00Z', updatedAt: '2026-06-01T10:00:00Z' } as PendingWrite['record'],
      queuedAt: '2026-06-01T10:00:00Z',
      failure: 'conflict',
    });
    let writes = [refusal('write-1', event, 'Kept by its store'), refusal('write-2', uniqueName('other'), 'Of another event')];
    const listeners = new Set<ChangeListener>();
    const discarded: string[] = [];
    const spec = registerStandIn(uniqueName('own-outbox'), (base) => ({
      // Every pending write, whatever the query: the form keeps those of its kind and event.
      pending: async () => writes,
      discardPending: async (key) => {
        discarded.push(key);
        writes = writes.filter((write) => write.key !== key);
        for (const listener of listeners) listener({ type: 'pending', sent: [] });
      },
      subscribe: (listener) => {
        listeners.add(listener);
        const unsubscribe = base.subscribe(listener);
        return () => void (listeners.delete(listener), unsubscribe());
      },
    }));
    const el = await formFixture({ store: spec, event });
    await waitUntil(() => putBackButton(el), 'the store’s refusal not listed');
    expect(statusText(el)).to.contain('1 saved contribution was refused');
    expect(statusText(el)).to.contain('Kept by its store:');
    putBackButton(el)!.click();
    await waitUntil(() => putBackButton(el) === null, 'the refusal is still listed');
    expect(discarded).to.deep.equal(['write-1']);
    expect(control(el, 'title').value).to.equal('Kept by its store');
  });
});

describe('SafeStorage', () => {
  it('keeps values in memory for this page when storage throws, and never throws itself', () => {
    const refusing = new SafeStorage(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(refusing.read('off-layer:test')).to.equal(undefined);
    refusing.write('off-layer:test', { title: 'kept' });
    expect(refusing.read('off-layer:test')).to.deep.equal({ title: 'kept' });
    refusing.remove('off-layer:test');
    expect(refusing.read('off-layer:test')).to.equal(undefined);
  });

  it('reads back what it wrote to localStorage, and ignores what is not JSON', () => {
    const storage = new SafeStorage();
    const key = uniqueName('off-layer:test');
    storage.write(key, ['a']);
    expect(JSON.parse(localStorage.getItem(key)!)).to.deep.equal(['a']);
    localStorage.setItem(key, '{not json');
    expect(storage.read(key)).to.equal(undefined);
    storage.remove(key);
    expect(localStorage.getItem(key)).to.equal(null);
  });
});
