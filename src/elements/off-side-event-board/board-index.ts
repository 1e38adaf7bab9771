import type { SideEvent } from '../../model/records.js';
import { matchesWords, searchWords } from '../../model/search.js';
import { eventDayKey } from '../shared/format.js';
import { SearchTexts } from '../shared/search-texts.js';

export interface BoardFilter {
  /** Words typed by the visitor; every word must match. */
  query: string;
  /** A day key, or '' for all days. */
  day: string;
}

export interface DayGroup {
  day: string;
  items: { record: SideEvent; index: number }[];
}

const texts = new SearchTexts<SideEvent>(({ title, place = '', organizer = '', tags }) => `${title}\n${place}\n${organizer}\n${tags.join('\n')}`);

/** Folds the search texts of `records` in idle time, so that the first query finds them ready. */
export function foldWhenIdle(records: readonly SideEvent[]): void {
  texts.foldWhenIdle(records);
}

/** Title, place, organiser and tags of each side event, folded for accent- and case-insensitive search. */
export function searchTexts(records: readonly SideEvent[]): string[] {
  return texts.all(records);
}

/** The distinct days, in calendar order, with `chosen` (the day filter's) even once no side event is left on it. */
export function dayKeys(records: readonly SideEvent[], chosen = ''): string[] {
  const days = new Set(records.map((record) => eventDayKey(record.start)));
  if (chosen) days.add(chosen);
  return [...days].sort();
}

/**
 * The side events by the day of their place, then in the stores' order (by instant): at 18:00 UTC it is
 * already the 14th in Tokyo but still the 13th in New York. The same array when that changes nothing.
 */
export function inDayOrder(records: SideEvent[]): SideEvent[] {
  const days = records.map((record) => eventDayKey(record.start));
  if (days.every((day, index) => !index || days[index - 1]! <= day)) return records;
  const positions = [...records.keys()].sort((a, b) => (days[a]! < days[b]! ? -1 : days[a]! > days[b]! ? 1 : a - b));
  return positions.map((position) => records[position]!);
}

/** The side events that match `filter`; `texts` gives their search texts, in the same order, read only for a query. */
export function filterSideEvents(records: SideEvent[], texts: () => readonly string[], { query, day }: BoardFilter): SideEvent[] {
  const words = searchWords(query);
  if (!words.length && !day) return records;
  const haystacks = words.length ? texts() : [];
  return records.filter((record, index) => (!day || eventDayKey(record.start) === day) && (!words.length || matchesWords(haystacks[index]!, words)));
}

/**
 * Groups side events by day in order of appearance, keeping each one's position
 * in the whole filtered list (`start` is the position of the first one).
 */
export function groupByDay(records: readonly SideEvent[], start: number): DayGroup[] {
  const groups = new Map<string, DayGroup>();
  records.forEach((record, offset) => {
    const day = eventDayKey(record.start);
    let group = groups.get(day);
    if (!group) {
      group = { day, items: [] };
      groups.set(day, group);
    }
    group.items.push({ record, index: start + offset });
  });
  return [...groups.values()];
}
