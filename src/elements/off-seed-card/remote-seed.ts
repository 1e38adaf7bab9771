import type { Seed } from '../../model/records.js';
import { NotFoundError } from '../../storage/errors.js';
import { withOrigin } from '../../storage/record-origin.js';
import { storeFor } from '../shared/store-registry.js';

/**
 * A seed's URL on a reference server: its address (`https://other.example/api`) and the seed's id. Read here rather
 * than with parseCanonicalUrl, which would add a chunk to pages that never read another server; the server's store
 * checks the id and what it answers.
 */
const SEED_AT = /^(https?:\/\/[^/?#]+(?:\/[^?#]*)?\/api)\/seeds\/([^/?#]+)$/i;

/**
 * Reads the seed `url` names (`https://other.example/api/seeds/ID`) from its server, through the page's store for
 * that address, marked with that origin; its `replantedFrom`, an id on that server, becomes that seed's URL, so that
 * the lineage goes on there. A chunk of its own: only cards reading another server load it.
 */
export async function readSeedAt(url: string): Promise<Seed> {
  const [, address, id] = SEED_AT.exec(url) ?? [];
  if (!address || !id) throw new NotFoundError(url);
  const seed = await storeFor(address).get('seed', decodeURIComponent(id));
  const parent = seed.replantedFrom;
  const replantedFrom = parent && !SEED_AT.test(parent) ? new URL(encodeURIComponent(parent), url).href : parent;
  return withOrigin(replantedFrom === parent ? seed : { ...seed, replantedFrom }, { address, url: seed.canonicalUrl ?? url });
}
