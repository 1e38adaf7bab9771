import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/elements/off-seed-browser/define.js';
import type { OffSeedBrowser } from '../../../src/elements/off-seed-browser/off-seed-browser.js';
import { registerStore, storeFor } from '../../../src/elements/shared/store-registry.js';
import type { Seed } from '../../../src/model/records.js';
import { createIdbStore } from '../../../src/storage/idb.js';
import { createMemoryStore } from '../../../src/storage/memory.js';
import type { OffStore } from '../../../src/storage/store.js';
import { hostEventInput, seedInput, uniqueName } from '../../storage/fixtures.js';

const part = (el: OffSeedBrowser, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const titles = (el: OffSeedBrowser) => [...el.shadowRoot!.querySelectorAll('[part="item-title"]')].map((title) => title.textContent);
const statusText = (el: OffSeedBrowser) => part(el, 'status')!.textContent!.trim();

/** A store of its own, so that each test sees only its own commons. */
function freshStore(make: (name: string) => OffStore = (name) => createMemoryStore({ name })) {
  const spec = uniqueName('commons');
  registerStore(spec, make(spec));
  return { spec, store: storeFor(spec) };
}

/** Three events (one described only by its id), their seeds, and a browser replanting into g21. */
async function commons(make?: (name: string) => OffStore) {
  const { spec, store } = freshStore(make);
  const [g20, g21] = await store.putMany('event', [hostEventInput({ name: 'G20 Turin' }), hostEventInput({ name: 'G21 Marseille' })]);
  const elsewhere = uniqueName('elsewhere');
  const seeds = await store.putMany('seed', [
    seedInput({ event: g20!.id, title: 'Talking stone', body: 'Everyone speaks once.', author: 'Camille', license: 'CC-BY-SA-4.0', tags: ['facilitation'] }),
    seedInput({ event: g20!.id, title: 'Three tables for a repair café', body: 'Reception, repair, waiting.', author: 'Repair Café', license: 'CC0-1.0', tags: ['repair'] }),
    seedInput({ event: elsewhere, title: 'Prendre des notes en communs', body: 'Un pad par atelier.', author: 'Wikimédia', license: 'CC-BY-4.0', tags: ['documentation', 'facilitation'] }),
    seedInput({ event: g21!.id, title: 'Already here', body: 'Planted at this summit.', author: 'Yasmina', license: 'CC-BY-4.0', tags: ['notes'] }),
  ]);
  const el = await fixture<OffSeedBrowser>(html`<off-seed-browser store=${spec} event=${g21!.id} lang="en"></off-seed-browser>`);
  await waitUntil(() => titles(el).length === 4, 'the seeds never showed');
  return { spec, store, el, g20: g20!, g21: g21!, elsewhere, seeds: seeds as Seed[] };
}

/** The list item showing `seed`. */
const itemOf = (el: OffSeedBrowser, seed: Seed) =>
  [...el.shadowRoot!.querySelectorAll('[part="item"]')].find((candidate) => candidate.querySelector('[part="item-title"]')!.textContent === seed.title)!;

async function typeQuery(el: OffSeedBrowser, query: string) {
  const input = part(el, 'filter-input') as HTMLInputElement;
  input.value = query;
  input.form!.requestSubmit();
  await el.updateComplete;
}

async function choose(el: OffSeedBrowser, name: 'tag' | 'license' | 'event', value: string) {
  const select = el.shadowRoot!.querySelector<HTMLSelectElement>(`select#${name}`)!;
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

describe('off-seed-browser', () => {
  it('lists the seeds of every event, newest first, with their event by name, accessibly', async () => {
    const { el, store, elsewhere } = await commons();
    expect(titles(el)).to.deep.equal((await store.list('seed')).map((seed) => seed.title));
    await waitUntil(() => el.shadowRoot!.textContent!.includes('G20 Turin'), 'the event’s name never showed');
    const origins = [...el.shadowRoot!.querySelectorAll('[part="item-origin"]')].map((origin) => origin.textContent!.trim());
    expect(origins.filter((origin) => /^Planted at G20 Turin, /.test(origin))).to.have.length(2);
    expect(origins.filter((origin) => origin.startsWith(`Planted at ${elsewhere}, `))).to.have.length(1);
    expect(statusText(el)).to.equal('4 seeds');
    expect(part(el, 'heading')!.tagName).to.equal('H2');
    expect(el.shadowRoot!.querySelector('[part="item-title"]')!.tagName).to.equal('H3');
    await expect(el).to.be.accessible();
  });

  it('filters by text in the title, text, author and tags, folded', async () => {
    const { el } = await commons();
    await typeQuery(el, 'REPAIR');
    expect(titles(el)).to.deep.equal(['Three tables for a repair café']);
    await typeQuery(el, 'wikimedia');
    expect(titles(el)).to.deep.equal(['Prendre des notes en communs']);
    await typeQuery(el, 'speaks once');
    expect(titles(el)).to.deep.equal(['Talking stone']);
    await typeQuery(el, 'nothing like this');
    expect(part(el, 'empty')!.textContent).to.include('No seed matches these filters.');
    await expect(el).to.be.accessible();
    part(el, 'clear-button')!.click();
    await el.updateComplete;
    expect(titles(el)).to.have.length(4);
  });

  it('filters by tag, licence and origin event, the event chosen by its name', async () => {
    const { el, g20, elsewhere } = await commons();
    const options = (name: string) => [...el.shadowRoot!.querySelectorAll(`select#${name} option`)].map((option) => option.textContent);
    await waitUntil(() => options('event').includes('G20 Turin'), 'the event filter never named the event');
    expect(options('event')).to.include(elsewhere);
    expect(options('tag')).to.deep.equal(['Any tag', '#documentation', '#facilitation', '#notes', '#repair']);
    await choose(el, 'tag', 'facilitation');
    expect(titles(el)).to.have.members(['Talking stone', 'Prendre des notes en communs']);
    await choose(el, 'license', 'CC-BY-4.0');
    expect(titles(el)).to.deep.equal(['Prendre des notes en communs']);
    await choose(el, 'tag', '');
    await choose(el, 'license', '');
    await choose(el, 'event', g20.id);
    expect(titles(el)).to.have.members(['Talking stone', 'Three tables for a repair café']);
    expect(statusText(el)).to.equal('2 seeds');
    for (const name of ['filter', 'tag', 'license', 'event']) {
      const control = el.shadowRoot!.getElementById(name)!;
      expect(el.shadowRoot!.querySelector(`label[for="${name}"]`), `${name} is labelled`).to.not.equal(null);
      expect(control).to.not.equal(null);
    }
    await expect(el).to.be.accessible();
  });

  it('reads the count out in its live region once the filters settle', async () => {
    const { el } = await commons();
    await typeQuery(el, 'facilitation');
    const live = el.shadowRoot!.querySelector('[aria-live="polite"]')!;
    await waitUntil(() => live.textContent!.trim() === '2 seeds', 'the count was never announced', { timeout: 3000 });
  });

  it('replants a seed into this event, keeping licence, author and text, and says so', async () => {
    const { el, store, seeds, g21 } = await commons();
    const original = seeds[0]!;
    const item = itemOf(el, original);
    const button = item.querySelector<HTMLButtonElement>('[part="replant-button"]')!;
    await waitUntil(() => button.textContent!.includes('G21 Marseille'), 'the button never named the event');
    expect(button.getAttribute('aria-label')).to.equal(`Replant into G21 Marseille: ${original.title}`);
    // A seed of this event has nothing to replant.
    const here = [...el.shadowRoot!.querySelectorAll('[part="item"]')].find((candidate) => candidate.textContent!.includes('Already here'))!;
    expect(here.querySelector('[part="replant-button"]')).to.equal(null);
    const fired = oneEvent(el, 'off-replanted');
    button.click();
    const { detail } = await fired;
    expect(detail.from.id).to.equal(original.id);
    expect(detail.record).to.include({ event: g21.id, replantedFrom: original.id, title: original.title, body: original.body, author: original.author, license: original.license });
    expect(await store.list('seed', { replantedFrom: original.id })).to.have.length(1);
    await el.updateComplete;
    expect(item.querySelector('[part="item-replanted"]')!.textContent).to.equal('Replanted into G21 Marseille.');
    expect(el.shadowRoot!.querySelector('[aria-live="polite"]')!.textContent).to.include(`“${original.title}” replanted into G21 Marseille.`);
    // The new seed is in the commons too: the browser follows the store.
    await waitUntil(() => titles(el).length === 5, 'the replanted seed never joined the list');
    await expect(el).to.be.accessible();
  });

  it('works on the IndexedDB store too', async () => {
    const { el, seeds } = await commons((name) => createIdbStore({ database: name }));
    await typeQuery(el, 'talking');
    expect(titles(el)).to.deep.equal([seeds[0]!.title]);
    const fired = oneEvent(el, 'off-replanted');
    itemOf(el, seeds[0]!).querySelector<HTMLButtonElement>('[part="replant-button"]')!.click();
    expect((await fired).detail.record.replantedFrom).to.equal(seeds[0]!.id);
  });

  it('shows a refused replanting on the seed, and keeps the button', async () => {
    const { el, store, seeds } = await commons();
    const restore = Object.getOwnPropertyDescriptor(store, 'put');
    Object.defineProperty(store, 'put', { configurable: true, value: () => Promise.reject(new Error('refused')) });
    try {
      const item = itemOf(el, seeds[0]!);
      item.querySelector<HTMLButtonElement>('[part="replant-button"]')!.click();
      await waitUntil(() => item.querySelector('[part="item-error"]'), 'the failure never showed');
      expect(item.querySelector('[part="replant-button"]')).to.not.equal(null);
      await expect(el).to.be.accessible();
    } finally {
      if (restore) Object.defineProperty(store, 'put', restore);
      else delete (store as { put?: unknown }).put;
    }
  });

  it('keeps markup and javascript: URLs inert', async () => {
    const { spec, store } = freshStore();
    await store.put('event', hostEventInput({ id: uniqueName('ev'), name: '<img src=x onerror=alert(1)> Fest' })).then((event) =>
      store.put('seed', seedInput({ event: event.id, title: '<script>alert(1)</script>', author: '<b>me</b>', tags: ['<i>x</i>'] })),
    );
    const el = await fixture<OffSeedBrowser>(html`<off-seed-browser store=${spec} event="here" lang="en"></off-seed-browser>`);
    await waitUntil(() => el.shadowRoot!.textContent!.includes('Fest'), 'the seed never showed');
    expect(titles(el)).to.deep.equal(['<script>alert(1)</script>']);
    expect(el.shadowRoot!.querySelectorAll('img, script, b, i')).to.have.length(0);
    for (const link of el.shadowRoot!.querySelectorAll('a')) expect(link.getAttribute('href')).to.match(/^https:/);
    expect(el.shadowRoot!.querySelector('[style]')).to.equal(null);
  });

  it('shows 30 seeds of many at a time, pages with the keyboard, and speaks French', async () => {
    const { spec, store } = freshStore();
    await store.putMany('seed', Array.from({ length: 75 }, (_, index) => seedInput({ event: 'g19', title: `Graine ${index}` })));
    const el = await fixture<OffSeedBrowser>(html`<off-seed-browser store=${spec} lang="fr" label="Les graines du réseau" heading-level="3"></off-seed-browser>`);
    await waitUntil(() => titles(el).length === 30, 'the first page never showed');
    expect(statusText(el)).to.equal('75 graines');
    expect(part(el, 'heading')!.textContent).to.equal('Les graines du réseau');
    expect(el.shadowRoot!.querySelector('[part="replant-button"]'), 'no event: nothing to replant into').to.equal(null);
    expect(part(el, 'more-button')!.textContent).to.include('Afficher 30 de plus');
    el.shadowRoot!.querySelector<HTMLElement>('[part="item-title"]')!.focus();
    await sendKeys({ press: 'End' });
    const last = (await store.list('seed')).at(-1)!.title;
    await waitUntil(() => el.shadowRoot!.activeElement?.textContent === last, 'End did not reach the last seed');
    expect(part(el, 'earlier-button')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });
});
