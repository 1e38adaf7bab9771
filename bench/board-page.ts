// Runs inside headless Chromium for `npm run bench`: the board and the seed browser, each next to its baseline, a plain full list.
import '../src/elements/off-seed-browser/define.js';
import '../src/elements/off-side-event-board/define.js';
import { formatTime } from '../src/elements/shared/format.js';
import type { Seed, SideEvent } from '../src/model/records.js';
import { createIdbStore } from '../src/storage/idb.js';
import { createMemoryStore } from '../src/storage/memory.js';
import { registerStore } from '../src/elements/shared/store-registry.js';

const EVENT = 'bench';
const WORDS = ['Breakfast', 'Walk', 'Workshop', 'Concert', 'Repair café', 'Picnic', 'Open mic', 'Running club', 'Lunch', 'Circle'];
const PLACES = ['La Friche', 'Vieux-Port', 'Café du Port', 'Parc Longchamp', 'Les Catalans'];

function inputs(count: number, first = Date.UTC(2026, 5, 12, 6)) {
  return Array.from({ length: count }, (_, index) => ({
    event: EVENT,
    title: `${WORDS[index % WORDS.length]} #${index}`,
    description: 'A side event generated for the benchmark, with a sentence of description.',
    start: new Date(first + (index % 4320) * 60000 * 2).toISOString().replace('Z', '+00:00'),
    place: PLACES[index % PLACES.length],
    organizer: `Organiser ${index % 97}`,
    tags: [`tag${index % 13}`, 'bench'],
  }));
}

const settle = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
const elementCount = (root: ParentNode) => root.querySelectorAll('*').length;

/** Seeds of the commons: 50 events, 13 tags and the three licences. */
function seedInputs(count: number) {
  const licenses = ['CC0-1.0', 'CC-BY-4.0', 'CC-BY-SA-4.0'];
  return Array.from({ length: count }, (_, index) => ({
    event: `summit-${index % 50}`,
    title: `${WORDS[index % WORDS.length]} notes #${index}`,
    body: 'A seed generated for the benchmark: what a side event taught, in two sentences. It can be replanted.',
    author: `Author ${index % 89}`,
    license: licenses[index % 3],
    tags: [`tag${index % 13}`, 'bench'],
  }));
}

function benchStore(count: number) {
  const store = createMemoryStore({ name: `bench-${count}` });
  registerStore('bench', store);
  return store;
}

async function seedMemory(count: number) {
  const store = benchStore(count);
  await store.putMany('side-event', inputs(count));
  return store;
}

async function seedCommons(count: number) {
  const store = benchStore(count);
  await store.putMany('seed', seedInputs(count));
  return store;
}

type ListElement = HTMLElementTagNameMap['off-side-event-board' | 'off-seed-browser'];

