import { hostEventOf, type OffRecord, type RecordKind } from '../model/records.js';
import type { ListQuery } from './store.js';

/** When a record is over: its end, else its start; none for records without times. */
function endOf(record: OffRecord): number | undefined {
  const { start, end } = record as { start?: string; end?: string };
  const last = end ?? start;
  return last === undefined ? undefined : Date.parse(last);
}

/** Whether a record of `kind` belongs in the list `query` asks for: how local stores and pending writes narrow a list, as the server does. */
export function matchesQuery(kind: RecordKind, { event, place, organizer, from, replantedFrom }: ListQuery): (record: OffRecord) => boolean {
  const since = from === undefined ? undefined : Date.parse(from);
  return (record) => {
    const fields = record as { placeId?: string; organizerId?: string; replantedFrom?: string };
    if (event !== undefined && hostEventOf(kind, record) !== event) return false;
    if (place !== undefined && fields.placeId !== place) return false;
    if (organizer !== undefined && fields.organizerId !== organizer) return false;
    if (replantedFrom !== undefined && fields.replantedFrom !== replantedFrom) return false;
    if (since === undefined) return true;
    const over = endOf(record);
    return over !== undefined && over >= since;
  };
}

/** True when the query narrows nothing but the host event: the lists kept for offline use are of those. */
export function isEventQuery({ event: _event, ...rest }: ListQuery): boolean {
  return Object.values(rest).every((value) => value === undefined);
}
