import type { OffRecord, RecordKind, RecordOf } from '../model/records.js';
import { sortRecords } from '../model/sort.js';
import { stampRecord } from '../model/stamp.js';
import type { RecordBackend } from './backend.js';
import type { ChangeFeed } from './change-feed.js';
import { NotFoundError } from './errors.js';
import type { ChangeListener, ListQuery, OffStore, StoreStatus } from './store.js';

/** The validation rules (valibot), loaded with the first write: a page that only reads never downloads them. */
export const recordChecks = () => import('./record-checks.js');

/** A store on top of a local backend (memory or IndexedDB), with one change feed. */
export class RecordStore implements OffStore {
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
    const matching = query.event === undefined ? records : records.filter((record) => record.event === query.event);
    return sortRecords(kind, matching);
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

  async putMany<K extends RecordKind>(kind: K, inputs: unknown[]): Promise<RecordOf[K][]> {
    const valid = (await recordChecks()).validateAll(kind, inputs);
    const backend = await this.backend();
    const updates = valid.filter((input) => input.id !== undefined);
    const existing = new Map<string, OffRecord>();
    if (updates.length) {
      const found = await backend.readMany(kind, updates.map((input) => input.id as string));
      updates.forEach((input, index) => {
        const record = found[index];
        if (!record) throw new NotFoundError(input.id as string);
        existing.set(record.id, record);
      });
    }
    const records = valid.map((input) =>
      stampRecord(input, input.id === undefined ? undefined : (existing.get(input.id) as RecordOf[K])),
    );
    if (records.length === 0) return records;
    await backend.writeMany(kind, records);
    this.feed.emit({ type: 'put', kind, records });
    return records;
  }

  /**
   * Writes whole records as exported elsewhere, keeping their ids and stamps
   * (an import). Every record is checked first; one already here is replaced only by a newer one.
   */
  async restore<K extends RecordKind>(kind: K, candidates: unknown[]): Promise<RecordOf[K][]> {
    const records = (await recordChecks()).checkAll(kind, candidates);
    const backend = await this.backend();
    const existing = await backend.readMany(kind, records.map((record) => record.id));
    const newer = records.filter((record, index) => !existing[index] || existing[index].updatedAt < record.updatedAt);
    if (newer.length === 0) return newer;
    await backend.writeMany(kind, newer);
    this.feed.emit({ type: 'put', kind, records: newer });
    return newer;
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
