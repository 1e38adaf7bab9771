import { recordName, type OffRecord, type RecordKind } from '../model/records.js';
import { sortRecords } from '../model/sort.js';
import { contentQuery, matchesQuery } from '../storage/list-query.js';
import type { ListChanges, ListOptions, ListScope } from './repository.js';
import type { SqlRunner } from './sql-driver.js';

/* Lists on the SQL database: the columns kept for them, the SQL that narrows them, and their reads. */

/** The record kept as JSON in the `data` column of `records`. */
export const parseRecord = (data: unknown) => JSON.parse(data as string) as OffRecord;

export interface SortRow {
  data: string;
  start?: string;
  title: string;
  id: string;
  createdAt: string;
}

function sortedByModel(kind: RecordKind, rows: unknown[][]): SortRow[] {
  const sortRows = rows.map(([data, start, title, id, createdAt]) => ({ data, start: start ?? undefined, title, id, createdAt }) as SortRow);
  return sortRecords(kind, sortRows as unknown as OffRecord[]) as unknown as SortRow[];
}

/** The columns that narrow a list, as `ListScope` names them; `from` compares with `end_time` (the end, else the start). */
const SCOPE_COLUMNS = { event: 'event', place: 'place_id', organizer: 'organizer_id', replantedFrom: 'replanted_from' } as const;

/** ` AND <column> = ?`… and their parameters for what `scope` narrows, on the columns of the table aliased `alias`. */
export function scopeFilter(scope: ListScope, alias = ''): [string, unknown[]] {
  const prefix = alias && `${alias}.`;
  let sql = '';
  const params: unknown[] = [];
  for (const [field, column] of Object.entries(SCOPE_COLUMNS)) {
    const value = scope[field as keyof typeof SCOPE_COLUMNS];
    if (value === undefined) continue;
    sql += ` AND ${prefix}${column} = ?`;
    params.push(value);
  }
  if (scope.from !== undefined) {
    sql += ` AND ${prefix}end_time >= ?`;
    params.push(Date.parse(scope.from));
  }
  return [sql, params];
}

/**
 * Rows (the record's JSON first) that hold what a list asks of their content (tag, licence, words), which no column
 * narrows: read and checked as every store checks them. A list narrowed so is kept in memory once read, like any other.
 */
function matchingContent(kind: RecordKind, scope: ListScope): (row: unknown[]) => boolean {
  const content = contentQuery(scope);
  if (!content) return () => true;
  const matches = matchesQuery(kind, content);
  return ([data]) => data !== null && matches(parseRecord(data));
}

/**
 * The columns kept beside a record's JSON for ordering and narrowing lists:
 * [sort_time, start, title, created_at, place_id, organizer_id, replanted_from, end_time].
 */
export function listColumns(record: OffRecord): unknown[] {
  const { start, end, placeId, organizerId, replantedFrom } = record as { start?: string; end?: string; placeId?: string; organizerId?: string; replantedFrom?: string };
  const last = end ?? start;
  return [
    Date.parse(start ?? record.createdAt),
    start ?? null,
    recordName(record),
    record.createdAt,
    placeId ?? null,
    organizerId ?? null,
    replantedFrom ?? null,
    last === undefined ? null : Date.parse(last),
  ];
}


/**
 * The database returns rows almost in order (by sort_time); the model's own
 * sort then settles ties exactly as every store does, in about one pass.
 * It reads only start, title, id and createdAt, so it sorts these small rows
 * without parsing the records.
 */
export async function sortedRows(runner: SqlRunner, kind: RecordKind, { hidden = false, ...scope }: ListOptions): Promise<SortRow[]> {
  const visibility = hidden ? 'hidden' : 'NOT hidden';
  const order = kind === 'seed' ? 'sort_time DESC' : 'sort_time';
  const [filter, params] = scopeFilter(scope);
  const rows = await runner.rows(
    `SELECT data, start, title, id, created_at FROM records WHERE kind = ? AND ${visibility}${filter} ORDER BY ${order}`,
    [kind, ...params],
  );
  return sortedByModel(kind, rows.filter(matchingContent(kind, scope)));
}

/** What changed in a list after `since`: the records now in it, sorted, and the ids of the others changed. */
export async function listChangesSince(runner: SqlRunner, kind: RecordKind, scope: ListScope, since: number): Promise<ListChanges> {
  // The change log knows each change's host event only: a narrower list looks at every change of the kind.
  const [changed, changedParams] = scopeFilter({ event: scope.event });
  const [inList, inListParams] = scopeFilter(scope, 'r');
  const rows = await runner.rows(
    `SELECT r.data, r.start, r.title, c.record_id, r.created_at
       FROM (SELECT DISTINCT record_id FROM changes WHERE kind = ?${changed} AND seq > ?) c
       LEFT JOIN records r ON r.kind = ? AND r.id = c.record_id AND NOT r.hidden${inList}`,
    [kind, ...changedParams, since, kind, ...inListParams],
  );
  const inContent = matchingContent(kind, scope);
  const stays = (row: unknown[]) => row[0] !== null && inContent(row);
  const removes = rows.filter((row) => !stays(row)).map(([, , , id]) => id as string).sort();
  const puts = sortedByModel(kind, rows.filter(stays)).map((row) => row.data);
  return { puts, removes };
}
