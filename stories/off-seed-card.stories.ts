import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/elements/off-seed-card/define.js';
import { storeFor } from '../src/elements/shared/store-registry.js';
import type { Seed } from '../src/model/records.js';
import { seedCommons } from './support/story-commons.js';
import { FAILING_STORE, FALLBACK_STORE, LOADING_STORE, OFFLINE_STORE } from './support/story-stores.js';

const ORIGINAL = {
  event: 'story-summit-2025',
  title: 'How we ran an open-door workshop',
  body: 'Doors open, chairs in a circle, one question on the wall.\nEveryone speaks once before anyone speaks twice.\n\nOur notes: https://example.org/notes/open-door (CC BY-SA).',
  author: 'Camille',
  license: 'CC-BY-SA-4.0',
  tags: ['facilitation', 'open-doors'],
};

/** The same seeds in every store the stories read: an original and its replant, added once per page. */
let seeded: Promise<Record<string, { original: Seed; replant: Seed }>> | undefined;

function seedSeeds() {
  seeded ??= Promise.all(
    ['memory', OFFLINE_STORE, FALLBACK_STORE].map(async (spec) => {
      const store = storeFor(spec);
      const original = await store.put('seed', ORIGINAL);
      const replant = await store.put('seed', { ...ORIGINAL, event: 'story-g21', title: 'Open doors, second edition', replantedFrom: original.id });
      return [spec, { original, replant }] as const;
    }),
  ).then(Object.fromEntries);
  return seeded;
}

interface SeedCardArgs {
  store: string;
  lang: string;
  theme: string;
  'replant-event': string;
  'heading-level': number;
  /** Which stored seed to show: the original or its replant. */
  which: 'original' | 'replant' | 'missing';
}

const meta: Meta<SeedCardArgs> = {
  title: 'Elements/off-seed-card',
  component: 'off-seed-card',
  loaders: [async () => ({ seeds: await seedSeeds() })],
  args: { store: 'memory', lang: 'en', theme: '', 'replant-event': 'story-g21', 'heading-level': 3, which: 'original' },
  render: (args, { loaded }) => {
    const seeds = (loaded as { seeds: Awaited<ReturnType<typeof seedSeeds>> }).seeds[args.store] ?? loaded.seeds.memory;
    const id = args.which === 'missing' ? 'no-such-seed' : seeds[args.which].id;
    return html`
      <off-seed-card
        store=${args.store}
        seed=${id}
        lang=${args.lang}
        theme=${args.theme}
        replant-event=${args['replant-event']}
        heading-level=${args['heading-level']}
      ></off-seed-card>
    `;
  },
};

export default meta;

type Story = StoryObj<SeedCardArgs>;

/** A seed loaded from the store by id, with its licence, tags and actions. */
export const Filled: Story = {};

export const English: Story = { args: { lang: 'en' } };

export const French: Story = { args: { lang: 'fr' } };

/** A replanted seed: its lineage links to the original. */
export const Replanted: Story = { args: { which: 'replant', 'replant-event': '' } };

/** Lineage across events, named by their records: the chain it comes from (G19 Lisbon) and the tree of its replantings. */
export const Lineage: Story = {
  loaders: [async () => ({ commons: await seedCommons() })],
  render: (args, { loaded }) => html`
    <off-seed-card store="memory" lang=${args.lang} theme=${args.theme} replant-event="story-g21" seed=${loaded.commons.middle.id}></off-seed-card>
  `,
};

/** A seed whose parent was removed or hidden: its lineage shows a gap, not an error. */
export const LineageWithGap: Story = {
  loaders: [async () => ({ commons: await seedCommons() })],
  render: (args, { loaded }) => html`<off-seed-card store="memory" lang=${args.lang} theme=${args.theme} seed=${loaded.commons.orphan.id}></off-seed-card>`,
};

/** The seed given directly as the `seed` property: no store needed to show it. */
export const GivenAsProperty: Story = {
  render: (args) => html`
    <off-seed-card
      lang=${args.lang}
      theme=${args.theme}
      .seed=${{
        ...ORIGINAL,
        id: 'given-seed',
        license: 'CC0-1.0',
        tags: ['commons'],
        createdAt: '2026-03-01T10:00:00.000Z',
        updatedAt: '2026-03-01T10:00:00.000Z',
      } satisfies Seed}
    ></off-seed-card>
  `,
};

/** Markup in a contribution is shown as text; only http(s) addresses become links. */
export const MarkupAsText: Story = {
  render: (args) => html`
    <off-seed-card
      lang=${args.lang}
      .seed=${{
        id: 'markup-seed',
        title: '<img src=x onerror=alert(1)> is just text',
        body: '<script>alert(1)</script>\njavascript:alert(1) stays text; https://example.org/safe is a link.',
        license: 'CC-BY-4.0',
        tags: [],
        createdAt: '2026-03-01T10:00:00.000Z',
        updatedAt: '2026-03-01T10:00:00.000Z',
      } satisfies Seed}
    ></off-seed-card>
  `,
};

export const Loading: Story = { args: { store: LOADING_STORE } };

export const NotFound: Story = { args: { which: 'missing' } };

/** The store failed: the message is in the visitor's language. */
export const StoreError: Story = { args: { store: FAILING_STORE } };

/** Offline: replanting still works and says it will be sent later. */
export const Offline: Story = { args: { store: OFFLINE_STORE } };

/** IndexedDB unavailable (private browsing): the card warns that a replant is lost on reload. */
export const MemoryFallback: Story = { args: { store: FALLBACK_STORE } };

export const Dark: Story = {
  args: { theme: 'dark' },
  parameters: { backgrounds: { default: 'dark' } },
};
