import type { ReactiveController } from 'lit';
import type { OffRecord, RecordKind, RecordOf } from '../../model/records.js';
import { insertSorted, sortRecords } from '../../model/sort.js';
import type { StorageError } from '../../storage/errors.js';
import type { StoreChange } from '../../storage/store.js';
import { StoreController, type StoreHost } from './store-controller.js';

export type ListState = 'loading' | 'ready' | 'error';

/** Beyond this many arrivals at once, sorting everything again beats inserting one by one. */
const INSERT_LIMIT = 64;

function merge<T extends OffRecord>(kind: RecordKind, sorted: T[], incoming: T[]): T[] {
  if (incoming.length > INSERT_LIMIT) return sortRecords(kind, [...sorted, ...incoming]);
  for (const record of incoming) insertSorted(kind, sorted, record);
  return sorted;
}

/**
 * The records of one kind for one host event, loaded from the element's store
 * and kept current from its change feed (this page and other tabs).
 */
export class LiveListController<K extends RecordKind> implements ReactiveController {
  records: RecordOf[K][] = [];
  state: ListState = 'loading';
  error?: StorageError;
  /** Increases on every change to `records`, for cheap memoisation in elements. */
  revision = 0;

  private readonly storeController: StoreController;
  private loadedFor?: string;
  private loadToken = 0;

  constructor(
    private readonly host: StoreHost,
    private readonly kind: K,
    private readonly event: () => string | undefined,
  ) {
    this.storeController = new StoreController(host, (change) => this.apply(change));
    host.addController(this);
  }

  get storeStatus() {
    return this.storeController.status;
  }

  hostConnected(): void {
    this.loadedFor = undefined;
    this.reloadIfNeeded();
  }

  hostUpdate(): void {
    this.reloadIfNeeded();
  }

  reload(): void {
    this.loadedFor = undefined;
    this.reloadIfNeeded();
  }

  private reloadIfNeeded(): void {
    const key = `${this.host.store}\n${this.event() ?? ''}`;
    if (key === this.loadedFor) return;
    this.loadedFor = key;
    void this.load();
  }

  private async load(): Promise<void> {
    const token = ++this.loadToken;
    this.state = 'loading';
    this.host.requestUpdate();
    try {
      const event = this.event();
      const records = await this.storeController.store.list(this.kind, event === undefined ? {} : { event });
      if (token !== this.loadToken) return;
      this.records = records;
      this.state = 'ready';
      this.error = undefined;
    } catch (error) {
      if (token !== this.loadToken) return;
      this.state = 'error';
      this.error = error as StorageError;
    }
    this.revision += 1;
    this.host.requestUpdate();
  }

  private apply(change: StoreChange): void {
    if (change.type === 'status' || change.kind !== this.kind) return;
    const event = this.event();
    if (change.type === 'remove') {
      const next = this.records.filter((record) => record.id !== change.id);
      if (next.length === this.records.length) return;
      this.records = next;
    } else {
      const incoming = (change.records as RecordOf[K][]).filter((record) => event === undefined || record.event === event);
      const changedIds = new Set(change.records.map((record) => record.id));
      // A record moved to another event leaves this list; one that arrived joins it.
      const kept = this.records.filter((record) => !changedIds.has(record.id));
      if (incoming.length === 0 && kept.length === this.records.length) return;
      this.records = merge(this.kind, kept, incoming);
    }
    this.revision += 1;
    this.host.requestUpdate();
  }
}
