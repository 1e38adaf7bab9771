import type { ReactiveController } from 'lit';
import type { OffRecord, RecordKind, RecordOf } from '../../model/records.js';
import type { StorageError } from '../../storage/errors.js';
import { matchesQuery } from '../../storage/list-query.js';
import type { ListQuery, StoreChange } from '../../storage/store.js';
import { StoreController, storeKey, type StoreHost } from './store-controller.js';

export type ListState = 'loading' | 'ready' | 'error';

/** A change to records, as opposed to the store's status. */
export type RecordChange = Extract<StoreChange, { type: 'put' | 'remove' }>;

/**
 * Loads the records of one kind that a query names (a host event's, a place's…) from the element's store and
 * follows its change feed (this page and other tabs); subclasses keep what they need.
 */
export abstract class LiveQueryController<K extends RecordKind> implements ReactiveController {
  state: ListState = 'loading';
  error?: StorageError;
  /** Increases on every load and every change applied, for cheap memoisation in elements. */
  revision = 0;

  protected readonly storeController: StoreController;
  private loadedFor?: string;
  private loadToken = 0;
  private matcher?: { query: ListQuery; matches: (record: OffRecord) => boolean };

  /** `query` is read at each update: a query of other values (a new object is fine) loads the list again. */
  constructor(
    private readonly host: StoreHost,
    private readonly kind: K,
    private readonly query: () => ListQuery,
  ) {
    this.storeController = new StoreController(host, (change) => {
      if (change.type === 'put' || change.type === 'remove') {
        if (change.kind === kind && this.apply(change)) this.changed();
      } else if (change.type === 'status' && change.status.online && this.state === 'error') {
        // What could not be read while the store was unreachable (bad venue Wi-Fi) is read again once it is back.
        this.reload();
      }
    });
    host.addController(this);
  }

  /** Takes the records a load found, in the store's order. */
  protected abstract loaded(records: RecordOf[K][]): void;

  /** Applies a change to records of this kind; true when the host should render it now. */
  protected abstract apply(change: RecordChange): boolean;

  /** Whether `record` belongs to the list followed. */
  protected matches(record: OffRecord): boolean {
    const query = this.query();
    if (this.matcher?.query !== query) this.matcher = { query, matches: matchesQuery(this.kind, query) };
    return this.matcher.matches(record);
  }

  hostConnected(): void {
    this.reload();
  }

  hostUpdate(): void {
    this.reloadIfNeeded();
  }

  reload(): void {
    this.loadedFor = undefined;
    this.reloadIfNeeded();
  }

  private reloadIfNeeded(): void {
    const key = `${storeKey(this.host)}\n${JSON.stringify(this.query())}`;
    if (key === this.loadedFor) return;
    this.loadedFor = key;
    void this.load();
  }

  private async load(): Promise<void> {
    const token = ++this.loadToken;
    this.state = 'loading';
    this.host.requestUpdate();
    try {
      const records = await this.storeController.store.list(this.kind, this.query());
      if (token !== this.loadToken) return;
      this.loaded(records);
      this.state = 'ready';
      this.error = undefined;
    } catch (error) {
      if (token !== this.loadToken) return;
      this.state = 'error';
      this.error = error as StorageError;
    }
    this.changed();
  }

  protected changed(): void {
    this.revision += 1;
    this.host.requestUpdate();
  }
}
