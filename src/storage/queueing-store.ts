import type { RecordKind, RecordOf } from '../model/records.js';
import { ChangeFeed } from './change-feed.js';
import { isTransient } from './errors.js';
import { mayHavePending, type PendingHome } from './pending-marker.js';
import type { PendingWrites } from './pending-writes.js';
import type { ChangeListener, ListQuery, OffStore, PendingQuery, PendingWrite, PutOptions, StoreStatus } from './store.js';

/** A store without pending writes of its own: a local backend, or one an application registers. */
export type BasicStore = Omit<OffStore, 'pending' | 'discardPending'>;

/**
 * Gives a store the outbox every store has (see `PendingWrites`). The outbox is loaded only once
 * a write cannot be made now, or when writes were left pending by an earlier visit: until then,
 * everything goes straight to the store.
 */
export class QueueingStore<S extends BasicStore = BasicStore> implements OffStore {
  private readonly feed: ChangeFeed;
  private outbox?: Promise<PendingWrites<S>>;

  constructor(
    readonly inner: S,
    private readonly home: PendingHome,
    /** Other tabs hear the inner store's changes from it; this channel carries the provisional ones. */
    channelName?: string,
  ) {
    this.feed = new ChangeFeed(channelName);
    inner.subscribe((change) => this.feed.emit(change, { localOnly: true }));
    if (mayHavePending(home)) void this.pendingWrites(true);
  }

  get status(): StoreStatus {
    return this.inner.status;
  }

  ready(): Promise<StoreStatus> {
    return this.inner.ready();
  }

  async list<K extends RecordKind>(kind: K, query?: ListQuery): Promise<RecordOf[K][]> {
    return (await this.loaded()).list(kind, query);
  }

  async get<K extends RecordKind>(kind: K, id: string): Promise<RecordOf[K]> {
    return (await this.loaded()).get(kind, id);
  }

  async put<K extends RecordKind>(kind: K, input: unknown, options: PutOptions = {}): Promise<RecordOf[K]> {
    const [record] = await this.write(kind, [input], options);
    return record;
  }

  putMany<K extends RecordKind>(kind: K, inputs: unknown[]): Promise<RecordOf[K][]> {
    return this.write(kind, inputs, {});
  }

  async remove(kind: RecordKind, id: string): Promise<void> {
    const target: BasicStore = this.outbox ? await this.outbox : this.inner;
    try {
      await target.remove(kind, id);
    } catch (error) {
      if (this.outbox || !isTransient(error)) throw error;
      await (await this.pendingWrites()).keepRemoval(kind, id, error);
    }
  }

  async pending(query?: PendingQuery): Promise<PendingWrite[]> {
    return this.outbox ? (await this.outbox).pending(query) : [];
  }

  async discardPending(key: string): Promise<void> {
    if (this.outbox) await (await this.outbox).discardPending(key);
  }

  subscribe(listener: ChangeListener): () => void {
    return this.feed.subscribe(listener);
  }

  close(): void {
    void this.outbox?.then((outbox) => outbox.close());
    this.feed.close();
    this.inner.close();
  }

  private async write<K extends RecordKind>(kind: K, inputs: unknown[], options: PutOptions): Promise<RecordOf[K][]> {
    const target: BasicStore = this.outbox ? await this.outbox : this.inner;
    try {
      return inputs.length === 1 ? [await target.put(kind, inputs[0], options)] : await target.putMany(kind, inputs);
    } catch (error) {
      if (this.outbox || !isTransient(error)) throw error;
      return (await this.pendingWrites()).keepInputs(kind, inputs, options, [], error);
    }
  }

  /** The store as reads see it: through its pending writes once the outbox is loaded. */
  private loaded(): Promise<OffStore | S> {
    return this.outbox ?? Promise.resolve(this.inner);
  }

  private pendingWrites(leftPending = false): Promise<PendingWrites<S>> {
    return (this.outbox ??= import('./pending-writes.js').then(({ PendingWrites }) => new PendingWrites(this.inner, this.feed, this.home, leftPending)));
  }
}
