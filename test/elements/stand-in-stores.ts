import { registerStore } from '../../src/elements/shared/store-registry.js';
import type { SideEvent } from '../../src/model/records.js';
import { createMemoryStore } from '../../src/storage/memory.js';
import type { OffStore, StoreStatus } from '../../src/storage/store.js';
import { uniqueName } from '../storage/fixtures.js';

/**
 * Stores that behave in one chosen way, for tests and stories: each wraps its
 * own memory store, is registered under a fresh `store` attribute value, and
 * returns that value.
 */
function standIn(overrides: (base: OffStore) => Partial<OffStore>, status?: StoreStatus): string {
  const base = createMemoryStore({ name: uniqueName('stand-in') });
  const store = Object.assign(Object.create(base) as OffStore, overrides(base));
  if (status) Object.defineProperty(store, 'status', { get: () => status });
  const spec = uniqueName('stand-in');
  registerStore(spec, store);
  return spec;
}

/** A store whose list never arrives: the loading state. */
export function pendingStore(): string {
  return standIn(() => ({ list: () => new Promise<never>(() => {}) }));
}

/** A store whose list fails with `error` the first `times` times, then works (and is empty). */
export function failingStore(error: Error, times = Infinity): string {
  let failures = 0;
  return standIn((base) => ({
    list: (kind, query) => (failures++ < times ? Promise.reject(error) : base.list(kind, query)),
  }));
}

/** A store on a device that is offline: writes are queued, the list may be stale. */
export function offlineStore(): string {
  return standIn(() => ({}), { persistent: true, online: false, reason: 'offline' });
}

/** A store that lists exactly these side events, unvalidated: what a tampered backend could send. */
export function rawStore(sideEvents: SideEvent[]): string {
  return standIn(() => ({ list: async () => structuredClone(sideEvents) as never }));
}

/** A store of its own (not the page-wide `memory`), optionally filled with side events. */
export async function filledStore(inputs: unknown[]): Promise<string> {
  const base = createMemoryStore({ name: uniqueName('filled') });
  if (inputs.length) await base.putMany('side-event', inputs);
  const spec = uniqueName('filled');
  registerStore(spec, base);
  return spec;
}
