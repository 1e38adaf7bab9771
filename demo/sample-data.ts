import { localToIso } from '../src/model/local-time.js';

/** The fictional host event of the demo. */
export const DEMO_EVENT = 'g21';
export const PREVIOUS_EVENT = 'g20';
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

/** Side events of the demo summit, as a contributor would send them. */
export function sampleSideEvents(today = new Date()) {
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
  }));
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
