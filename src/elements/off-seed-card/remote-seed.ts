import { canonicalUrl, isSeedUrl, parseCanonicalUrl } from '../../model/canonical-url.js';
import type { Seed } from '../../model/records.js';
import { fromOrigin, publicBase } from '../../storage/record-origin.js';
import { storeFor } from '../shared/store-registry.js';

/** The server address and id a seed's URL on another server names: `https://other.example/api/seeds/ID` gives `https://other.example/api` and `ID`. */
export function remoteSeedOf(value: string): { address: string; id: string } | undefined {
  const named = isSeedUrl(value) ? parseCanonicalUrl(value) : undefined;
  return named && { address: value.slice(0, value.lastIndexOf('/seeds/')), id: named.id };
}

/**
 * Reads the seed a URL names from its server (through the page's store for that address, which checks what it reads),
 * marked with that origin; its `replantedFrom`, an id on that server, becomes that seed's URL, so that the lineage
 * goes on there.
 */
export async function readRemoteSeed(address: string, id: string): Promise<Seed> {
  const seed = await storeFor(address).get('seed', id);
  const parent = seed.replantedFrom;
  const replantedFrom = parent && !isSeedUrl(parent) ? canonicalUrl(publicBase(address), 'seed', parent) : parent;
  return fromOrigin(replantedFrom === parent ? seed : { ...seed, replantedFrom }, address);
}
