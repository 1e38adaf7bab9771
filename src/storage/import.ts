import { readCommons } from '../model/commons.js';
import { parseIcs } from '../model/ics-parse.js';
import type { SideEvent } from '../model/records.js';
import type { RecordStore } from './record-store.js';
import type { OffStore } from './store.js';

/**
 * Imports an exported commons (JSON) into a local store, keeping ids, stamps
 * and lineage. Throws `CommonsFormatError` for a file that is not one, and
 * `ValidationError` (with the record's index) when a record is refused: side
 * events are checked and written first, then seeds, each kind as one batch.
 */
export async function importCommons(store: Pick<RecordStore, 'restore'>, text: string) {
  const commons = readCommons(text);
  const sideEvents = await store.restore('side-event', commons.sideEvents);
  const seeds = await store.restore('seed', commons.seeds);
  return { event: commons.event, sideEvents, seeds };
}

/** Adds the events of an iCalendar file as new side events of `event`, in one validated batch. */
export function importIcs(store: OffStore, text: string, options: { event: string; timeZone?: string }): Promise<SideEvent[]> {
  return store.putMany('side-event', parseIcs(text, options));
}
