import { storeFor } from '../../src/elements/shared/store-registry.js';

/** The ids the memory store gave the stories' venue and organiser. */
export interface StoryNetwork {
  place: string;
  organizer: string;
}

/** "YYYY-MM-DDTHH:MM:00+02:00", `days` from today (negative: in the past). */
function at(days: number, time: string): string {
  const day = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  return `${day}T${time}:00+02:00`;
}

let planted: Promise<StoryNetwork> | undefined;

/**
 * Two host events sharing a venue (two cafés of that name, in two cities) and an organiser, in the page-wide memory
 * store, added once per page: what the stories of boards by place or organiser, the venue's badge and the form's
 * suggestions show.
 */
export function seedNetwork(): Promise<StoryNetwork> {
  planted ??= (async () => {
    const store = storeFor('memory');
    await store.put('event', { id: 'story-summit', name: 'Summit of the commons', start: at(1, '09:00'), end: at(3, '18:00'), url: 'https://example.org/summit' });
    await store.put('event', { id: 'story-festival', name: 'Harbour festival', start: at(20, '10:00') });
    const place = await store.put('place', { name: 'Café du Port', address: '1 quai du Port, 13002 Marseille', latitude: 43.2965, longitude: 5.3698 });
    await store.put('place', { name: 'Café du Port', address: '2 rue du Port, 69002 Lyon' });
    const organizer = await store.put('organizer', { name: 'Les Communs', url: 'https://example.org/communs' });
    const sideEvent = (event: string, title: string, start: string) => ({ event, title, start, placeId: place.id, organizerId: organizer.id, tags: [] });
    await store.putMany('side-event', [
      sideEvent('story-summit', 'Breakfast of the commons', at(1, '08:30')),
      sideEvent('story-summit', 'Repair café', at(2, '16:00')),
      sideEvent('story-festival', 'Concert on the quay', at(21, '20:00')),
      sideEvent('story-festival', 'Last year’s picnic', at(-300, '12:00')),
    ]);
    return { place: place.id, organizer: organizer.id };
  })();
  return planted;
}

/** For a story's `loaders`: the network, as `loaded.network`. */
export const loadNetwork = async () => ({ network: await seedNetwork() });
