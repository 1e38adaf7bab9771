import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EventRecordKind, Seed, SideEvent } from '../../model/records.js';
import type { OffStore, PendingWrite } from '../../storage/store.js';

interface PendingSources {
  store: () => OffStore;
  kind: () => EventRecordKind;
  event: () => string;
}

interface PendingRead {
  store: OffStore;
  kind: EventRecordKind;
  event: string;
}

/** A pending write that creates a record: what a contribution waiting, or refused, is. */
export type PendingContribution = PendingWrite & { kind: EventRecordKind; record: SideEvent | Seed };

/**
 * The contributions of this form's kind and host event that their store keeps as pending writes: waiting to be sent,
 * or refused for good and kept until the person has them back. Read with `pending()` on connection, when the store,
 * kind or event changes, and on each `pending` change (`refresh`).
 */
export class PendingContributionsController implements ReactiveController {
  waiting: PendingContribution[] = [];
  refused: PendingContribution[] = [];
  /** What was last read, so that an update reads again only when the store, kind or event changed. */
  private read?: PendingRead;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly sources: PendingSources,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    void this.refresh();
  }

  hostUpdate(): void {
    const read = this.read;
    const { store, kind, event } = this.sources;
    if (!read || read.store !== store() || read.kind !== kind() || read.event !== event()) void this.refresh();
  }

  /** True when the write of provisional id `id` was waiting when last read. */
  lists(id: string): boolean {
    return this.waiting.some((write) => write.id === id);
  }

  async refresh(): Promise<void> {
    const read: PendingRead = { store: this.sources.store(), kind: this.sources.kind(), event: this.sources.event() };
    this.read = read;
    const { store, kind, event } = read;
    // `event: ''` is a seed of no host event, not "every event": matched here, whatever a store makes of it.
    const writes = await store.pending({ kind, event: event || undefined }).catch((): PendingWrite[] => []);
    // A later read (another store, kind or event, or a newer change) has begun: this one is out of date.
    if (this.read !== read) return;
    const contributions = writes.filter(
      (write): write is PendingContribution => write.op === 'create' && write.kind === kind && write.record !== undefined && 'event' in write.record && (write.record.event ?? '') === event,
    );
    this.waiting = contributions.filter((write) => !write.failure);
    this.refused = contributions.filter((write) => write.failure);
    this.host.requestUpdate();
  }
}

/**
 * True when `id` is the provisional id of a write `store` keeps pending: a `put` it could not make now, waiting still
 * or already refused. A store that cannot tell made it: its `put` resolved.
 */
export async function isPending(store: OffStore, kind: EventRecordKind, event: string, id: string): Promise<boolean> {
  const writes = await store.pending({ kind, event: event || undefined }).catch((): PendingWrite[] => []);
  return writes.some((write) => write.id === id);
}
