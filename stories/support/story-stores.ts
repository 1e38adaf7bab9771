import { registerStore } from '../../src/elements/shared/store-registry.js';
import { UnavailableError } from '../../src/storage/errors.js';
import { createMemoryStore } from '../../src/storage/memory.js';
import type { OffStore, StoreStatus } from '../../src/storage/store.js';

/**
 * Stand-in stores for stories, registered under their own `store` value so no
 * story touches IndexedDB or a server. Each wraps an in-memory store named after it.
 */
function storyStore(spec: string, override: (base: OffStore) => Partial<OffStore>): string {
  const base = createMemoryStore({ name: spec });
  const changes = override(base);
  registerStore(
    spec,
    new Proxy(base, {
      get(target, key) {
        if (key in changes) return changes[key as keyof OffStore];
        const value = Reflect.get(target, key, target) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }),
  );
  return spec;
}

const never = () => new Promise<never>(() => {});
const unavailable = () => Promise.reject(new UnavailableError());

/** Never answers: the loading state. */
export const LOADING_STORE = storyStore('story-loading', () => ({ list: never, get: never }));

/** Always fails: the error state. */
export const FAILING_STORE = storyStore('story-failing', () => ({ list: unavailable, get: unavailable }));

const withStatus = (status: StoreStatus) => () => ({ status, ready: async () => status });

/** Works, but says the device is offline (writes queued until the network is back). */
export const OFFLINE_STORE = storyStore('story-offline', withStatus({ persistent: true, online: false, reason: 'offline' }));

/** Works, but IndexedDB could not open: what is added is lost on reload. */
export const FALLBACK_STORE = storyStore('story-fallback', withStatus({ persistent: false, online: true, reason: 'open-failed' }));
