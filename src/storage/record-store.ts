import type { RecordKind, RecordOf } from '../model/records.js';
import { sortRecords } from '../model/sort.js';
import type { RecordBackend } from './backend.js';
import type { ChangeFeed } from './change-feed.js';
import { matchesQuery } from './list-query.js';
import { NotFoundError } from './errors.js';
import type { BasicStore } from './queueing-store.js';
import type { ChangeListener, ListQuery, StoreStatus } from './store.js';

/** The validation rules (valibot), loaded with the first write: a page that only reads never downloads them. */
export const recordChecks = () => import('./record-checks.js');

/** Validation and stamping of local writes, loaded with the first one for the same reason. */
const localWrites = () => import('./local-writes.js');
type LocalWrites = typeof import('./local-writes.js');

/** A store on top of a local backend (memory or IndexedDB), with one change feed. */
export class RecordStore implements BasicStore {
  constructor(
    private readonly backend: () => Promise<RecordBackend>,
    protected readonly feed: ChangeFeed,
    private readonly currentStatus: () => StoreStatus,
  ) {}

  get status(): StoreStatus {
    return this.currentStatus();
  }

  async ready(): Promise<StoreStatus> {
    await this.backend();
    return this.status;
  }

  async list<K extends RecordKind>(kind: K, query: ListQuery = {}): Promise<RecordOf[K][]> {
    const records = (await (await this.backend()).readAll(kind)) as RecordOf[K][];
    return sortRecords(kind, records.filter(matchesQuery(kind, query)));
  }

  async get<K extends RecordKind>(kind: K, id: string): Promise<RecordOf[K]> {
    const [record] = await (await this.backend()).readMany(kind, [id]);
    if (!record) throw new NotFoundError(id);
    return record as RecordOf[K];
  }

  async put<K extends RecordKind>(kind: K, input: unknown): Promise<RecordOf[K]> {
    const [record] = await this.putMany(kind, [input]);
    return record;
  }

  putMany<K extends RecordKind>(kind: K, inputs: unknown[]): Promise<RecordOf[K][]> {
    return this.write(kind, (writes) => writes.recordsToPut(kind, inputs, this.backend));
  }

  /** Writes whole records as exported elsewhere, keeping their ids and stamps (an import); see `recordsToRestore`. */
  restore<K extends RecordKind>(kind: K, candidates: unknown[]): Promise<RecordOf[K][]> {
    return this.write(kind, (writes) => writes.recordsToRestore(kind, candidates, this.backend));
  }

  private async write<K extends RecordKind>(kind: K, prepare: (writes: LocalWrites) => Promise<RecordOf[K][]>): Promise<RecordOf[K][]> {
    const records = await prepare(await localWrites());
    if (records.length === 0) return records;
    await (await this.backend()).writeMany(kind, records);
    this.feed.emit({ type: 'put', kind, records });
    return records;
  }

  async remove(kind: RecordKind, id: string): Promise<void> {
    if (!(await (await this.backend()).delete(kind, id))) throw new NotFoundError(id);
    this.feed.emit({ type: 'remove', kind, id });
  }

  subscribe(listener: ChangeListener): () => void {
    return this.feed.subscribe(listener);
  }

  close(): void {
    this.feed.close();
  }
}
