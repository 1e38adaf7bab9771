// The demo site's only script: choose the store, plant the sample data on a first visit, load the widgets.
import type { Seed } from '../src/model/records.js';
import { storeFor } from '../src/elements/shared/store-registry.js';
import type { OffStore } from '../src/storage/store.js';
import { DEMO_EVENT, ORIGIN_SEED, plantNetwork, previousSideEvents, SAMPLE_PLACES, sampleSeeds, sampleSideEvents } from './sample-data.js';
import { renderSiteChrome } from './site-chrome.js';

/**
 * Whether this build is served by the reference server: `npm start` (scripts/demo-site.ts) builds it so. A static
 * build (`npm run build:demo`) has no server to ask: asking anyway put a 404 for /api/health in the console of
 * every page, on every static host but Vite's.
 */
const SERVED_BY_SERVER = (import.meta as ImportMeta & { env: Record<string, string | undefined> }).env.VITE_OFF_DEMO_SERVER === '1';

/** `?store=…` wins; else the reference server when this site is served by it; else this browser's IndexedDB. */
async function chooseStore(): Promise<string> {
  const requested = new URLSearchParams(location.search).get('store');
  if (requested) return requested;
  if (!SERVED_BY_SERVER) return 'idb';
  try {
    const health = await fetch('/api/health', { signal: AbortSignal.timeout(2000) });
    if (health.ok && (await health.json()).ok) return new URL('/api', location.href).href;
  } catch {
    // No server behind this site: a static host.
  }
  return 'idb';
}

/** On a static site each visitor's browser starts empty: plant the demo summit once. */
async function plantSampleData(store: OffStore): Promise<void> {
  if ((await store.list('side-event', { event: DEMO_EVENT })).length > 0) return;
  const ids = await plantNetwork((kind, input) => store.put(kind, input));
  await store.putMany('side-event', [...previousSideEvents(ids), ...sampleSideEvents(new Date(), ids)]);
  const origin = await store.put('seed', ORIGIN_SEED);
  await store.putMany('seed', sampleSeeds(origin.id));
}

/** Elements of the venue page name their venue (`data-venue`, a key of SAMPLE_PLACES): its id is the one the store gave. */
async function pointAtVenues(store: OffStore): Promise<void> {
  const elements = [...document.querySelectorAll<HTMLElement>('[data-venue]')];
  if (elements.length === 0) return;
  const places = await store.list('place');
  for (const element of elements) {
    const { name } = SAMPLE_PLACES[element.dataset.venue as keyof typeof SAMPLE_PLACES];
    const place = places.find((candidate) => candidate.name === name);
    if (place) element.setAttribute('place', place.id);
  }
}

function seedCard(seed: Seed, spec: string, event: string, headingLevel: string): HTMLElementTagNameMap['off-seed-card'] {
  const card = document.createElement('off-seed-card');
  card.setAttribute('store', spec);
  card.setAttribute('replant-event', event);
  card.setAttribute('heading-level', headingLevel);
  card.id = `seed-${seed.id}`;
  card.seed = seed;
  return card;
}

/**
 * Shows `seeds` in `list`, keeping the cards already there (given their seed again, a card keeps what it says,
 * such as "Replanted into g21" with a link to the new seed, which a card made anew would lose when that seed
 * arrives). Only cards out of place are moved: a card taken out of the page, even to be put back, loses the focus.
 */
function showCards(list: Element, seeds: Seed[], make: (seed: Seed) => HTMLElementTagNameMap['off-seed-card']): void {
  const shown = new Map([...list.querySelectorAll('off-seed-card')].map((card) => [card.id, card]));
  seeds.forEach((seed, index) => {
    const card = shown.get(`seed-${seed.id}`) ?? make(seed);
    card.seed = seed;
    if (list.children[index] !== card) list.insertBefore(card, list.children[index] ?? null);
  });
  while (list.children.length > seeds.length) list.lastElementChild!.remove();
}

/** The seeds that `seeds` were replanted from, and theirs, when they are not among `seeds` (another event's). */
async function originsOf(seeds: Seed[], store: OffStore): Promise<Seed[]> {
  const known = new Set(seeds.map((seed) => seed.id));
  const origins: Seed[] = [];
  let wanted = seeds;
  while (wanted.length > 0) {
    const ids = [...new Set(wanted.map((seed) => seed.replantedFrom).filter((id): id is string => id !== undefined && !known.has(id)))];
    ids.forEach((id) => known.add(id));
    wanted = (await Promise.all(ids.map((id) => store.get('seed', id).catch(() => undefined)))).filter((seed) => seed !== undefined);
    origins.push(...wanted);
  }
  return origins;
}

/**
 * The event's seeds, and below them the seeds of other events they were replanted from, so that every
 * "Replanted from" link leads to a card on this page.
 */
function showSeeds(container: HTMLElement, store: OffStore, spec: string): void {
  const event = container.dataset.seedList!;
  const origins = document.querySelector<HTMLElement>('[data-seed-origins]');
  let latest = 0;
  const render = async () => {
    const run = ++latest;
    const seeds = await store.list('seed', { event });
    const earlier = origins ? await originsOf(seeds, store) : [];
    if (run !== latest) return;
    showCards(container, seeds, (seed) => seedCard(seed, spec, event, '2'));
    if (!origins) return;
    showCards(origins.querySelector('.seed-list')!, earlier, (seed) => seedCard(seed, spec, event, '3'));
    origins.hidden = earlier.length === 0;
  };
  store.subscribe((change) => {
    if ((change.type === 'put' || change.type === 'remove') && change.kind === 'seed') void render();
  });
  void render();
}

renderSiteChrome();
const spec = await chooseStore();
for (const element of document.querySelectorAll('off-event-badge, off-side-event-board, off-seed-card, off-contribute-form, off-seed-browser')) {
  element.setAttribute('store', spec);
}
const store = storeFor(spec);
if (spec === 'idb') await plantSampleData(store);
await pointAtVenues(store);
await import('../src/off-layer.js');
const seedList = document.querySelector<HTMLElement>('[data-seed-list]');
if (seedList) showSeeds(seedList, store, spec);
