import type { RecordKind, RecordOf } from '../model/records.js';
import { ChangeFeed } from './change-feed.js';
import { isTransient, UnavailableError } from './errors.js';
import { LoadOnce } from './load-once.js';
import { mayHavePending, type PendingHome } from './pending-marker.js';
import type { PendingWrites } from './pending-writes.js';
import type { ChangeListener, ListQuery, OffStore, PendingQuery, PendingWrite, PutOptions, StoreStatus } from './store.js';

/** A store without pending writes of its own: a local backend, or one an application registers. */
export type BasicStore = Omit<OffStore, 'pending' | 'discardPending'>;

/**
 * Gives a store the outbox every store has (see `PendingWrites`). The outbox is loaded only once
 * a write cannot be made now, or when writes were left pending by an earlier visit: until then,
 * everything goes straight to the store. Where writes may be pending but the outbox's code cannot
 * load (offline, not cached yet), reads go straight to the store, and writes, which must queue
 * behind those pending, are unavailable: the next one tries again.
 */
export class QueueingStore<S extends BasicStore = BasicStore> implements OffStore {
  private readonly feed: ChangeFeed;
  private readonly outbox = new LoadOnce(() =>
    import('./pending-writes.js').then(
      // Writes an earlier visit left pending are sent at once; a write kept now is sent with backoff.
      ({ PendingWrites }) => new PendingWrites(this.inner, this.feed, this.home, mayHavePending(this.home)),
      (error: unknown) => {
        throw new UnavailableError(error);
      },
    ),
  );

  constructor(
    readonly inner: S,
    private readonly home: PendingHome,
    /** Other tabs hear the inner store's changes from it; this channel carries the provisional ones. */
    channelName?: string,
  ) {
    this.feed = new ChangeFeed(channelName);
    inner.subscribe((change) => this.feed.emit(change, { localOnly: true }));
    void this.withOutbox()?.catch(() => undefined);
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
    const outbox = this.withOutbox();
    const target: BasicStore = outbox ? await outbox : this.inner;
    try {
      await target.remove(kind, id);
    } catch (error) {
      if (outbox || !isTransient(error)) throw error;
      await (await this.outbox.load()).keepRemoval(kind, id, error);
    }
  }

  async pending(query?: PendingQuery): Promise<PendingWrite[]> {
    return (await this.withOutbox()?.catch(() => undefined))?.pending(query) ?? [];
  }

  async discardPending(key: string): Promise<void> {
    await (await this.withOutbox())?.discardPending(key);
  }

  subscribe(listener: ChangeListener): () => void {
    return this.feed.subscribe(listener);
  }

  close(): void {
    void this.outbox.begun?.then(
      (outbox) => outbox.close(),
      () => {},
    );
    this.feed.close();
    this.inner.close();
  }

  private async write<K extends RecordKind>(kind: K, inputs: unknown[], options: PutOptions): Promise<RecordOf[K][]> {
    const outbox = this.withOutbox();
    const target: BasicStore = outbox ? await outbox : this.inner;
    try {
      return inputs.length === 1 ? [await target.put(kind, inputs[0], options)] : await target.putMany(kind, inputs);
    } catch (error) {
      if (outbox || !isTransient(error)) throw error;
      return (await this.outbox.load()).keepInputs(kind, inputs, options, [], error);
    }
  }

  /** The outbox, if it is loaded or writes may be pending (then loaded now): writes and reads go through it. */
  private withOutbox(): Promise<PendingWrites<S>> | undefined {
    return this.outbox.begun ?? (mayHavePending(this.home) ? this.outbox.load() : undefined);
  }

  /** The store as reads see it: through its pending writes where they are, straight while they cannot load. */
  private async loaded(): Promise<OffStore | S> {
    return (await this.withOutbox()?.catch(() => undefined)) ?? this.inner;
  }
}
