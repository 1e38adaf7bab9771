import type { SideEvent } from '../../model/records.js';
import { foldForSearch, matchesWords } from '../../model/search.js';
import { eventDayKey } from '../shared/format.js';

/** A side event with what filtering needs, computed once per change of the list rather than per keystroke. */
export interface IndexedSideEvent {
  record: SideEvent;
  /** The event's wall-clock day, "2026-06-12". */
  day: string;
  /** Title, place, organiser and tags, folded for accent- and case-insensitive search. */
  haystack: string;
}

export interface BoardFilter {
  /** Words typed by the visitor; every word must match. */
  query: string;
  /** A day key, or '' for all days. */
  day: string;
}

export interface DayGroup {
  day: string;
  items: { entry: IndexedSideEvent; index: number }[];
}

// A change to the list keeps the other records' objects, so only new and changed records are indexed again.
const indexed = new WeakMap<SideEvent, IndexedSideEvent>();

function indexSideEvent(record: SideEvent): IndexedSideEvent {
  let entry = indexed.get(record);
  if (!entry) {
    const text = [record.title, record.place ?? '', record.organizer ?? '', ...record.tags].join('\n');
    entry = { record, day: eventDayKey(record.start), haystack: foldForSearch(text) };
    indexed.set(record, entry);
  }
  return entry;
}

export function indexSideEvents(records: readonly SideEvent[]): IndexedSideEvent[] {
  return records.map(indexSideEvent);
}

/** The distinct days, in calendar order. */
export function dayKeys(entries: readonly IndexedSideEvent[]): string[] {
  return [...new Set(entries.map((entry) => entry.day))].sort();
}

export function filterSideEvents(entries: IndexedSideEvent[], { query, day }: BoardFilter): IndexedSideEvent[] {
  const folded = foldForSearch(query.trim());
  if (!folded && !day) return entries;
  return entries.filter((entry) => (!day || entry.day === day) && (!folded || matchesWords(entry.haystack, folded)));
}

/**
 * Groups entries by day in order of appearance, keeping each entry's position
 * in the whole filtered list (`start` is the position of the first one).
 */
export function groupByDay(entries: readonly IndexedSideEvent[], start: number): DayGroup[] {
  const groups = new Map<string, DayGroup>();
  entries.forEach((entry, offset) => {
    let group = groups.get(entry.day);
    if (!group) {
      group = { day: entry.day, items: [] };
      groups.set(entry.day, group);
    }
    group.items.push({ entry, index: start + offset });
  });
  return [...groups.values()];
}
