import { recordName, type HostEvent, type OffRecord, type RecordKind, type Seed, type SideEvent } from './records.js';

// Plain code-unit order for ties: the same in every browser and on the server, and fast.
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

type Compare = (a: OffRecord, b: OffRecord) => number;

const byNameThenId: Compare = (a, b) => compareText(recordName(a), recordName(b)) || compareText(a.id, b.id);

// `createdAt` is always UTC ("…Z"), so its text sorts like its instant.
const newestFirst = ((a: Seed, b: Seed) => compareText(b.createdAt, a.createdAt) || compareText(a.id, b.id)) as Compare;

/** When a record happens, for kinds listed by time; an undated host event comes last (Infinity - Infinity is NaN: a tie). */
function startOf(record: OffRecord): number {
  const start = (record as SideEvent | HostEvent).start;
  return start === undefined ? Infinity : Date.parse(start);
}

const isTimed = (kind: RecordKind) => kind === 'side-event' || kind === 'event';

/**
 * The order every store lists in: side events and host events by start (then name), seeds newest first,
 * places and organizers by name.
 */
export function compareRecords(kind: RecordKind): Compare {
  if (kind === 'seed') return newestFirst;
  if (!isTimed(kind)) return byNameThenId;
  return (a, b) => startOf(a) - startOf(b) || byNameThenId(a, b);
}

/** Sorts in place in the stores' order; each start is parsed once, not once per comparison. */
export function sortRecords<T extends OffRecord>(kind: RecordKind, records: T[]): T[] {
  if (!isTimed(kind)) return records.sort(compareRecords(kind));
  const starts = new Map(records.map((record) => [record, startOf(record)]));
  return records.sort((a, b) => starts.get(a)! - starts.get(b)! || byNameThenId(a, b));
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
