import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/elements/off-side-event-board/define.js';
import { storeFor } from '../src/elements/shared/store-registry.js';
import { loadNetwork, type StoryNetwork } from './support/story-network.js';
import { FAILING_STORE, LOADING_STORE, OFFLINE_STORE } from './support/story-stores.js';

const EVENT = 'story-board';
const HUGE_EVENT = 'story-board-10k';

/** "YYYY-MM-DDTHH:MM:00+02:00", `days` after today: the programme always lies ahead. */
function at(days: number, time: string): string {
  const day = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  return `${day}T${time}:00+02:00`;
}

const PROGRAMME = [
  {
    title: 'Breakfast of the commons',
    start: at(1, '08:30'),
    end: at(1, '09:30'),
    place: 'Café du Port, quai 3',
    organizer: 'Les Communs',
    tags: ['commons', 'breakfast'],
    description: 'Coffee, croissants and the #OFF manifesto read aloud. Bring a question you would like answered by someone you have not met yet.',
    url: 'https://example.org/breakfast',
  },
  {
    title: 'Walk to the lighthouse',
    start: at(1, '17:00'),
    end: at(1, '19:00'),
    place: 'Meeting point: the fountain',
    organizer: 'Zoé Martin',
    tags: ['walk', 'sea'],
    description:
      'An easy walk along the coast with people from the summit. We talk about what we heard today, and what we did not. Good shoes, water, and a windbreaker: the sea wind is cold in the evening. We come back by bus; tickets are on us. Children welcome, dogs too, on a leash.',
  },
  {
    title: 'Open-door workshop: seeds of knowledge',
    start: at(2, '14:00'),
    end: at(2, '16:00'),
    place: 'La Friche, salle 2',
    organizer: 'Camille & the Reliance network',
    tags: ['facilitation', 'seeds'],
    description: 'Chairs in a circle, one question on the wall. Everyone speaks once before anyone speaks twice.',
    url: 'https://example.org/workshop',
  },
  { title: 'Late-night jam', start: at(2, '22:00'), place: 'Le Molotov', tags: ['music'] },
];

let seeded: Promise<unknown> | undefined;

/** The programme in every store the stories read, added once per page. */
function seedProgramme(): Promise<unknown> {
  seeded ??= Promise.all(
    ['memory', OFFLINE_STORE].map((spec) => storeFor(spec).putMany('side-event', PROGRAMME.map((fields) => ({ event: EVENT, ...fields })))),
  );
  return seeded;
}

let seededHuge: Promise<unknown> | undefined;

/** 10,000 side events over ten days, added once per page (only when that story is opened). */
function seedHuge(): Promise<unknown> {
  seededHuge ??= storeFor('memory').putMany(
    'side-event',
    Array.from({ length: 10_000 }, (_, index) => {
      const minutes = (index * 7) % 1440;
      const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      return {
        event: HUGE_EVENT,
        title: `Side event n°${index + 1}`,
        start: at(1 + (index % 10), time),
        place: `Venue ${(index % 40) + 1}`,
        organizer: `Organiser ${(index % 200) + 1}`,
        tags: index % 3 === 0 ? ['walk'] : ['talk'],
      };
    }),
  );
  return seededHuge;
}

interface BoardArgs {
  event: string;
  store: string;
  lang: string;
  theme: string;
  'contribute-href': string;
}

const meta: Meta<BoardArgs> = {
  title: 'Elements/off-side-event-board',
  component: 'off-side-event-board',
  loaders: [seedProgramme],
  args: { event: EVENT, store: 'memory', lang: 'en', theme: '', 'contribute-href': '#off-contribute' },
  render: ({ event, store, lang, theme, 'contribute-href': contributeHref }) => html`
    <off-side-event-board
      event=${event}
      store=${store}
      lang=${lang}
      theme=${theme}
      contribute-href=${contributeHref}
    ></off-side-event-board>
  `,
};

export default meta;

type Story = StoryObj<BoardArgs>;

/** Four side events over two days, with filters and add-to-calendar. The memory store warns that nothing is kept. */
export const Filled: Story = {};

export const English: Story = { args: { lang: 'en' } };

export const French: Story = { args: { lang: 'fr' } };

/** No side events yet: an invitation to add one. */
export const Empty: Story = { args: { event: 'story-board-empty' } };

/** The store has not answered yet. */
export const Loading: Story = { args: { store: LOADING_STORE } };

/** The store failed: the message in the visitor's language, and a retry button. */
export const StoreError: Story = { args: { store: FAILING_STORE } };

/** Offline: the list shows what this device knows and says it may be out of date. */
export const Offline: Story = { args: { store: OFFLINE_STORE } };

export const Dark: Story = {
  args: { theme: 'dark' },
  parameters: { backgrounds: { default: 'dark' } },
};

const acrossEvents = (attribute: 'place' | 'organizer', past = false): Story => ({
  loaders: [loadNetwork],
  render: ({ lang, theme }, { loaded }) => html`
    <off-side-event-board
      store="memory"
      lang=${lang}
      theme=${theme}
      place=${attribute === 'place' ? (loaded.network as StoryNetwork).place : ''}
      organizer=${attribute === 'organizer' ? (loaded.network as StoryNetwork).organizer : ''}
      ?past=${past}
    ></off-side-event-board>
  `,
});

/** `place="…"`: a venue's side events to come, across events; each says which event it belongs to. The place has coordinates: a link opens it on OpenStreetMap (no map is loaded). */
export const AtAPlace: Story = acrossEvents('place');

/** `place="…" past`: the venue's side events already over too. */
export const AtAPlaceWithPast: Story = acrossEvents('place', true);

/** `organizer="…"`: an organiser's side events to come, across events, with their website. */
export const ByAnOrganiser: Story = acrossEvents('organizer');

/** 10,000 side events: at most 60 are rendered at a time; type in the filter to feel the speed. */
export const TenThousand: Story = {
  name: '10,000 side events',
  args: { event: HUGE_EVENT },
  loaders: [seedHuge],
};
