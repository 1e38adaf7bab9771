import { LazyStore } from '../../storage/lazy.js';
import { MEMORY_STATUS, PERSISTENT_ONLINE } from '../../storage/statuses.js';
import type { OffStore } from '../../storage/store.js';

/** `store` attribute values: `idb` (default), `memory`, or a reference server's base URL (`https://…/api`, or `/api` on this site). */
export type StoreSpec = string;

export const DEFAULT_STORE: StoreSpec = 'idb';

const stores = new Map<StoreSpec, OffStore>();

// Each adapter is its own chunk: a page on the default store never downloads the HTTP store.
function openStore(spec: StoreSpec): OffStore {
  if (spec === 'memory') return new LazyStore(async () => (await import('../../storage/memory.js')).createMemoryStore(), MEMORY_STATUS);
  if (/^(https?:\/)?\//i.test(spec)) {
    return new LazyStore(async () => (await import('../../storage/http.js')).createHttpStore(spec), PERSISTENT_ONLINE);
  }
  return new LazyStore(async () => (await import('../../storage/idb.js')).createIdbStore(), PERSISTENT_ONLINE);
}

/**
 * One store per page and spec, so every element on the page sees the same data and change feed.
 * It loads its adapter on first use; `(store as LazyStore).adapter()` resolves to the adapter itself.
 */
export function storeFor(spec: StoreSpec | null | undefined): OffStore {
  const key = spec?.trim() || DEFAULT_STORE;
  let store = stores.get(key);
  if (!store) {
    store = openStore(key);
    stores.set(key, store);
  }
  return store;
}

/** Makes `spec` resolve to `store` on this page: a custom adapter, or a stand-in for stories and tests. */
export function registerStore(spec: StoreSpec, store: OffStore): void {
  stores.set(spec.trim(), store);
}
