import { createStore, del, getMany, promisifyRequest, setMany, type UseStore } from 'idb-keyval';
import type { OffRecord, RecordKind } from '../model/records.js';
import { recordKey, type RecordBackend } from './backend.js';
import { ChangeFeed } from './change-feed.js';
import { QuotaError, UnavailableError } from './errors.js';
import { LocalStore } from './local-store.js';
import { RecordStore } from './record-store.js';
import { PERSISTENT_ONLINE } from './statuses.js';
import type { StatusReason } from './store.js';

const OBJECT_STORE = 'records';

function storageFailure(error: unknown): Error {
  const name = (error as DOMException | undefined)?.name;
  return name === 'QuotaExceededError' ? new QuotaError(error) : new UnavailableError(error);
}

/** Runs an IndexedDB operation, turning its failures into `QuotaError` or `UnavailableError`. */
export async function guarded<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw storageFailure(error);
  }
}

/** Records in their own IndexedDB database through idb-keyval, one key per record ("kind/id"). */
export class IdbBackend implements RecordBackend {
  constructor(private readonly db: UseStore) {}

  readAll(kind: RecordKind): Promise<OffRecord[]> {
    const range = IDBKeyRange.bound(recordKey(kind, ''), recordKey(kind, '\uffff'));
    return guarded(() => this.db('readonly', (store) => promisifyRequest(store.getAll(range) as IDBRequest<OffRecord[]>)));
  }

  readMany(kind: RecordKind, ids: string[]): Promise<(OffRecord | undefined)[]> {
    return guarded(() => getMany<OffRecord>(ids.map((id) => recordKey(kind, id)), this.db));
  }

  writeMany(kind: RecordKind, records: OffRecord[]): Promise<void> {
    return guarded(() => setMany(records.map((record) => [recordKey(kind, record.id), record]), this.db));
  }

  async delete(kind: RecordKind, id: string): Promise<boolean> {
    const [existing] = await this.readMany(kind, [id]);
    if (!existing) return false;
    await guarded(() => del(recordKey(kind, id), this.db));
    return true;
  }
}

export interface IdbStoreOptions {
  /** Database name; keep the default unless two libraries on one origin must be kept apart. */
  database?: string;
  /** How long to wait for IndexedDB to open before falling back to memory (Safari can hang). */
  openTimeoutMs?: number;
}

class OpenTimeout extends Error {}

async function openIdb(database: string, openTimeoutMs: number): Promise<UseStore> {
  const db = createStore(database, OBJECT_STORE);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new OpenTimeout()), openTimeoutMs);
  });
  try {
    await Promise.race([db('readonly', (store) => promisifyRequest(store.count())), timeout]);
    return db;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The embedded default: records kept on this device in IndexedDB, shared by
 * the tabs of this site. Falls back to memory, and says so in `status`, when
 * IndexedDB is missing, fails or hangs (private browsing).
 */
export function createIdbStore({ database = 'off-layer', openTimeoutMs = 4000 }: IdbStoreOptions = {}): LocalStore {
  const feed = new ChangeFeed(`off-layer:${database}`);
  let status = PERSISTENT_ONLINE;

  const fallBack = async (reason: StatusReason): Promise<RecordBackend> => {
    status = { persistent: false, online: true, reason };
    feed.close();
    feed.emit({ type: 'status', status }, { localOnly: true });
    // Loaded only here: most pages have IndexedDB.
    return new (await import('./memory.js')).MemoryBackend();
  };

  const opening: Promise<RecordBackend> =
    typeof indexedDB === 'undefined'
      ? fallBack('no-indexeddb')
      : openIdb(database, openTimeoutMs).then(
          (db) => new IdbBackend(db),
          (error) => fallBack(error instanceof OpenTimeout ? 'open-timeout' : 'open-failed'),
        );

  const home = { name: `idb:${database}`, keptIn: 'device' } as const;
  return new LocalStore(new RecordStore(() => opening, feed, () => status), home, `off-layer-pending:${database}`);
}