async function waitReady(element: ListElement) {
  // The element is ready when its frame stops saying it is busy loading.
  for (;;) {
    await element.updateComplete;
    if (element.shadowRoot?.querySelector('.frame')?.getAttribute('aria-busy') === 'false') return;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

async function keystrokes(apply: (query: string) => Promise<void>): Promise<number[]> {
  const timings: number[] = [];
  for (const query of ['w', 'wa', 'wal', 'walk', 'walk 1', 'walk 12', '']) {
    const start = performance.now();
    await apply(query);
    document.body.getBoundingClientRect();
    timings.push(performance.now() - start);
  }
  return timings;
}

/**
 * A board (or the seed browser) given `attributes` on the `bench` store: its first render (until `ready`), then keystrokes
 * typed `pauseMs` after it (how long the visitor looks before typing; the element folds its search texts in idle time).
 */
async function measureBoard(attributes: Record<string, string>, pauseMs: number, ready = waitReady, tag: ListElement['localName'] = 'off-side-event-board') {
  const start = performance.now();
  const element = document.createElement(tag) as ListElement;
  element.setAttribute('store', 'bench');
  element.setAttribute('lang', 'en');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  document.body.append(element);
  await ready(element);
  document.body.getBoundingClientRect();
  const firstRender = performance.now() - start;
  const domElements = elementCount(element.shadowRoot!) + elementCount(document.body);
  await new Promise((resolve) => setTimeout(resolve, pauseMs));
  const input = element.shadowRoot!.querySelector<HTMLInputElement>('#filter')!;
  const form = element.shadowRoot!.querySelector<HTMLFormElement>('form')!;
  const timings = await keystrokes(async (query) => {
    input.value = query;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    form.requestSubmit(); // applies the filter at once instead of after the typing pause
    await element.updateComplete;
  });
  const maxDomElements = Math.max(domElements, elementCount(element.shadowRoot!) + elementCount(document.body));
  return { firstRender, keystrokes: timings, domElements: maxDomElements };
}

async function board(count: number, pauseMs: number) {
  await seedMemory(count);
  return measureBoard({ event: EVENT }, pauseMs);
}

/** The seed browser over every event's seeds (its `event` is only where it replants). */
async function seedBrowser(count: number, pauseMs: number) {
  await seedCommons(count);
  return measureBoard({ event: EVENT }, pauseMs, waitReady, 'off-seed-browser');
}

const VENUE_EVENTS = 20;

/**
 * A venue's board (`place="…"`): `count` side events over 20 host events (20 × 500 for 10,000), every one to come, at one place
 * record with coordinates. Rendered once the list is there and the board names the venue and each item's event.
 */
async function venue(count: number, pauseMs: number) {
  const store = createMemoryStore({ name: 'bench-venue' });
  registerStore('bench', store);
  const place = await store.put('place', { name: 'La Friche', address: '41 rue Jobin, 13003 Marseille', latitude: 43.3104, longitude: 5.3906 });
  const events = Array.from({ length: VENUE_EVENTS }, (_, index) => ({ id: `edition-${index + 1}`, name: `Harbour festival, edition ${index + 1}` }));
  await store.putMany('event', events);
  const tomorrow = Date.now() + 86_400_000;
  const sideEvents = inputs(count, tomorrow).map((input, index) => ({ ...input, event: events[index % VENUE_EVENTS]!.id, placeId: place.id }));
  await store.putMany('side-event', sideEvents);
  const named = async (element: ListElement) => {
    await waitReady(element);
    const root = element.shadowRoot!;
    while (!root.querySelector('[part="heading"]')?.textContent?.includes('La Friche') || !root.querySelector('[part="item-event"]')?.textContent?.includes('edition')) {
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  };
  return measureBoard({ place: place.id }, pauseMs, named);
}

/** A plain list item: a title and paragraphs of text. */
function plainItem(title: string, ...paragraphs: string[]): HTMLLIElement {
  const item = document.createElement('li');
  const heading = document.createElement('h4');
  heading.textContent = title;
  item.append(heading, ...paragraphs.map((text) => Object.assign(document.createElement('p'), { textContent: text })));
  return item;
}

const sideEventItem = (record: SideEvent) =>
  plainItem(record.title, `${formatTime(record.start, 'en')} · ${record.place ?? ''} · ${record.organizer ?? ''}`, record.tags.join(', '), record.description ?? '');
const seedItem = (seed: Seed) => plainItem(seed.title, `${seed.event ?? ''} · ${seed.author ?? ''} · ${seed.license}`, seed.tags.join(', '), seed.body);

/** The board's baseline: the same records from the same store, every one rendered at once in one plain list. */
async function plain(count: number, pauseMs: number) {
  const store = await seedMemory(count);
  const text = (record: SideEvent) => `${record.title} ${record.place} ${record.organizer} ${record.tags.join(' ')}`;
  return plainList(pauseMs, () => store.list('side-event', { event: EVENT }), sideEventItem, text);
}

/** The seed browser's baseline: every seed of the commons rendered at once in one plain list. */
async function plainSeeds(count: number, pauseMs: number) {
  const store = await seedCommons(count);
  const text = (seed: Seed) => `${seed.title} ${seed.author} ${seed.tags.join(' ')} ${seed.body}`;
  return plainList(pauseMs, () => store.list('seed'), seedItem, text);
}

async function plainList<T>(pauseMs: number, read: () => Promise<T[]>, render: (record: T) => HTMLLIElement, text: (record: T) => string) {
  const start = performance.now();
  const records = await read();
  const list = document.createElement('ul');
  const items = records.map(render);
  list.append(...items);
  document.body.append(list);
  document.body.getBoundingClientRect();
  const firstRender = performance.now() - start;
  await new Promise((resolve) => setTimeout(resolve, pauseMs));
  const haystacks = records.map((record) => text(record).toLowerCase());
  const timings = await keystrokes(async (query) => {
    const needle = query.toLowerCase();
    items.forEach((item, index) => {
      item.hidden = !haystacks[index]!.includes(needle);
    });
  });
  return { firstRender, keystrokes: timings, domElements: elementCount(document.body) };
}

async function idb() {
  const database = `off-layer-bench-${Date.now()}`;
  const store = createIdbStore({ database });
  await store.putMany('side-event', inputs(10000));
  const reopened = createIdbStore({ database });
  let start = performance.now();
  await reopened.list('side-event', { event: EVENT });
  const load10k = performance.now() - start;
  start = performance.now();
  await reopened.putMany('side-event', inputs(1000));
  const write1k = performance.now() - start;

  // Baseline: raw IndexedDB, one getAll and one transaction of 1,000 puts, no validation.
  const raw = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(`${database}-raw`, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('records');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const all = await reopened.list('side-event');
  const write = (records: unknown[], offset: number) =>
    new Promise<void>((resolve, reject) => {
      const transaction = raw.transaction('records', 'readwrite');
      records.forEach((record, index) => transaction.objectStore('records').put(record, offset + index));
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
    });
  await write(all.slice(0, 10000), 0);
  start = performance.now();
  await new Promise((resolve) => {
    const request = raw.transaction('records').objectStore('records').getAll();
    request.onsuccess = () => resolve(request.result);
  });
  const rawLoad10k = performance.now() - start;
  start = performance.now();
  await write(inputs(1000), 20000);
  const rawWrite1k = performance.now() - start;
  return { load10k, write1k, rawLoad10k, rawWrite1k };
}

Object.assign(window, { offBench: { board, venue, seedBrowser, plain, plainSeeds, idb, settle } });
