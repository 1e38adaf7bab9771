import { fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../src/elements/off-side-event-board/define.js';
import type { OffSideEventBoard } from '../../../src/elements/off-side-event-board/off-side-event-board.js';
import { storeFor } from '../../../src/elements/shared/store-registry.js';
import type { SideEvent } from '../../../src/model/records.js';
import { sideEventInput } from '../../storage/fixtures.js';

export async function loaded(el: OffSideEventBoard, timeout?: number): Promise<void> {
  const idle = () => el.shadowRoot!.querySelector('[part="board"]')?.getAttribute('aria-busy') === 'false';
  await waitUntil(idle, 'the board never loaded', timeout ? { timeout } : {});
}

/** Side events for `event` in the page-wide memory store; June 12 2037 is a Friday, and still to come. */
export async function seed(event: string, overrides: Record<string, unknown>[]): Promise<SideEvent[]> {
  return storeFor('memory').putMany(
    'side-event',
    overrides.map((fields) => sideEventInput({ event, url: undefined, end: undefined, ...fields })),
  );
}

/** A loaded board for `event`. */
export async function board(event: string, lang = 'en', store = 'memory'): Promise<OffSideEventBoard> {
  const el = await fixture<OffSideEventBoard>(html`<off-side-event-board store=${store} event=${event} lang=${lang}></off-side-event-board>`);
  await loaded(el);
  return el;
}

const filter = <T extends HTMLElement>(el: OffSideEventBoard, name: string) => el.shadowRoot!.querySelector<T>(`[part="${name}"]`)!;

/** Types `value` into the text filter, as after a pause in typing: resolves once the board applied it. */
export async function typeFilter(el: OffSideEventBoard, value: string): Promise<void> {
  const input = filter<HTMLInputElement>(el, 'filter-input');
  const applied = oneEvent(el, 'off-filter-change');
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await applied;
  await el.updateComplete;
}

/** Picks `day` (YYYY-MM-DD, or '' for all) in the day filter. */
export async function chooseDay(el: OffSideEventBoard, day: string): Promise<void> {
  const select = filter<HTMLSelectElement>(el, 'day-filter');
  select.value = day;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
}
