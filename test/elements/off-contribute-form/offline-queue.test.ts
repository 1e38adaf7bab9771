import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { registerStore, storeFor } from '../../../src/elements/shared/store-registry.js';
import type { OffContributedEvent } from '../../../src/elements/shared/events.js';
import { SafeStorage } from '../../../src/elements/off-contribute-form/safe-storage.js';
import { StorageError, UnavailableError } from '../../../src/storage/errors.js';
import { createMemoryStore } from '../../../src/storage/memory.js';
import type { OffStore } from '../../../src/storage/store.js';
import { sideEventInput, uniqueName } from '../../storage/fixtures.js';
import { confirmed, control, fillSideEvent, formFixture, part, statusText, submit, type } from './helpers.js';

/** Makes every IndexedDB write fail as on a full disk, until the returned function is called. */
function fillTheDisk(): () => void {
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = () => {
    throw new DOMException('The disk is full', 'QuotaExceededError');
  };
  return () => {
    IDBObjectStore.prototype.put = put;
  };
}

/** A memory store of its own whose writes fail with `error` while `failing()` says so. */
function flakyStore(error: () => Error, failing: () => boolean): { spec: string; store: OffStore } {
  const store = createMemoryStore({ name: uniqueName('flaky') });
  const spec = uniqueName('flaky');
  const put = (store.put as OffStore['put']).bind(store);
  store.put = ((kind, input, options) => (failing() ? Promise.reject(error()) : put(kind, input, options))) as OffStore['put'];
  registerStore(spec, store);
  return { spec, store };
}

function queued(kind: string, event: string): unknown[] {
  return JSON.parse(localStorage.getItem(`off-layer:queue:${kind}:${event}`) ?? '[]');
}

