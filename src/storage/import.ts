import { readCommons } from '../model/commons.js';
import { parseIcs } from '../model/ics-parse.js';
import type { SideEvent } from '../model/records.js';
import { toLine } from '../model/line.js';
import type { LocalStore } from './local-store.js';
import type { OffStore } from './store.js';

/**
 * Imports an exported commons (JSON) into a local store, keeping ids, stamps
 * and lineage. Throws `CommonsFormatError` for a file that is not one, and
 * `ValidationError` (with the record's index) when a record is refused: side
 * events are checked and written first, then seeds, each kind as one batch.
 */
export async function importCommons(store: Pick<LocalStore, 'restore'>, text: string) {
  const commons = readCommons(text);
  const sideEvents = await store.restore('side-event', commons.sideEvents);
  const seeds = await store.restore('seed', commons.seeds);
  return { event: commons.event, sideEvents, seeds };
}

/** Title as stored, and instant: how a calendar's event is recognised among the side events already stored. */
const calendarKey = ({ title, start }: { title: string; start: string }) => `${toLine(title)}\n${Date.parse(start)}`;

/**
 * Adds the events of an iCalendar file as new side events of `event`, in one validated batch.
 * Those already there (same title and start) are left out, so importing an updated
 * calendar again adds only what is new.
 */
export async function importIcs(store: OffStore, text: string, options: { event: string; timeZone?: string }): Promise<SideEvent[]> {
  const known = new Set((await store.list('side-event', { event: options.event })).map(calendarKey));
  const fresh = parseIcs(text, options).filter((input) => {
    const key = calendarKey(input);
    if (known.has(key)) return false;
    known.add(key);
    return true;
  });
  return fresh.length ? store.putMany('side-event', fresh) : [];
}
