import type { Seed } from '../../model/records.js';
import { originOf } from '../../storage/record-origin.js';
import type { OffStore } from '../../storage/store.js';
import { OffReplantedEvent } from './events.js';

/**
 * What `store.put` needs to create the copy of `seed` planted in `event`, remembering where it came from: its id, or
 * its canonical URL when it was read from another server. The copy is a record of its own, without the seed's identity.
 */
export function replantInput(seed: Seed, event: string) {
  const { id, createdAt: _created, updatedAt: _updated, canonicalUrl: _identity, ...fields } = seed;
  return { ...fields, event, replantedFrom: originOf(seed)?.url ?? id };
}

/**
 * Plants a copy of `from` in `event` (licence, author, text and tags kept; `replantedFrom` its id), calls `planted`
 * with it, so that listeners find the host already saying so, then dispatches `off-replanted` from `host`; resolves
 * to the new seed, rejects with the store's refusal.
 */
export async function replantSeed(host: HTMLElement, store: OffStore, from: Seed, event: string, planted: (record: Seed) => void): Promise<Seed> {
  const record = await store.put('seed', replantInput(from, event));
  planted(record);
  host.dispatchEvent(new OffReplantedEvent(record, from));
  return record;
}
