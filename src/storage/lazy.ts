import type { RecordKind, RecordOf } from '../model/records.js';
import { ChangeFeed } from './change-feed.js';
import { UnavailableError } from './errors.js';
import { LoadOnce } from './load-once.js';
import type { ChangeListener, ListQuery, OffStore, PendingQuery, PendingWrite, PutOptions, StoreStatus } from './store.js';

/**
 * A store whose adapter module is loaded on first use, so a page downloads only
 * the adapter its `store` attribute names. Listeners may subscribe before the
 * adapter is loaded: they hear every change it announces once it is.
 */
export class LazyStore implements OffStore {
  private readonly feed = new ChangeFeed();
  private loaded?: OffStore;
  private readonly loading = new LoadOnce(() =>
    this.load().then(
      (store) => {
        store.subscribe((change) => this.feed.emit(change));
        if (this.closed) store.close();
        this.loaded = store;
        return store;
      },
      (error: unknown) => {
        throw new UnavailableError(error);
      },
    ),
  );
  private closed = false;

  constructor(
    private readonly load: () => Promise<OffStore>,
    /** What `status` says until the adapter is loaded. */
    private readonly initialStatus: StoreStatus,
  ) {}

  get status(): StoreStatus {
    return this.loaded?.status ?? this.initialStatus;
  }

  /** The real adapter, loaded on the first call; a module that failed to load (offline) is tried again on the next. */
  adapter(): Promise<OffStore> {
    return this.loading.load();
  }

  async ready(): Promise<StoreStatus> {
    const store = await this.adapter().catch(() => undefined);
    return store ? store.ready() : this.status;
  }

  async list<K extends RecordKind>(kind: K, query?: ListQuery): Promise<RecordOf[K][]> {
    return (await this.adapter()).list(kind, query);
  }

  async get<K extends RecordKind>(kind: K, id: string): Promise<RecordOf[K]> {
    return (await this.adapter()).get(kind, id);
  }

  async put<K extends RecordKind>(kind: K, input: unknown, options?: PutOptions): Promise<RecordOf[K]> {
    return (await this.adapter()).put(kind, input, options);
  }

  async putMany<K extends RecordKind>(kind: K, inputs: unknown[]): Promise<RecordOf[K][]> {
    return (await this.adapter()).putMany(kind, inputs);
  }

  async remove(kind: RecordKind, id: string): Promise<void> {
    return (await this.adapter()).remove(kind, id);
  }

  async pending(query?: PendingQuery): Promise<PendingWrite[]> {
    return (await this.adapter()).pending(query);
  }

  async discardPending(key: string): Promise<void> {
    return (await this.adapter()).discardPending(key);
  }

  prepareWrites(): void {
    this.adapter().then((store) => store.prepareWrites?.(), () => {});
  }

  subscribe(listener: ChangeListener): () => void {
    // Changes come from the adapter (other tabs, a server's live stream): listening means loading it.
    // A module that fails to load shows as an error on the next read, not here.
    this.adapter().catch(() => {});
    return this.feed.subscribe(listener);
  }

  close(): void {
    this.closed = true;
    this.loaded?.close();
  }
}
