import type { Seed } from '../../model/records.js';
import { matchesWords, searchWords } from '../../model/search.js';
import { SearchTexts } from '../shared/search-texts.js';

export interface SeedFilter {
  /** Words typed by the visitor; every word must match the title, text, author or tags. */
  query: string;
  /** A tag, or '' for any. */
  tag: string;
  /** A licence id, or '' for any. */
  license: string;
  /** The host event a seed was planted in, or '' for any. */
  event: string;
}

export const NO_FILTER: SeedFilter = { query: '', tag: '', license: '', event: '' };

/** Beyond this many tags, the tag filter offers the most used: the rest are found by typing them. */
export const MAX_TAG_OPTIONS = 100;

export const seedTexts = new SearchTexts<Seed>(({ title, body, author = '', tags }) => `${title}\n${author}\n${tags.join('\n')}\n${body}`);

/** The seeds that match `filter`, in the order given; the same array when nothing is filtered. */
export function filterSeeds(seeds: Seed[], { query, tag, license, event }: SeedFilter): Seed[] {
  const words = searchWords(query);
  if (!words.length && !tag && !license && !event) return seeds;
  return seeds.filter(
    (seed) =>
      (!tag || seed.tags.includes(tag)) &&
      (!license || seed.license === license) &&
      (!event || seed.event === event) &&
      (!words.length || matchesWords(seedTexts.of(seed), words)),
  );
}

/** The values a filter offers: every licence and origin event of the seeds, and their most used tags; each keeps the value chosen. */
export interface FilterOptions {
  tags: string[];
  licenses: string[];
  events: string[];
}

export function filterOptions(seeds: readonly Seed[], tag: string, license: string, event: string): FilterOptions {
  const tagCounts = new Map<string, number>();
  const licenses = new Set<string>();
  const events = new Set<string>();
  for (const seed of seeds) {
    for (const tag of seed.tags) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
    licenses.add(seed.license);
    if (seed.event) events.add(seed.event);
  }
  const mostUsed = [...tagCounts.keys()].sort((a, b) => tagCounts.get(b)! - tagCounts.get(a)! || a.localeCompare(b)).slice(0, MAX_TAG_OPTIONS);
  const keep = (values: Iterable<string>, chosen: string) => [...new Set([...values, ...(chosen ? [chosen] : [])])].sort((a, b) => a.localeCompare(b));
  return { tags: keep(mostUsed, tag), licenses: keep(licenses, license), events: keep(events, event) };
}
