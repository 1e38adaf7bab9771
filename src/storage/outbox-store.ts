import type { OffRecord, RecordKind, RecordOf } from '../model/records.js';
import type { ChangeFeed } from './change-feed.js';
import { NotFoundError } from './errors.js';
import type { Outbox } from './outbox.js';
import { isCreate, isPut, matches, targetId, toPendingWrite, type PendingEntry } from './pending-entry.js';
import type { ChangeListener, ListQuery, OffStore, PendingQuery, PendingWrite, PutOptions, StoreStatus } from './store.js';

/** What every store with an outbox does alike: reads that see pending writes, and the pending writes themselves. */
export abstract class OutboxStore implements OffStore {
  protected abstract readonly outbox: Outbox;
  protected abstract readonly feed: ChangeFeed;

  abstract get status(): StoreStatus;
  abstract ready(): Promise<StoreStatus>;
  abstract list<K extends RecordKind>(kind: K, query?: ListQuery): Promise<RecordOf[K][]>;
  abstract remove(kind: RecordKind, id: string): Promise<void>;
  abstract close(): void;
  /** Writes inputs now, or keeps them as pending. */
  protected abstract write<K extends RecordKind>(kind: K, inputs: unknown[], options: PutOptions): Promise<RecordOf[K][]>;
  /** The record as the store holds it, pending writes aside. */
  protected abstract stored<K extends RecordKind>(kind: K, id: string): Promise<RecordOf[K]>;
  /** Tells listeners the pending writes changed. */
  protected abstract pendingChanged(): Promise<void> | void;

  async get<K extends RecordKind>(kind: K, id: string): Promise<RecordOf[K]> {
    const latest = (await this.waiting(kind)).filter((entry) => targetId(entry) === id).at(-1);
    if (latest && isPut(latest)) return latest.record as RecordOf[K];
    if (latest) throw new NotFoundError(id);
    return this.stored(kind, id);
  }

  async put<K extends RecordKind>(kind: K, input: unknown, options: PutOptions = {}): Promise<RecordOf[K]> {
    const [record] = await this.write(kind, [input], options);
    return record;
  }

  putMany<K extends RecordKind>(kind: K, inputs: unknown[]): Promise<RecordOf[K][]> {
    return this.write(kind, inputs, {});
  }

  async pending(query: PendingQuery = {}): Promise<PendingWrite[]> {
    return (await this.outbox.entries()).map(toPendingWrite).filter(matches(query));
  }

  async discardPending(key: string): Promise<void> {
    const entry = (await this.outbox.entries()).find((each) => each.key === key);
    if (!entry) return;
    await this.outbox.delete(key);
    // Its provisional effect was shown (a refused one's was undone already): undo it.
    if (!entry.failure) await this.showStoredVersion(entry);
    await this.pendingChanged();
  }

  subscribe(listener: ChangeListener): () => void {
    return this.feed.subscribe(listener);
  }

  /** Pending writes of `kind` still to be made (not those refused for good). */
  protected async waiting(kind: RecordKind): Promise<PendingEntry[]> {
    try {
      return (await this.outbox.entries()).filter((entry) => entry.kind === kind && !entry.failure);
    } catch (error) {
      console.warn('off-layer: pending writes could not be read.', error);
      return [];
    }
  }

  /** Replaces what was shown of a pending write's record by what the store holds (or its absence). */
  protected async showStoredVersion(entry: PendingEntry): Promise<void> {
    const { kind } = entry;
    const id = targetId(entry);
    if (isCreate(entry)) return this.feed.emit({ type: 'remove', kind, id });
    try {
      this.feed.emit({ type: 'put', kind, records: [(await this.stored(kind, id)) as OffRecord] });
    } catch (error) {
      if (error instanceof NotFoundError) this.feed.emit({ type: 'remove', kind, id });
      else console.warn(`off-layer: could not show the stored version of ${kind} ${id} again.`, error);
    }
  }
}
