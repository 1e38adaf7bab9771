import { get, set } from 'idb-keyval';
import type { OffRecord, RecordKind } from '../model/records.js';
import { keyUnder, localTable, readUnder } from './http-local.js';

const listsTable = localTable('off-layer-cache', 'lists');

/** The last list the server returned for each kind and host event, to show when it cannot be reached. */
export class ListCache {
  constructor(private readonly base: string) {}

  /** Stores in the background: a list that could not be cached is no reason to fail the read. */
  save(kind: RecordKind, event: string | undefined, records: OffRecord[]): void {
    void listsTable()
      .then((db) => set(this.key(kind, event), records, db))
      .catch(() => undefined);
  }

  async load(kind: RecordKind, event: string | undefined): Promise<OffRecord[] | undefined> {
    try {
      return await get<OffRecord[]>(this.key(kind, event), await listsTable());
    } catch {
      return undefined;
    }
  }

  /** A record of `kind` from any cached list. */
  async find(kind: RecordKind, id: string): Promise<OffRecord | undefined> {
    try {
      const lists = await readUnder<OffRecord[]>(await listsTable(), keyUnder(this.base, kind, ''));
      return lists.flat().find((record) => record.id === id);
    } catch {
      return undefined;
    }
  }

  private key(kind: RecordKind, event: string | undefined): string {
    // '' never names an event (event slugs are non-empty), so it can stand for "all events".
    return keyUnder(this.base, kind, event ?? '');
  }
}
