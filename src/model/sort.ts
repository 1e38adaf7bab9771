import type { OffRecord, RecordKind, Seed, SideEvent } from './records.js';

const byStart = (a: SideEvent, b: SideEvent) =>
  Date.parse(a.start) - Date.parse(b.start) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id);

const newestFirst = (a: Seed, b: Seed) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id);

/** Side events by start time, seeds newest first: the order every store lists in. */
export function sortRecords<T extends OffRecord>(kind: RecordKind, records: T[]): T[] {
  const compare = (kind === 'side-event' ? byStart : newestFirst) as (a: T, b: T) => number;
  return records.sort(compare);
}
