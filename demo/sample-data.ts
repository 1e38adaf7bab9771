import { localToIso } from '../src/model/local-time.js';

/** The fictional host event of the demo. */
export const DEMO_EVENT = 'g21';
export const PREVIOUS_EVENT = 'g20';
/** The series both editions are part of. */
export const SERIES = 'g-summits';
const TIME_ZONE = 'Europe/Paris';

/** The summit's first day: always two weeks ahead, so the demo never shows a past event. */
export function summitDays(today = new Date()): string[] {
  const first = new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate() + 14));
  return [0, 1, 2].map((offset) => new Date(first.getTime() + offset * 86400000).toISOString().slice(0, 10));
}

type Slot = [day: 0 | 1 | 2, start: string, end: string | undefined];

const SIDE_EVENTS: [Slot, string, string | undefined, string, string, string[], string?][] = [
  [[0, '07:30', '08:45'], 'Breakfast of the commons', 'Coffee, croissants and the manifesto read aloud. Bring a question you want answered by Friday.', 'Café du Port, 12 quai de Rive-Neuve', 'Les Communs de Marseille', ['commons', 'breakfast'], 'https://example.org/breakfast'],
  [[0, '12:30', '13:30'], 'Lunch-walk: the harbour as infrastructure', 'A slow walk along the docks with a port engineer. Sandwiches provided, shoes recommended.', 'Meet at the Ombrière, Vieux-Port', 'Port Autonome (volunteers)', ['walk', 'infrastructure']],
  [[0, '18:00', '20:00'], 'Open mic: what I learned this year', 'Five minutes each, no slides. Sign up on the wall at the entrance.', 'La Friche, Salle Seita', 'Tous acteurs', ['open-mic', 'learning']],
  [[0, '20:30', undefined], 'Apéro des bénévoles', 'Les bénévoles du sommet se retrouvent — tout le monde est bienvenu.', 'Bar de la Friche', 'Équipe bénévole', ['apéro', 'bénévoles']],
  [[1, '08:00', '09:00'], 'Running club: 5 km along the Corniche', 'Easy pace, nobody left behind. Showers available at the venue.', 'Plage des Catalans', 'Summit runners', ['sport']],
  [[1, '10:30', '12:00'], 'Atelier : documenter un évènement en communs', 'Prise de notes partagée, licences libres, et comment replanter ce qu’on apprend.', 'La Friche, Atelier 3', 'Wikimedia France (bénévoles)', ['documentation', 'licences', 'atelier'], 'https://example.org/atelier-communs'],
  [[1, '12:30', '14:00'], 'Unconference lunch: climate & cities', 'Pick a table by topic. Each table leaves one seed behind.', 'Cantine de la Friche', 'Climate Cities Network', ['climate', 'cities', 'unconference']],
  [[1, '16:00', '17:30'], 'Repair café', 'Bring a broken thing and learn to fix it with volunteers.', 'La Friche, Hall nord', 'Repair Café Marseille', ['repair', 'hands-on']],
  [[1, '18:30', '20:00'], 'Side-event organisers meetup', 'Meet the people who run the #OFF, share tips, plan next year.', 'La Friche, Toit-terrasse', 'The #OFF crew', ['meta', 'organisers']],
  [[1, '21:00', '23:30'], 'Concert : les Voix du Port', 'Chorale de quartier, entrée libre.', 'Église Saint-Ferréol', 'Les Voix du Port', ['music', 'musique']],
  [[2, '09:00', '10:00'], 'Sketchnoting for beginners', 'Pens and paper provided. Your notes become seeds for the next summit.', 'La Friche, Atelier 1', 'Draw the Talk', ['drawing', 'notes']],
  [[2, '11:00', '12:30'], 'Data for the commons: open the summit’s datasets', 'Hands-on: export the #OFF layer as JSON and calendar files, remix them.', 'La Friche, Labo numérique', 'Open Knowledge Marseille', ['open-data', 'hands-on'], 'https://example.org/open-data'],
  [[2, '14:00', '15:00'], 'Listening circle: what was hard this week', undefined, 'Jardin suspendu de la Friche', 'Care team', ['care']],
  [[2, '17:00', '19:00'], 'Closing picnic: replant the seeds', 'Everyone brings one idea to replant at the next summit. Food to share.', 'Parc Longchamp', 'The #OFF crew', ['closing', 'picnic', 'seeds']],
];

