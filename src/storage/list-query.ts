import { hostEventOf, type OffRecord, type RecordKind } from '../model/records.js';
import { foldForSearch, matchesWords, searchWords } from '../model/search.js';
import type { ListQuery } from './store.js';

/** When a record is over: its end, else its start; none for records without times. */
function endOf(record: OffRecord): number | undefined {
  const { start, end } = record as { start?: string; end?: string };
  const last = end ?? start;
  return last === undefined ? undefined : Date.parse(last);
}

const TEXT_FIELDS = ['title', 'name', 'description', 'body', 'author', 'place', 'organizer', 'address'] as const;

/** A record's texts, folded for search: what `ListQuery.text` looks in. */
function searchTextOf(record: OffRecord): string {
  const fields = record as Partial<Record<(typeof TEXT_FIELDS)[number], string>> & { tags?: string[] };
  return foldForSearch([...TEXT_FIELDS.map((field) => fields[field] ?? ''), ...(fields.tags ?? [])].join('\n'));
}

/** Whether a record of `kind` belongs in the list `query` asks for: how local stores and pending writes narrow a list, as the server does. */
export function matchesQuery(kind: RecordKind, query: ListQuery): (record: OffRecord) => boolean {
  const { event, place, organizer, from, replantedFrom, partOf, tag, license, text } = query;
  const since = from === undefined ? undefined : Date.parse(from);
  const words = text === undefined ? [] : searchWords(text);
  return (record) => {
    const fields = record as { placeId?: string; organizerId?: string; replantedFrom?: string; partOf?: string; tags?: string[]; license?: string };
    if (event !== undefined && hostEventOf(kind, record) !== event) return false;
    if (place !== undefined && fields.placeId !== place) return false;
    if (organizer !== undefined && fields.organizerId !== organizer) return false;
    if (replantedFrom !== undefined && fields.replantedFrom !== replantedFrom) return false;
    if (partOf !== undefined && fields.partOf !== partOf) return false;
    if (tag !== undefined && !fields.tags?.includes(tag)) return false;
    if (license !== undefined && fields.license !== license) return false;
    if (words.length && !matchesWords(searchTextOf(record), words)) return false;
    if (since === undefined) return true;
    const over = endOf(record);
    return over !== undefined && over >= since;
  };
}

/** The part of a query the server's database cannot narrow by a column: `matchesQuery` applies it to the rows read. */
export function contentQuery({ partOf, tag, license, text }: ListQuery): ListQuery | undefined {
  return partOf === undefined && tag === undefined && license === undefined && text === undefined ? undefined : { partOf, tag, license, text };
}

/** True when the query narrows nothing but the host event: the lists kept for offline use are of those. */
export function isEventQuery({ event: _event, ...rest }: ListQuery): boolean {
  return Object.values(rest).every((value) => value === undefined);
}
