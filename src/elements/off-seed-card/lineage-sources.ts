import type { LineageSources } from '../../model/lineage.js';
import { NotFoundError } from '../../storage/errors.js';
import type { Seed } from '../../model/records.js';
import { originOf } from '../../storage/record-origin.js';
import type { OffStore } from '../../storage/store.js';

/** Whether a card's `seed` (or a `replantedFrom`) names a seed by its URL on some server, rather than by its id. */
export const isSeedAddress = (value: string) => /^https?:\/\//i.test(value);

/** The seed a URL names, read from its server (see remote-seed.ts, loaded by the first card that needs it). */
export const readSeedAt = async (url: string) => (await import('./remote-seed.js')).readSeedAt(url);

/**
 * How the card reads a lineage: each ancestor by `get` (a missing or hidden one is a gap, not an error; a store that
 * cannot answer fails the read, tried again once it is back), each generation of replantings by one list. An ancestor
 * named by its URL on another server is read there; a server that cannot answer is a gap too, as the card cannot wait
 * for every server of the network. The replantings of `shown`, read from another server, are those naming its URL.
 */
export function lineageSources(store: OffStore, shown?: Seed): LineageSources {
  const shownUrl = shown && originOf(shown)?.url;
  return {
    seed: (id) => {
      if (isSeedAddress(id)) return readSeedAt(id).catch(() => undefined);
      return store.get('seed', id).catch((error: unknown) => (error instanceof NotFoundError ? undefined : Promise.reject(error)));
    },
    replantedFrom: (id) => store.list('seed', { replantedFrom: shownUrl && id === shown.id ? shownUrl : id }),
  };
}
