import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/elements/off-seed-browser/define.js';
import { loadCommons } from './support/story-commons.js';
import { FAILING_STORE, LOADING_STORE, OFFLINE_STORE } from './support/story-stores.js';

interface SeedBrowserArgs {
  store: string;
  lang: string;
  theme: string;
  event: string;
  label: string;
  'heading-level': number;
}

const meta: Meta<SeedBrowserArgs> = {
  title: 'Elements/off-seed-browser',
  component: 'off-seed-browser',
  loaders: [loadCommons],
  args: { store: 'memory', lang: 'en', theme: '', event: 'story-g21', label: '', 'heading-level': 2 },
  render: (args) => html`
    <off-seed-browser
      store=${args.store}
      lang=${args.lang}
      theme=${args.theme}
      event=${args.event}
      label=${args.label}
      heading-level=${args['heading-level']}
    ></off-seed-browser>
  `,
};

export default meta;

type Story = StoryObj<SeedBrowserArgs>;

/** Every event's seeds, by event name, each replantable into G21 Marseille. */
export const Commons: Story = {};

export const French: Story = { args: { lang: 'fr' } };

/** Without `event`: browsing only, nothing to replant into. */
export const BrowseOnly: Story = { args: { event: '', label: 'The commons of seeds' } };

export const Loading: Story = { args: { store: LOADING_STORE } };

/** The store failed: the message is in the visitor's language, with a retry button. */
export const StoreError: Story = { args: { store: FAILING_STORE } };

/** Offline: the list may be out of date, and a replant is sent when the connection is back. */
export const Offline: Story = { args: { store: OFFLINE_STORE } };

export const Dark: Story = {
  args: { theme: 'dark' },
  parameters: { backgrounds: { default: 'dark' } },
};
