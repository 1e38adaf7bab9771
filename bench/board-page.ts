// Runs inside headless Chromium for `npm run bench`: the board and its baseline, a plain full list.
import '../src/elements/off-side-event-board/define.js';
import type { OffSideEventBoard } from '../src/elements/off-side-event-board/off-side-event-board.js';
import { formatTime } from '../src/elements/shared/format.js';
import type { SideEvent } from '../src/model/records.js';
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

async function seedMemory(count: number) {
  const store = createMemoryStore({ name: `bench-${count}` });
  registerStore('bench', store);
  await store.putMany('side-event', inputs(count));
  return store;
}

async function waitReady(board: OffSideEventBoard) {
  // The board is ready when its live region stops saying it is loading.
  for (;;) {
    await board.updateComplete;
    if (board.shadowRoot?.querySelector('[part="board"]')?.getAttribute('aria-busy') === 'false') return;
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
 * A board given `attributes` on the `bench` store: its first render (until `ready`), then keystrokes typed
 * `pauseMs` after it (how long the visitor looks before typing; the board folds its search texts in idle time).
 */
async function measureBoard(attributes: Record<string, string>, pauseMs: number, ready = waitReady) {
  const start = performance.now();
  const element = document.createElement('off-side-event-board');
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
  const named = async (element: OffSideEventBoard) => {
    await waitReady(element);
    const root = element.shadowRoot!;
    while (!root.querySelector('[part="heading"]')?.textContent?.includes('La Friche') || !root.querySelector('[part="item-event"]')?.textContent?.includes('edition')) {
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  };
  return measureBoard({ place: place.id }, pauseMs, named);
}

function plainItem(record: SideEvent): HTMLLIElement {
  const item = document.createElement('li');
  const title = document.createElement('h4');
  title.textContent = record.title;
  const meta = document.createElement('p');
  meta.textContent = `${formatTime(record.start, 'en')} · ${record.place ?? ''} · ${record.organizer ?? ''}`;
  const tags = document.createElement('p');
  tags.textContent = record.tags.join(', ');
  const description = document.createElement('p');
  description.textContent = record.description ?? '';
  item.append(title, meta, tags, description);
  return item;
}

/** The baseline: the same records from the same store, every one rendered at once in one plain list. */
async function plain(count: number, pauseMs: number) {
  const store = await seedMemory(count);
  const start = performance.now();
  const records = await store.list('side-event', { event: EVENT });
  const list = document.createElement('ul');
  const items = records.map(plainItem);
  list.append(...items);
  document.body.append(list);
  document.body.getBoundingClientRect();
  const firstRender = performance.now() - start;
  await new Promise((resolve) => setTimeout(resolve, pauseMs));
  const haystacks = records.map((record) => `${record.title} ${record.place} ${record.organizer} ${record.tags.join(' ')}`.toLowerCase());
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

Object.assign(window, { offBench: { board, venue, plain, idb, settle } });
