import { del, getMany, setMany } from 'idb-keyval';
import type { OffRecord, RecordKind } from '../model/records.js';
import { keyUnder, localTable, readUnder } from './http-local.js';
import { loadChecks } from './http-api.js';
import { isEventQuery, matchesQuery } from './list-query.js';
import type { ListQuery } from './store.js';

const listsTable = localTable('off-layer-cache', 'lists');

/** Bumped when what is kept changes shape: a list kept in another format is dropped and fetched again. */
const FORMAT = 2;

/**
 * The code that checked a list's records before keeping it. Built, it is a file name hashed from its content and
 * what it imports, the rules included: a list kept by this version is shown as it is, one kept by another version
 * is checked again (checking 1,500 side events again took 30 to 40 ms of a returning visitor's 350 in Chromium).
 */
export const CHECKED_BY = import.meta.url;

/** A list as the server last gave it, with the cursor to ask what changed since. */
export interface SyncedList {
  cursor: string;
  records: OffRecord[];
}

interface Kept extends SyncedList {
  format: typeof FORMAT;
  checkedBy?: string;
}

function isKept(value: unknown): value is Kept {
  const kept = value as Partial<Kept> | undefined;
  return kept?.format === FORMAT && typeof kept.cursor === 'string' && Array.isArray(kept.records);
}

/**
 * The last list the server returned for each kind and host event, with its cursor: a returning
 * visitor's board shows it at once and asks only for what changed; offline, it is all there is.
 */
export class ListCache {
  constructor(private readonly base: string) {}

  /** Stores in the background: a list that could not be kept is no reason to fail the read. Its records were checked. */
  save(kind: RecordKind, event: string | undefined, { cursor, records }: SyncedList): void {
    const kept: Kept = { format: FORMAT, cursor, records, checkedBy: CHECKED_BY };
    void listsTable()
      .then((db) => setMany([[this.key(kind, event), kept]], db))
      .catch((error: unknown) => console.warn('off-layer: a list could not be kept for offline reading.', error));
  }

  /**
   * The list kept, or nothing: one that is corrupt or of an older format is dropped, to be fetched again; one kept by
   * another version of this code is checked again.
   */
  async load(kind: RecordKind, event: string | undefined): Promise<SyncedList | undefined> {
    const key = this.key(kind, event);
    // A list kept by another version waits for the checks: they load while it is read (what changed since needs them too).
    const checks = loadChecks();
    try {
      const db = await listsTable();
      const [kept] = await getMany<unknown>([key], db);
      if (kept === undefined) return undefined;
      if (isKept(kept) && kept.checkedBy === CHECKED_BY) return { cursor: kept.cursor, records: kept.records };
      const records = isKept(kept) ? (await checks).readableRecords(kind, kept.records, 'the list kept on this device') : [];
      if (isKept(kept) && records.length === kept.records.length) return { cursor: kept.cursor, records };
      console.warn(`off-layer: the ${kind} list kept on this device was unreadable; it is fetched again.`);
      await del(key, db);
      return undefined;
    } catch (error) {
      console.warn('off-layer: the list kept for offline reading could not be read.', error);
      return undefined;
    }
  }

  /**
   * What can be shown of a list offline: the list of its event as kept, or for a narrower list (a place, an organizer,
   * upcoming…) the records kept that belong to it; undefined when nothing was kept.
   */
  async offline(kind: RecordKind, query: ListQuery): Promise<OffRecord[] | undefined> {
    if (isEventQuery(query)) return (await this.load(kind, query.event))?.records;
    const matching = [...(await this.byId(kind)).values()].filter(matchesQuery(kind, query));
    return matching.length ? matching : undefined;
  }

  /** The records of `kind` in every list kept, by id. */
  async byId(kind: RecordKind): Promise<Map<string, OffRecord>> {
    try {
      const lists = await readUnder<unknown>(await listsTable(), keyUnder(this.base, kind, ''));
      return new Map(lists.filter(isKept).flatMap((list) => list.records.map((record) => [record.id, record] as const)));
    } catch (error) {
      console.warn('off-layer: the lists kept for offline reading could not be read.', error);
      return new Map();
    }
  }

  private key(kind: RecordKind, event: string | undefined): string {
    // '' never names an event (event slugs are non-empty), so it can stand for "all events".
    return keyUnder(this.base, kind, event ?? '');
  }
}
