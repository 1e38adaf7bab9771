import { MAX_CHAIN } from './references.js';
import type { Seed } from './records.js';

/** One ancestor: the seed, or only its id when it is missing or hidden (a gap: the chain shows it and stops there). */
export interface Ancestor {
  id: string;
  seed?: Seed;
}

/** A seed replanted from another, with those replanted from it in turn. */
export interface Descendant {
  seed: Seed;
  replantings: Descendant[];
}

export interface Lineage {
  /** Parent first, then its parent…; ends at the first seed planted from nothing, or at a gap. */
  ancestors: Ancestor[];
  /** The tree of replantings, each level in the store's order (newest first). */
  descendants: Descendant[];
}

export interface LineageSources {
  /** The seed with this id, or undefined when it is missing or hidden. */
  seed(id: string): Promise<Seed | undefined>;
  /** Seeds whose `replantedFrom` is `id`: `store.list('seed', { replantedFrom: id })`. */
  replantedFrom(id: string): Promise<Seed[]>;
}

export interface LineageOptions {
  /** Levels of descendants read, each one read per seed of the level above: a phone stops early. */
  descendantDepth?: number;
}

async function ancestorsOf(seed: Seed, sources: LineageSources): Promise<Ancestor[]> {
  const ancestors: Ancestor[] = [];
  const seen = new Set([seed.id]);
  for (let id = seed.replantedFrom; id !== undefined && !seen.has(id) && ancestors.length < MAX_CHAIN; ) {
    seen.add(id);
    const parent = await sources.seed(id);
    ancestors.push(parent ? { id, seed: parent } : { id });
    id = parent?.replantedFrom;
  }
  return ancestors;
}

async function descendantsOf(id: string, sources: LineageSources, depth: number, seen: Set<string>): Promise<Descendant[]> {
  if (depth <= 0) return [];
  const children = (await sources.replantedFrom(id)).filter((child) => !seen.has(child.id));
  for (const child of children) seen.add(child.id);
  return Promise.all(children.map(async (seed) => ({ seed, replantings: await descendantsOf(seed.id, sources, depth - 1, seen) })));
}

/**
 * A seed's lineage across events: the chain of seeds it was replanted from, with a gap for a parent that
 * is missing or hidden, and the tree of seeds replanted from it. Never loops, whatever the records say.
 */
export async function lineageOf(seed: Seed, sources: LineageSources, { descendantDepth = 3 }: LineageOptions = {}): Promise<Lineage> {
  const [ancestors, descendants] = await Promise.all([
    ancestorsOf(seed, sources),
    descendantsOf(seed.id, sources, descendantDepth, new Set([seed.id])),
  ]);
  return { ancestors, descendants };
}
