import type { ReactiveController } from 'lit';
import type { OffRecord, RecordKind, RecordOf } from '../../model/records.js';
import type { StorageError } from '../../storage/errors.js';
import type { StoreChange } from '../../storage/store.js';
import { StoreController, type StoreHost } from './store-controller.js';

export type ListState = 'loading' | 'ready' | 'error';

/** A change to records, as opposed to the store's status. */
export type RecordChange = Extract<StoreChange, { type: 'put' | 'remove' }>;

/**
 * Loads the records of one kind for one host event from the element's store and
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

  constructor(
    private readonly host: StoreHost,
    private readonly kind: K,
    private readonly event: () => string | undefined,
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

  /** Whether `record` belongs to the host event followed. */
  protected matches(record: OffRecord): boolean {
    const event = this.event();
    return event === undefined || ('event' in record && record.event === event);
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
      const records = await this.storeController.store.list(this.kind, { event: this.event() });
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
