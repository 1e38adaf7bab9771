import type { FieldIssue } from './validate.js';
import type { OffRecord, RecordKind } from './records.js';

/** A record as its store holds it; `hidden` when a moderator hid it (the server only). */
export interface Found {
  record: OffRecord;
  hidden?: boolean;
}

/** How the checks read other records: the store's own lookup, hidden records included. */
export type FindRecord = (kind: RecordKind, id: string) => Promise<Found | undefined>;

/** Lineages and series are followed this far at most: deeper chains are cut, never looped over. */
export const MAX_CHAIN = 1000;

/** Whether following `link` up from `start` (by `next`) comes back to `self`: a cycle if `self` pointed at `start`. */
async function leadsBackTo(kind: RecordKind, self: string, start: string, next: (record: OffRecord) => string | undefined, find: FindRecord) {
  const seen = new Set<string>();
  for (let id: string | undefined = start; id !== undefined && seen.size < MAX_CHAIN; ) {
    if (id === self) return true;
    if (seen.has(id)) return false;
    seen.add(id);
    const found = await find(kind, id);
    id = found && next(found.record);
  }
  return false;
}

async function visible(kind: RecordKind, id: string, find: FindRecord): Promise<boolean> {
  const found = await find(kind, id);
  return found !== undefined && !found.hidden;
}

/**
 * What a valid record names that the store must hold, checked against it: a place or organizer record
 * that does not exist (or is hidden) is refused rather than created as a stub, so that a typo or a bot
 * cannot add a ghost venue to every suggestion list; an event id nobody described is fine; a seed may
 * not descend from itself, nor an event be part of itself (a missing or hidden parent is fine: a gap).
 */
export async function referenceIssues(kind: RecordKind, input: Record<string, unknown>, find: FindRecord): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const { id, placeId, organizerId, replantedFrom, partOf } = input as Partial<Record<string, string>>;
  if (placeId !== undefined && !(await visible('place', placeId, find))) issues.push({ field: 'placeId', code: 'unknown-place' });
  if (organizerId !== undefined && !(await visible('organizer', organizerId, find))) issues.push({ field: 'organizerId', code: 'unknown-organizer' });
  if (kind === 'seed' && id !== undefined && replantedFrom !== undefined) {
    if (await leadsBackTo('seed', id, replantedFrom, (record) => (record as { replantedFrom?: string }).replantedFrom, find)) {
      issues.push({ field: 'replantedFrom', code: 'lineage-cycle' });
    }
  }
  if (kind === 'event' && id !== undefined && partOf !== undefined) {
    if (await leadsBackTo('event', id, partOf, (record) => (record as { partOf?: string }).partOf, find)) {
      issues.push({ field: 'partOf', code: 'part-of-cycle' });
    }
  }
  return issues;
}
