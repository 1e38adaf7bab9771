import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import { guarded } from './idb.js';

// The HTTP store's tables use only the idb-keyval functions the idb store uses (getMany, setMany, del): idb-keyval
// sits in a chunk shared with every page, so another one (get, set, delMany) would be downloaded by pages that never name a server.

/** The database of every store's outbox (its `localStorage` stand-in is a key under the same name). */
export const OUTBOX_DATABASE = 'off-layer-outbox';

/**
 * An idb-keyval table in a database of its own (never idb-keyval's default store),
 * opened on first use so that a page without IndexedDB fails only the calls that need it.
 */
export function localTable(database: string, table: string): () => Promise<UseStore> {
  let db: UseStore | undefined;
  return () => guarded(async () => (db ??= createStore(database, table)));
}

/** Keys of one server live under its base URL, so two servers on one page never mix. */
export function keyUnder(base: string, ...parts: string[]): string {
  return [base, ...parts].join('\n');
}

function under(prefix: string): IDBKeyRange {
  return IDBKeyRange.bound(prefix, `${prefix}\uffff`);
}

/** Values whose key starts with `prefix`, in key order. */
export function readUnder<T>(db: UseStore, prefix: string): Promise<T[]> {
  return guarded(() => db('readonly', (store) => promisifyRequest(store.getAll(under(prefix)) as IDBRequest<T[]>)));
}