/** The summit's venues, with coordinates for the map link; a side event whose place text names one (`match`) is held there. */
export const SAMPLE_PLACES = {
  friche: { match: 'Friche', name: 'La Friche la Belle de Mai', address: '41 rue Jobin, 13003 Marseille', latitude: 43.3104, longitude: 5.3906, url: 'https://example.org/la-friche' },
  cafe: { match: 'Café du Port', name: 'Café du Port', address: '12 quai de Rive-Neuve, 13007 Marseille', latitude: 43.2932, longitude: 5.3716 },
  catalans: { match: 'Catalans', name: 'Plage des Catalans', address: 'Rue des Catalans, 13007 Marseille', latitude: 43.2903, longitude: 5.3553 },
  longchamp: { match: 'Longchamp', name: 'Parc Longchamp', address: 'Boulevard du Jardin Zoologique, 13004 Marseille', latitude: 43.3047, longitude: 5.3945 },
} as const;

export const SAMPLE_ORGANIZERS = {
  crew: { name: 'The #OFF crew', url: 'https://example.org/off-crew', description: 'The volunteers who run the #OFF layer of the summit, year after year.' },
  communs: { name: 'Les Communs de Marseille', url: 'https://example.org/communs' },
  repair: { name: 'Repair Café Marseille', description: 'Volunteers who fix things with you, every first Saturday.' },
} as const;

type PlaceKey = keyof typeof SAMPLE_PLACES;
type OrganizerKey = keyof typeof SAMPLE_ORGANIZERS;

/** The ids the store gave the demo's places and organisers. */
export interface NetworkIds {
  places: Record<PlaceKey, string>;
  organizers: Record<OrganizerKey, string>;
}

/** The summit and its previous edition, parts of their series, described as host event records (their ids are the slugs side events name). */
export function sampleHostEvents(today = new Date()) {
  const days = summitDays(today);
  const lastYear = (day: string) => `${Number(day.slice(0, 4)) - 1}${day.slice(4)}`;
  const edition = (id: string, name: string, first: string, last: string, partOf?: string) => ({
    id,
    name,
    start: localToIso(`${first}T09:00`, TIME_ZONE),
    end: localToIso(`${last}T18:00`, TIME_ZONE),
    place: 'Marseille',
    url: `https://example.org/${id}`,
    description: 'Three days on the harbour, and everything around them.',
    partOf,
  });
  return [
    { id: SERIES, name: 'The G summits', url: `https://example.org/${SERIES}`, description: 'A summit every year, and its #OFF around it.' },
    edition(PREVIOUS_EVENT, 'G20 Summit', lastYear(days[0]!), lastYear(days[2]!), SERIES),
    edition(DEMO_EVENT, 'G21 Summit', days[0]!, days[2]!, SERIES),
  ];
}

/** Links a side event to the venue its place text names, and to its organiser when known. */
function linked(sideEvent: { place: string; organizer: string }, ids?: NetworkIds): { placeId?: string; organizerId?: string } {
  if (!ids) return {};
  const place = (Object.keys(SAMPLE_PLACES) as PlaceKey[]).find((key) => sideEvent.place.includes(SAMPLE_PLACES[key].match));
  const organizer = (Object.keys(SAMPLE_ORGANIZERS) as OrganizerKey[]).find((key) => SAMPLE_ORGANIZERS[key].name === sideEvent.organizer);
  return { placeId: place && ids.places[place], organizerId: organizer && ids.organizers[organizer] };
}

/** Side events of the demo summit, as a contributor would send them; linked to the venues and organisers when their `ids` are given. */
export function sampleSideEvents(today = new Date(), ids?: NetworkIds) {
  const days = summitDays(today);
  return SIDE_EVENTS.map(([[day, start, end], title, description, place, organizer, tags, url]) => ({
    event: DEMO_EVENT,
    title,
    description,
    start: localToIso(`${days[day]}T${start}`, TIME_ZONE),
    end: end && localToIso(`${days[day]}T${end}`, TIME_ZONE),
    place,
    organizer,
    tags,
    url,
    ...linked({ place, organizer }, ids),
  }));
}

