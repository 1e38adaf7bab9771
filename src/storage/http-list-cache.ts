import { getMany, setMany } from 'idb-keyval';
import type { OffRecord, RecordKind } from '../model/records.js';
import { keyUnder, localTable, readUnder } from './http-local.js';

const listsTable = localTable('off-layer-cache', 'lists');

/** The last list the server returned for each kind and host event, to show when it cannot be reached. */
export class ListCache {
  constructor(private readonly base: string) {}

  /** Stores in the background: a list that could not be cached is no reason to fail the read. */
  save(kind: RecordKind, event: string | undefined, records: OffRecord[]): void {
    void listsTable()
      .then((db) => setMany([[this.key(kind, event), records]], db))
      .catch((error: unknown) => console.warn('off-layer: a list could not be kept for offline reading.', error));
  }

  async load(kind: RecordKind, event: string | undefined): Promise<OffRecord[] | undefined> {
    try {
      return (await getMany<OffRecord[]>([this.key(kind, event)], await listsTable()))[0];
    } catch (error) {
      console.warn('off-layer: the list kept for offline reading could not be read.', error);
      return undefined;
    }
  }

  /** The records of `kind` in every cached list, by id. */
  async byId(kind: RecordKind): Promise<Map<string, OffRecord>> {
    try {
      const lists = await readUnder<OffRecord[]>(await listsTable(), keyUnder(this.base, kind, ''));
      return new Map(lists.flat().map((record) => [record.id, record]));
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
