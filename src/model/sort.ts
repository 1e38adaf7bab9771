import type { OffRecord, RecordKind, Seed, SideEvent } from './records.js';

// Plain code-unit order for ties: the same in every browser and on the server, and fast.
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const sideEventTie = (a: SideEvent, b: SideEvent) => compareText(a.title, b.title) || compareText(a.id, b.id);

// `createdAt` is always UTC ("…Z"), so its text sorts like its instant.
const newestFirst = (a: Seed, b: Seed) => compareText(b.createdAt, a.createdAt) || compareText(a.id, b.id);

/** The order every store lists in: side events by start time, seeds newest first. */
export function compareRecords(kind: RecordKind): (a: OffRecord, b: OffRecord) => number {
  if (kind === 'seed') return newestFirst as (a: OffRecord, b: OffRecord) => number;
  return (a, b) => Date.parse((a as SideEvent).start) - Date.parse((b as SideEvent).start) || sideEventTie(a as SideEvent, b as SideEvent);
}

/** Sorts in place in the stores' order; each start is parsed once, not once per comparison. */
export function sortRecords<T extends OffRecord>(kind: RecordKind, records: T[]): T[] {
  if (kind === 'seed') return records.sort(newestFirst as (a: T, b: T) => number);
  const starts = new Map(records.map((record) => [record, Date.parse((record as SideEvent).start)]));
  return records.sort((a, b) => starts.get(a)! - starts.get(b)! || sideEventTie(a as SideEvent, b as SideEvent));
}

/** Inserts one record into an already sorted list, in place, by binary search. */
export function insertSorted<T extends OffRecord>(kind: RecordKind, sorted: T[], record: T): void {
  const compare = compareRecords(kind);
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compare(sorted[middle]!, record) <= 0) low = middle + 1;
    else high = middle;
  }
  sorted.splice(low, 0, record);
}
