import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { StorageErrorCode } from '../../model/messages.js';
import type { RecordKind } from '../../model/records.js';
import type { PendingWrite } from '../../storage/http.js';
import { LazyStore } from '../../storage/lazy.js';
import type { OffStore } from '../../storage/store.js';

/** A contribution a store refused for good after this device had queued it (in the form's queue or a server store's outbox). */
export interface RefusedContribution {
  title: string;
  failure: StorageErrorCode;
  input: Record<string, unknown>;
  /** Drops it from the store's outbox, once it is back in the form. */
  discard: () => Promise<void>;
}

interface OutboxSources {
  store: () => OffStore;
  kind: () => RecordKind;
  event: () => string;
}

interface OutboxRead {
  store: OffStore;
  kind: RecordKind;
  event: string;
}

type WithOutbox = OffStore & { pendingWrites(): Promise<PendingWrite[]>; discardPending(key: string): Promise<void> };

const hasOutbox = (store: OffStore | undefined): store is WithOutbox => store !== undefined && 'pendingWrites' in store;

/** The store's outbox (a server store's, through a `LazyStore`), if it has one. */
export async function outboxOf(store: OffStore): Promise<WithOutbox | undefined> {
  const adapter = store instanceof LazyStore ? await store.adapter().catch(() => undefined) : store;
  return hasOutbox(adapter) ? adapter : undefined;
}

/**
 * The creates of this form's kind and event that a server's store queued (the form said so)
 * and the server then refused for good. They stay in the store's outbox, so nothing typed is
 * lost; this shows them beside the form's own refusals, so that none goes unnoticed.
 */
export class OutboxRefusalsController implements ReactiveController {
  items: RefusedContribution[] = [];
  /** What was last read, so that an update reads again only when the store, kind or event changed. */
  private read?: OutboxRead;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly sources: OutboxSources,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    void this.refresh();
  }

  hostUpdate(): void {
    const { store, kind, event } = this.sources;
    const read = this.read;
    if (!read || read.store !== store() || read.kind !== kind() || read.event !== event()) void this.refresh();
  }

  /** Reads the outbox again: on connection, when the store, kind or event changes, and when the store's status (its queue) does. */
  async refresh(): Promise<void> {
    const read: OutboxRead = { store: this.sources.store(), kind: this.sources.kind(), event: this.sources.event() };
    this.read = read;
    const { store, kind, event } = read;
    const adapter = await outboxOf(store);
    const writes = (await adapter?.pendingWrites().catch(() => [])) ?? [];
    // A later read (another store, kind or event) has begun: this one is out of date.
    if (this.read !== read) return;
    const items = writes.flatMap(({ op, kind: writeKind, failure, record, key }) =>
      op === 'create' && failure && writeKind === kind && record?.event === event
        ? [{ title: record.title, failure, input: { ...record }, discard: () => this.discard(adapter!, key) }]
        : [],
    );
    if (!items.length && !this.items.length) return;
    this.items = items;
    this.host.requestUpdate();
  }

  // Dropping a refused write leaves the store's queue count, hence its status, unchanged: read again here.
  private async discard(store: WithOutbox, key: string): Promise<void> {
    await store.discardPending(key);
    await this.refresh();
  }
}
