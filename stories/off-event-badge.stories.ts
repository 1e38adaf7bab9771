import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/elements/off-event-badge/define.js';
import { storeFor } from '../src/elements/shared/store-registry.js';
import { loadNetwork, type StoryNetwork } from './support/story-network.js';
import { FAILING_STORE, LOADING_STORE, OFFLINE_STORE } from './support/story-stores.js';

const EVENT = 'story-g21';

let seeded: Promise<unknown> | undefined;

/** Twelve side events of the story event, in every store the stories read, added once per page. */
function seedSideEvents(): Promise<unknown> {
  seeded ??= Promise.all(
    ['memory', OFFLINE_STORE].map((spec) =>
      storeFor(spec).putMany(
        'side-event',
        Array.from({ length: 12 }, (_, index) => ({
          event: EVENT,
          title: `Side event ${index + 1}`,
          start: `2026-06-${String(10 + (index % 3)).padStart(2, '0')}T${String(9 + index).padStart(2, '0')}:00:00+02:00`,
        })),
      ),
    ),
  );
  return seeded;
}

interface BadgeArgs {
  event: string;
  href: string;
  label: string;
  lang: string;
  theme: string;
  store: string;
}

const meta: Meta<BadgeArgs> = {
  title: 'Elements/off-event-badge',
  component: 'off-event-badge',
  loaders: [seedSideEvents],
  args: { event: EVENT, href: 'https://example.org/g21#off', label: '', lang: 'en', theme: '', store: 'memory' },
  render: ({ event, href, label, lang, theme, store }) => html`
    <off-event-badge store=${store} event=${event} href=${href} label=${label} lang=${lang} theme=${theme}></off-event-badge>
  `,
};

export default meta;

type Story = StoryObj<BadgeArgs>;

/** Twelve side events counted live from the store. */
export const Filled: Story = {};

export const English: Story = { args: { lang: 'en' } };

export const French: Story = { args: { lang: 'fr' } };

/** No side events yet for this event. */
export const Zero: Story = { args: { event: 'story-no-side-events' } };

/** The store has not answered yet. */
export const Loading: Story = { args: { store: LOADING_STORE } };

/** The store failed: the count says so in the visitor's language. */
export const StoreError: Story = { args: { store: FAILING_STORE } };

/** Offline: the badge counts what this device knows and its QR code still works. */
export const Offline: Story = { args: { store: OFFLINE_STORE } };

export const Dark: Story = {
  args: { theme: 'dark' },
  parameters: { backgrounds: { default: 'dark' } },
};

/** A custom label, as a venue would print it. */
export const CustomLabel: Story = { args: { label: 'Around the G21 summit, 10–12 June' } };

/**
 * The badge on a page meant for printing. Open the browser's print preview to see the print
 * layout: a large QR code in black on white, the address printed as text, no buttons.
 */
export const Print: Story = {
  args: { lang: 'fr', label: 'Les OFF du G21 : scannez et ajoutez le vôtre' },
};

/** `place="…"`: a venue's badge counts its side events to come across events, and is named after the venue. */
export const AtAPlace: Story = {
  loaders: [loadNetwork],
  render: ({ href, lang, theme }, { loaded }) => html`
    <off-event-badge store="memory" place=${(loaded.network as StoryNetwork).place} href=${href} lang=${lang} theme=${theme}></off-event-badge>
  `,
};
