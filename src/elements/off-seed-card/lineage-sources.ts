import type { LineageSources } from '../../model/lineage.js';
import { NotFoundError } from '../../storage/errors.js';
import type { OffStore } from '../../storage/store.js';

/**
 * How the card reads a lineage: each ancestor by `get` (a missing or hidden one is a gap, not an error; a store that
 * cannot answer fails the read, tried again once it is back), each generation of replantings by one list.
 */
export function lineageSources(store: OffStore): LineageSources {
  return {
    seed: (id) => store.get('seed', id).catch((error: unknown) => (error instanceof NotFoundError ? undefined : Promise.reject(error))),
    replantedFrom: (id) => store.list('seed', { replantedFrom: id }),
  };
}
