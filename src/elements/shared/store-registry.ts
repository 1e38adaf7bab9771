import { createIdbStore } from '../../storage/idb.js';
import { LazyStore } from '../../storage/lazy.js';
import { createMemoryStore } from '../../storage/memory.js';
import { PERSISTENT_ONLINE } from '../../storage/statuses.js';
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
  if (spec === 'memory') return createMemoryStore();
  // The HTTP store (outbox, live stream, edit tokens) is its own chunk, downloaded only by pages that name a server.
  if (isServerUrl(spec)) {
    return new LazyStore(async () => (await import('../../storage/http.js')).createHttpStore(spec), PERSISTENT_ONLINE);
  }
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

/** Makes `spec` resolve to `store` on this page: a custom adapter, or a stand-in for stories and tests. */
export function registerStore(spec: StoreSpec, store: OffStore): void {
  stores.set(spec.trim(), store);
}
