import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/elements/off-contribute-form/define.js';
import type { OffContributeForm } from '../src/elements/off-contribute-form/off-contribute-form.js';
import { registerStore, storeFor } from '../src/elements/shared/store-registry.js';
import { UnavailableError } from '../src/storage/errors.js';
import { createMemoryStore } from '../src/storage/memory.js';
import type { BasicStore } from '../src/storage/queueing-store.js';
import type { StoreStatus } from '../src/storage/store.js';
import { loadNetwork } from './support/story-network.js';

/**
 * A server store while the device is offline, as a page would register one: it would keep records, it just cannot
 * reach them now. Its writes fail as if unreachable, so the registry's outbox keeps contributions as pending writes.
 */
const WRITES_FAILING = 'story-contribute-unreachable';
const OFFLINE: StoreStatus = { persistent: true, online: false, reason: 'offline' };
const records = createMemoryStore({ name: WRITES_FAILING });
const unreachable = () => Promise.reject(new UnavailableError());
const offlineServer: BasicStore = {
  status: OFFLINE,
  ready: async () => OFFLINE,
  list: (kind, query) => records.list(kind, query),
  get: (kind, id) => records.get(kind, id),
  put: unreachable,
  putMany: unreachable,
  remove: unreachable,
  subscribe: (listener) => records.subscribe(listener),
  close: () => records.close(),
};
registerStore(WRITES_FAILING, offlineServer);

interface ContributeFormArgs {
  kind: 'side-event' | 'seed';
  event: string;
  store: string;
  lang: string;
  theme: string;
  'time-zone': string;
  'min-fill-ms': number;
  /** Simulates the device being offline (`onlineCheck`). */
  offline: boolean;
}

/** Fills the form like a person and presses the button. */
function fillAndSend(values: Record<string, string>) {
  return async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const form = canvasElement.querySelector<OffContributeForm>('off-contribute-form')!;
    await form.updateComplete;
    for (const [name, value] of Object.entries(values)) {
      const control = form.shadowRoot!.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
      control.value = value;
      control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    form.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
  };
}

const SIDE_EVENT = { title: 'Breakfast of the commons', start: '2026-06-12T08:30', place: 'Café du Port', tags: 'commons, breakfast' };

/** Forgets what earlier views of a story typed or left pending, so each view starts the same. */
const forgetLocalState = async (store: string, kind: string, event: string) => {
  localStorage.removeItem(`off-layer:draft:${kind}:${event}`);
  for (const { key } of await storeFor(store).pending({ event })) await storeFor(store).discardPending(key);
};

const meta: Meta<ContributeFormArgs> = {
  title: 'Elements/off-contribute-form',
  component: 'off-contribute-form',
  args: {
    kind: 'side-event',
    event: 'story-g21',
    store: 'memory',
    lang: 'en',
    theme: '',
    'time-zone': 'Europe/Paris',
    'min-fill-ms': 3000,
    offline: false,
  },
  loaders: [
    async ({ args }) => {
      await forgetLocalState(args.store, args.kind, args.event);
      return {};
    },
  ],
  render: (args) => html`
    <off-contribute-form
      kind=${args.kind}
      event=${args.event}
      store=${args.store}
      lang=${args.lang}
      theme=${args.theme}
      time-zone=${args['time-zone']}
      min-fill-ms=${args['min-fill-ms']}
      .onlineCheck=${() => !args.offline && navigator.onLine}
    ></off-contribute-form>
  `,
};

export default meta;

type Story = StoryObj<ContributeFormArgs>;

/** "Add your #OFF": the empty side event form (the memory store warns that nothing is kept). */
export const SideEvent: Story = {};

/** The place and organiser fields suggest those already known (two cafés of the same name, told apart by their address); "Add a new place" creates one on the way. */
export const WithKnownPlaces: Story = {
  args: { event: 'story-known-places' },
  loaders: [loadNetwork],
};

/** Plant a seed: text, author, licence and source. */
export const Seed: Story = { args: { kind: 'seed', event: 'story-g21-seeds' } };

/** Sent empty: inline errors, focus on the first invalid field. */
export const WithErrors: Story = {
  args: { event: 'story-errors' },
  play: fillAndSend({ url: 'javascript:alert(1)' }),
};

/** The store could not be reached: the contribution waits on this device, with the count shown. */
export const OfflineQueued: Story = {
  args: { event: 'story-queued', store: WRITES_FAILING, offline: true, 'min-fill-ms': 0 },
  play: fillAndSend(SIDE_EVENT),
};

/** After a successful contribution. */
export const Confirmation: Story = {
  args: { event: 'story-confirmation', 'min-fill-ms': 0 },
  play: fillAndSend(SIDE_EVENT),
};

export const French: Story = { args: { lang: 'fr', event: 'story-fr' } };

export const English: Story = { args: { lang: 'en', event: 'story-en' } };

export const Dark: Story = {
  args: { theme: 'dark', event: 'story-dark' },
  parameters: { backgrounds: { default: 'dark' } },
};
