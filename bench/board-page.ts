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

function inputs(count: number) {
  const first = Date.UTC(2026, 5, 12, 6);
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

/** `pauseMs`: how long the visitor looks at the first render before typing; the board folds its search texts in idle time. */
async function board(count: number, pauseMs: number) {
  await seedMemory(count);
  const start = performance.now();
  const element = document.createElement('off-side-event-board');
  element.setAttribute('store', 'bench');
  element.setAttribute('event', EVENT);
  element.setAttribute('lang', 'en');
  document.body.append(element);
  await waitReady(element);
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

Object.assign(window, { offBench: { board, plain, idb, settle } });
