import { readCommons } from '../model/commons.js';
import type { IcsReadOptions } from '../model/ics-parse.js';
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

/**
 * How a calendar's event is recognised among the side events already stored: its UID (per occurrence) when it has
 * one; else, as imports before UIDs were kept, its title as stored and its instant.
 */
const calendarKey = ({ sourceId, title, start }: { sourceId?: string; title: string; start: string }) =>
  sourceId === undefined ? `${toLine(title)}\n${Date.parse(start)}` : `uid\n${sourceId}`;

/**
 * Adds the events of an iCalendar file as new side events of `event`, in one validated batch. Those already there
 * (same UID and occurrence, or for events without a UID same title and start) are left out, so importing an updated
 * calendar again adds only what is new. The parser (ical.js) is loaded only now: no page pays for it otherwise.
 * Throws `IcsFormatError` for a file that is not iCalendar.
 */
export async function importIcs(store: OffStore, text: string, options: IcsReadOptions): Promise<SideEvent[]> {
  const [{ parseIcs }, stored] = await Promise.all([import('../model/ics-parse.js'), store.list('side-event', { event: options.event })]);
  const known = new Set(stored.map(calendarKey));
  const fresh = parseIcs(text, options).filter((input) => {
    const key = calendarKey(input);
    if (known.has(key)) return false;
    known.add(key);
    return true;
  });
  return fresh.length ? store.putMany('side-event', fresh) : [];
}
