import { storeFor } from '../../src/elements/shared/store-registry.js';
import type { Seed } from '../../src/model/records.js';

/** The seeds the stories of the seed card's lineage and of the seed browser show. */
export interface StoryCommons {
  /** Planted at the oldest edition, replanted twice since, and once in another direction. */
  root: Seed;
  /** Its replant at the middle edition: the middle of a chain of three across events. */
  middle: Seed;
  /** A seed whose parent was removed: its lineage shows a gap. */
  orphan: Seed;
}

const seed = (event: string, title: string, body: string, fields: Partial<Seed> = {}) => ({
  event,
  title,
  body,
  author: 'Camille Roux',
  license: 'CC-BY-SA-4.0',
  tags: ['facilitation'],
  ...fields,
});

let planted: Promise<StoryCommons> | undefined;

/**
 * Three editions of a series and a neighbouring festival, described as host event records, and their seeds, some
 * replanted from one edition to the next, in the page-wide memory store, added once per page.
 */
export function seedCommons(): Promise<StoryCommons> {
  planted ??= (async () => {
    const store = storeFor('memory');
    await store.put('event', { id: 'story-g-series', name: 'The G summits' });
    for (const [id, name, year] of [['story-g19', 'G19 Lisbon', 2024], ['story-g20', 'G20 Turin', 2025], ['story-g21', 'G21 Marseille', 2026]] as const) {
      await store.put('event', { id, name, start: `${year}-06-12T09:00:00+02:00`, end: `${year}-06-14T18:00:00+02:00`, partOf: 'story-g-series' });
    }
    await store.put('event', { id: 'story-harbour', name: 'Harbour festival' });
    const root = await store.put('seed', seed('story-g19', 'Everyone speaks once before anyone speaks twice', 'The rule that made our open-door workshops work.'));
    const middle = await store.put('seed', seed('story-g20', 'Speaking once, with a talking stone', 'Tried at tables of ten: a stone passed around keeps the rule.', { replantedFrom: root.id, author: 'Yasmina B.' }));
    await store.put('seed', seed('story-g21', 'Talking stones at tables of eighty', 'It still works with eight tables: one stone each.', { replantedFrom: middle.id }));
    await store.put('seed', seed('story-harbour', 'One voice at a time on the quay', 'The rule, outdoors, with a megaphone.', { replantedFrom: root.id, license: 'CC0-1.0' }));
    const gone = await store.put('seed', seed('story-g19', 'A seed since removed', 'Removed by its author.'));
    const orphan = await store.put('seed', seed('story-g21', 'Notes that outlived their origin', 'Its parent was removed; the lineage shows the gap.', { replantedFrom: gone.id }));
    await store.remove('seed', gone.id);
    await store.putMany('seed', [
      seed('story-g20', 'A repair café needs three tables', 'Reception, repair, and a table where people wait and talk.', { tags: ['repair'], license: 'CC0-1.0', author: 'Repair Café' }),
      seed('story-harbour', 'Prendre des notes en communs', 'Un pad partagé par atelier, une licence annoncée au début.', { tags: ['documentation', 'licences'], license: 'CC-BY-4.0', author: 'Wikimédia' }),
    ]);
    return { root, middle, orphan };
  })();
  return planted;
}

/** For a story's `loaders`: the commons, as `loaded.commons`. */
export const loadCommons = async () => ({ commons: await seedCommons() });
