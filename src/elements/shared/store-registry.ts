import { createIdbStore } from '../../storage/idb.js';
import { LazyStore } from '../../storage/lazy.js';
import { QueueingStore, type BasicStore } from '../../storage/queueing-store.js';
import { MEMORY_STATUS, PERSISTENT_ONLINE } from '../../storage/statuses.js';
import type { OffStore } from '../../storage/store.js';

/** `store` attribute values: `idb` (default), `memory`, or a reference server's base URL (`https://…/api`, or `/api` on this site). */
export type StoreSpec = string;

export const DEFAULT_STORE: StoreSpec = 'idb';

const stores = new Map<StoreSpec, OffStore>();

const isServerUrl = (spec: StoreSpec) => /^(https?:\/)?\//i.test(spec);

/** The registry key of a `store` value: an unknown value (a typo) means the default store, not a second copy of it. */
function canonical(spec: StoreSpec | null | undefined): StoreSpec {
  const key = spec?.trim() || DEFAULT_STORE;
  if (stores.has(key) || key === 'memory' || key === DEFAULT_STORE || isServerUrl(key)) return key;
  return DEFAULT_STORE;
}

function openStore(spec: StoreSpec): OffStore {
  // A chunk of its own too: the default store is the only one every page needs.
  if (spec === 'memory') return new LazyStore(async () => (await import('../../storage/memory.js')).createMemoryStore(), MEMORY_STATUS);
  // The HTTP store (outbox, live stream, edit tokens) is its own chunk, downloaded only by pages that name a server.
  if (isServerUrl(spec)) return new LazyStore(async () => (await import('./server-store.js')).serverStore(spec), PERSISTENT_ONLINE);
  return createIdbStore();
}

/**
 * One store per page and spec, so every element on the page sees the same data and change feed.
 * A server's store is a `LazyStore`: `await (store as LazyStore).adapter()` gives the `HttpStore` itself.
 */
export function storeFor(spec: StoreSpec | null | undefined): OffStore {
  const key = canonical(spec);
  let store = stores.get(key);
  if (!store) {
    store = openStore(key);
    stores.set(key, store);
  }
  return store;
}

/**
 * The store of an element with `sources` (other servers' addresses, space-separated): its own store (`spec`, where
 * contributions go) read with those servers, read-only. Without sources, the store of `spec` itself; the composite
 * view is a chunk only pages using `sources` load.
 */
export function viewFor(spec: StoreSpec | null | undefined, sources: string | null | undefined): OffStore {
  const home = canonical(spec);
  const addresses = (sources ?? '').split(/\s+/).filter((address) => isServerUrl(address) && address !== home);
  if (!addresses.length) return storeFor(home);
  const key = `${home} ${addresses.join(' ')}`;
  let view = stores.get(key);
  if (!view) {
    const onServer = isServerUrl(home);
    view = new LazyStore(async () => (await import('../../storage/sources.js')).createSourcesStore(home, onServer, addresses, storeFor), storeFor(home).status);
    stores.set(key, view);
  }
  return view;
}

const hasOutbox = (store: OffStore | BasicStore): store is OffStore => typeof (store as OffStore).pending === 'function';

/**
 * Makes `spec` resolve to `store` on this page: a custom adapter, or a stand-in for stories and tests.
 * An adapter without pending writes of its own is given the outbox every store has.
 */
export function registerStore(spec: StoreSpec, store: OffStore | BasicStore): void {
  const home = { name: `registered:${spec.trim()}`, keptIn: 'device' } as const;
  stores.set(spec.trim(), hasOutbox(store) ? store : new QueueingStore(store, home));
}
