import { registerStore } from '../../src/elements/shared/store-registry.js';
import type { SideEvent } from '../../src/model/records.js';
import { createMemoryStore } from '../../src/storage/memory.js';
import type { OffStore, StoreStatus } from '../../src/storage/store.js';
import { uniqueName } from '../storage/fixtures.js';

/**
 * Registers under `spec` a memory store of its own with some members replaced
 * (and, optionally, a fixed status), for tests and stories; returns `spec`.
 */
export function registerStandIn(spec: string, overrides: (base: OffStore) => Partial<OffStore>, status?: StoreStatus): string {
  const base = createMemoryStore({ name: spec });
  const store = Object.assign(Object.create(base) as OffStore, overrides(base));
  if (status) Object.defineProperties(store, { status: { get: () => status }, ready: { value: async () => status } });
  registerStore(spec, store);
  return spec;
}

function standIn(overrides: (base: OffStore) => Partial<OffStore>, status?: StoreStatus): string {
  return registerStandIn(uniqueName('stand-in'), overrides, status);
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