const PREVIOUS_SIDE_EVENTS: [day: 0 | 1 | 2, start: string, end: string, title: string, place: string, organizer: string, tags: string[]][] = [
  [0, '18:00', '20:00', 'Open-door workshop: facilitation for everyone', 'La Friche, Atelier 2', 'The #OFF crew', ['facilitation', 'open-door']],
  [1, '07:30', '08:45', 'First breakfast of the commons', 'Café du Port, 12 quai de Rive-Neuve', 'Les Communs de Marseille', ['commons', 'breakfast']],
  [2, '16:00', '17:30', 'Repair café, first edition', 'La Friche, Hall nord', 'Repair Café Marseille', ['repair']],
];

/** Side events of last year's edition, at the same venues: a venue's board shows them with `past`. */
export function previousSideEvents(ids: NetworkIds, today = new Date()) {
  const days = summitDays(today).map((day) => `${Number(day.slice(0, 4)) - 1}${day.slice(4)}`);
  return PREVIOUS_SIDE_EVENTS.map(([day, start, end, title, place, organizer, tags]) => ({
    event: PREVIOUS_EVENT,
    title,
    start: localToIso(`${days[day]}T${start}`, TIME_ZONE),
    end: localToIso(`${days[day]}T${end}`, TIME_ZONE),
    place,
    organizer,
    tags,
    ...linked({ place, organizer }, ids),
  }));
}

type Create = (kind: 'event' | 'place' | 'organizer', input: object) => Promise<{ id: string }>;

/** Writes the host events, venues and organisers through `create` (a store's put, or the server's API); returns the ids given. */
export async function plantNetwork(create: Create, today = new Date()): Promise<NetworkIds> {
  for (const hostEvent of sampleHostEvents(today)) await create('event', hostEvent);
  const idsOf = async <K extends string>(kind: 'place' | 'organizer', records: Record<K, object>) => {
    const ids = {} as Record<K, string>;
    for (const [key, { match: _match, ...record }] of Object.entries(records) as [K, { match?: string }][]) ids[key] = (await create(kind, record)).id;
    return ids;
  };
  return { places: await idsOf('place', SAMPLE_PLACES), organizers: await idsOf('organizer', SAMPLE_ORGANIZERS) };
}

/** Seeds: one from last year's summit, replanted into this one, and a few new ones. */
export const ORIGIN_SEED = {
  event: PREVIOUS_EVENT,
  title: 'Everyone speaks once before anyone speaks twice',
  body: 'The rule that made our open-door workshops work at the G20 side events.\nWrite it on the wall before you start. Notes: https://example.org/g20-workshops',
  author: 'Camille Roux',
  license: 'CC-BY-SA-4.0',
  tags: ['facilitation', 'open-door'],
};

export function sampleSeeds(originId: string) {
  return [
    {
      event: DEMO_EVENT,
      title: 'Everyone speaks once before anyone speaks twice (replanted)',
      body: 'Replanted from G20 and tried at the unconference lunch: it still works with 8 tables of 10.\nTip: give each table a talking stone.',
      author: 'Yasmina B.',
      license: 'CC-BY-SA-4.0',
      tags: ['facilitation'],
      replantedFrom: originId,
    },
    {
      event: DEMO_EVENT,
      title: 'A repair café needs three tables, not one',
      body: 'Reception, repair, and a table where people wait and talk. The third table is where the knowledge passes on.',
      author: 'Repair Café Marseille',
      license: 'CC0-1.0',
      tags: ['repair', 'hands-on'],
    },
    {
      event: DEMO_EVENT,
      title: 'Prendre des notes en communs',
      body: 'Un pad partagé par atelier, une licence CC BY-SA annoncée au début, et dix minutes à la fin pour relire ensemble.',
      author: 'Wikimedia France',
      license: 'CC-BY-SA-4.0',
      sourceUrl: 'https://example.org/notes-communes',
      tags: ['documentation', 'licences'],
    },
  ];
}
