// The demo site's only script: choose the store, plant the sample data on a first visit, load the widgets.
import type { Seed } from '../src/model/records.js';
import { storeFor } from '../src/elements/shared/store-registry.js';
import type { OffStore } from '../src/storage/store.js';
import { DEMO_EVENT, ORIGIN_SEED, sampleSeeds, sampleSideEvents } from './sample-data.js';
import { renderSiteChrome } from './site-chrome.js';

/** `?store=…` wins; else the reference server when this site is served by it; else this browser's IndexedDB. */
async function chooseStore(): Promise<string> {
  const requested = new URLSearchParams(location.search).get('store');
  if (requested) return requested;
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
  await store.putMany('side-event', sampleSideEvents());
  const origin = await store.put('seed', ORIGIN_SEED);
  await store.putMany('seed', sampleSeeds(origin.id));
}

function showSeeds(container: HTMLElement, store: OffStore, spec: string): void {
  const event = container.dataset.seedList!;
  const render = async () => {
    const seeds = await store.list('seed', { event });
    container.replaceChildren(
      ...seeds.map((seed: Seed) => {
        const card = document.createElement('off-seed-card');
        card.setAttribute('store', spec);
        card.setAttribute('replant-event', event);
        card.setAttribute('heading-level', '2');
        card.id = `seed-${seed.id}`;
        card.seed = seed;
        return card;
      }),
    );
  };
  store.subscribe((change) => {
    if (change.type !== 'status' && change.kind === 'seed') void render();
  });
  void render();
}

renderSiteChrome();
const spec = await chooseStore();
for (const element of document.querySelectorAll('off-event-badge, off-side-event-board, off-seed-card, off-contribute-form')) {
  element.setAttribute('store', spec);
}
const store = storeFor(spec);
if (spec === 'idb') await plantSampleData(store);
await import('../src/off-layer.js');
const seedList = document.querySelector<HTMLElement>('[data-seed-list]');
if (seedList) showSeeds(seedList, store, spec);