describe('off-contribute-form offline and queued', () => {
  it('queues a contribution the idb store cannot write (disk full), shows it, and sends it when back online', async () => {
    const el = await formFixture({ store: 'idb' });
    await storeFor('idb').ready();
    fillSideEvent(el);
    const restore = fillTheDisk();
    try {
      await submit(el);
      const confirmation = await confirmed(el);
      await expect(el).to.be.accessible();
      expect(confirmation.textContent).to.contain('Saved on this device, will be sent when you are back online.');
      expect(statusText(el)).to.contain('1 contribution saved on this device');
      expect(queued('side-event', el.event)).to.have.length(1);
    } finally {
      restore();
    }
    expect(await storeFor('idb').list('side-event', { event: el.event })).to.deep.equal([]);

    const contributed = oneEvent(el, 'off-contributed') as Promise<OffContributedEvent>;
    window.dispatchEvent(new Event('online'));
    const { detail } = await contributed;
    expect(detail.record.title).to.equal('Breakfast of the commons');
    expect(await storeFor('idb').list('side-event', { event: el.event })).to.deep.equal([detail.record]);
    await waitUntil(() => part(el, 'confirmation')!.textContent!.includes('has been added'), 'confirmation not updated');
    expect(statusText(el)).to.not.contain('saved on this device');
    expect(queued('side-event', el.event)).to.deep.equal([]);
  });

  it('queues when the store is unavailable, in French, and retries when the page becomes visible again', async () => {
    let down = true;
    const { spec, store } = flakyStore(() => new UnavailableError(), () => down);
    const el = await formFixture({ store: spec, lang: 'fr' });
    fillSideEvent(el);
    await submit(el);
    await confirmed(el);
    await expect(el).to.be.accessible();
    expect(statusText(el)).to.contain('1 contribution enregistrée sur cet appareil');
    (part(el, 'confirmation')!.querySelector('button') as HTMLButtonElement).click();
    await el.updateComplete;
    fillSideEvent(el, { title: 'Second' });
    await submit(el);
    await waitUntil(() => statusText(el).includes('2 contributions enregistrées'), 'second not queued');

    down = false;
    document.dispatchEvent(new Event('visibilitychange'));
    await waitUntil(async () => (await store.list('side-event', { event: el.event })).length === 2, 'queue not sent');
    await waitUntil(() => !statusText(el).includes('enregistrée'));
    expect(queued('side-event', el.event)).to.deep.equal([]);
  });

  it('sends what an earlier visit queued as soon as the form appears again', async () => {
    const event = uniqueName('reload');
    localStorage.setItem(
      `off-layer:queue:side-event:${event}`,
      JSON.stringify([
        {
          id: 'local-1',
          kind: 'side-event',
          input: sideEventInput({ event, title: 'Queued yesterday' }),
          options: { honeypot: '', fillMs: 12000 },
          title: 'Queued yesterday',
          queuedAt: new Date().toISOString(),
        },
      ]),
    );
    const el = await formFixture({ event });
    await waitUntil(() => statusText(el).includes('“Queued yesterday” has been sent.'), 'earlier queue not sent');
    const records = await storeFor('memory').list('side-event', { event });
    expect(records.map((record) => record.title)).to.deep.equal(['Queued yesterday']);
    expect(queued('side-event', event)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('sends a queued contribution once even when two forms (tabs) retry at the same time', async () => {
    let down = true;
    const { spec, store } = flakyStore(() => new UnavailableError(), () => down);
    const event = uniqueName('twice');
    const first = await formFixture({ store: spec, event });
    const second = await formFixture({ store: spec, event });
    fillSideEvent(first);
    await submit(first);
    await confirmed(first);
    down = false;
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => queued('side-event', event).length === 0, 'queue not sent');
    await waitUntil(() => !statusText(second).includes('saved on this device'));
    expect(await store.list('side-event', { event })).to.have.length(1);
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
    const { spec, store } = flakyStore(() => new StorageError('forbidden'), () => true);
    const el = await formFixture({ store: spec });
    fillSideEvent(el);
    await submit(el);
    await waitUntil(() => statusText(el).includes('You are not allowed to change this record.'), 'refusal not shown');
    await expect(el).to.be.accessible();
    expect(control(el, 'title').value).to.equal('Breakfast of the commons');
    expect(queued('side-event', el.event)).to.deep.equal([]);
    expect(await store.list('side-event', { event: el.event })).to.deep.equal([]);
  });

  it('puts a contribution refused after it was queued back in the form, to correct and send again', async () => {
    let refusing = false;
    const { spec, store } = flakyStore(() => (refusing ? new StorageError('forbidden') : new UnavailableError()), () => true);
    const el = await formFixture({ store: spec });
    fillSideEvent(el, { title: 'Swim at dawn', description: 'Bring a towel.', start: '2026-06-13T06:15', tags: 'sea, swim' });
    await submit(el);
    await confirmed(el);
    expect(queued('side-event', el.event)).to.have.length(1);
    refusing = true;
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => part(el, 'status')!.querySelector('.put-back'), 'no way to put it back');
    const putBack = part(el, 'status')!.querySelector<HTMLButtonElement>('.put-back')!;
    expect(putBack.getAttribute('aria-label')).to.equal('Put it back in the form: Swim at dawn');
    await expect(el).to.be.accessible();

    putBack.click();
    await waitUntil(() => part(el, 'status')!.querySelector('.put-back') === null, 'the refusal is still listed');
    expect(queued('side-event', el.event)).to.deep.equal([]);
    expect(['title', 'description', 'start', 'tags', 'place'].map((name) => control(el, name).value)).to.deep.equal([
      'Swim at dawn',
      'Bring a towel.',
      '2026-06-13T06:15',
      'sea, swim',
      'Café du Port',
    ]);
    expect(el.shadowRoot!.activeElement).to.equal(control(el, 'title'));
    expect(await store.list('side-event', { event: el.event })).to.deep.equal([]);
  });

  it('asks before putting a refused contribution back over what is being typed, and keeps that when told no', async () => {
    let refusing = false;
    const { spec } = flakyStore(() => (refusing ? new StorageError('forbidden') : new UnavailableError()), () => true);
    const el = await formFixture({ store: spec });
    fillSideEvent(el, { title: 'Swim at dawn' });
    await submit(el);
    (await confirmed(el)).querySelector('button')!.click();
    await el.updateComplete;
    type(el, 'title', 'Picnic on the pier');
    refusing = true;
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => part(el, 'status')!.querySelector('.put-back'), 'no way to put it back');
    const questions: string[] = [];
    let answer = false;
    const confirm = window.confirm;
    window.confirm = (question) => (questions.push(String(question)), answer);
    try {
      part(el, 'status')!.querySelector<HTMLButtonElement>('.put-back')!.click();
      await el.updateComplete;
      expect(questions).to.deep.equal(['Replace what you are typing with “Swim at dawn”? It will be lost.']);
      expect(control(el, 'title').value).to.equal('Picnic on the pier');
      expect(part(el, 'status')!.querySelector('.put-back'), 'the refusal is still listed').to.not.equal(null);

      answer = true;
      part(el, 'status')!.querySelector<HTMLButtonElement>('.put-back')!.click();
      await waitUntil(() => part(el, 'status')!.querySelector('.put-back') === null, 'the refusal is still listed');
      expect(control(el, 'title').value).to.equal('Swim at dawn');
    } finally {
      window.confirm = confirm;
    }
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
