import { registerStore, storeFor } from '../../src/elements/shared/store-registry.js';
import { createMemoryStore } from '../../src/storage/memory.js';
import type { BasicStore } from '../../src/storage/queueing-store.js';
import { uniqueName } from './fixtures.js';

/**
 * An application's own adapter, without pending writes of its own, registered as `spec`: a memory store (`base`) seen
 * through the basic interface, whose writes fail with what `failure()` returns (nothing: they work). `attempts` holds
 * the time of each write it was asked to make; `store` is what the registry made of it, with the outbox every store has.
 */
export function registeredAdapter(failure: () => Error | undefined, spec = uniqueName('registered')) {
  const base = createMemoryStore({ name: uniqueName('adapter') });
  const attempts: number[] = [];
  const adapter: BasicStore = {
    get status() {
      return base.status;
    },
    ready: () => base.ready(),
    list: (kind, query) => base.list(kind, query),
    get: (kind, id) => base.get(kind, id),
    put: (kind, input, options) => {
      attempts.push(performance.now());
      const error = failure();
      return error ? Promise.reject(error) : base.put(kind, input, options);
    },
    putMany: (kind, inputs) => base.putMany(kind, inputs),
    remove: (kind, id) => base.remove(kind, id),
    subscribe: (listener) => base.subscribe(listener),
    close: () => base.close(),
  };
  registerStore(spec, adapter);
  return { spec, store: storeFor(spec), base, attempts };
}
