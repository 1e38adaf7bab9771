import type { LineageSources } from '../../model/lineage.js';
import { NotFoundError } from '../../storage/errors.js';
import type { Seed } from '../../model/records.js';
import { originUrl } from '../../storage/record-origin.js';
import type { OffStore } from '../../storage/store.js';
import { readRemoteSeed, remoteSeedOf } from './remote-seed.js';

/**
 * How the card reads a lineage: each ancestor by `get` (a missing or hidden one is a gap, not an error; a store that
 * cannot answer fails the read, tried again once it is back), each generation of replantings by one list. An ancestor
 * named by its URL on another server is read there; a server that cannot answer is a gap too, as the card cannot wait
 * for every server of the network. The replantings of `shown`, read from another server, are those naming its URL.
 */
export function lineageSources(store: OffStore, shown?: Seed): LineageSources {
  const shownUrl = shown && originUrl('seed', shown);
  return {
    seed: (id) => {
      const remote = remoteSeedOf(id);
      if (remote) return readRemoteSeed(remote.address, remote.id).catch(() => undefined);
      return store.get('seed', id).catch((error: unknown) => (error instanceof NotFoundError ? undefined : Promise.reject(error)));
    },
    replantedFrom: (id) => store.list('seed', { replantedFrom: shownUrl && id === shown.id ? shownUrl : id }),
  };
}
