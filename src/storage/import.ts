import { readCommons } from '../model/commons.js';
import { parseIcs } from '../model/ics-parse.js';
import type { SideEvent } from '../model/records.js';
import { toLine } from '../model/line.js';
import type { LocalStore } from './local-store.js';
import type { OffStore } from './store.js';

/**
 * Imports an exported commons (JSON, version 1 or 2) into a local store, keeping ids, stamps
 * and lineage. Throws `CommonsFormatError` for a file that is not one, and `ValidationError`
 * (with the record's index) when a record is refused. Each kind is checked and written as one
 * batch, what others name first: places and organizers, the host event, the seeds' ancestors,
 * then side events and seeds.
 */
export async function importCommons(store: Pick<LocalStore, 'restore'>, text: string) {
  const commons = readCommons(text);
  const places = await store.restore('place', commons.places);
  const organizers = await store.restore('organizer', commons.organizers);
  const hostEvents = await store.restore('event', commons.hostEvent ? [commons.hostEvent] : []);
  const ancestors = await store.restore('seed', commons.ancestors);
  const sideEvents = await store.restore('side-event', commons.sideEvents);
  const seeds = await store.restore('seed', commons.seeds);
  return { event: commons.event, hostEvent: hostEvents[0], places, organizers, ancestors, sideEvents, seeds };
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
