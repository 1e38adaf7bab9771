import { fixture, html, waitUntil } from '@open-wc/testing';
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
