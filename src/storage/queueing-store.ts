import type { OffRecord, RecordKind, RecordOf } from '../model/records.js';
import { sortRecords } from '../model/sort.js';
import { stampRecord } from '../model/stamp.js';
import { nowIso } from '../model/time.js';
import { ChangeFeed } from './change-feed.js';
import { isTransient, NotFoundError, StorageError } from './errors.js';
import type { Outbox } from './outbox.js';
import { OutboxSender } from './outbox-sender.js';
import { OutboxStore } from './outbox-store.js';
import { isCreate, isCreateOf, isPut, targetId, withPending, type PendingEntry } from './pending-entry.js';
import { recordChecks } from './record-store.js';
import type { ListQuery, OffStore, PutOptions, SentWrite, StoreStatus } from './store.js';

/** A store without pending writes of its own: a local backend, or one an application registers. */
export type BasicStore = Omit<OffStore, 'pending' | 'discardPending'>;

/**
 * Gives a store the outbox every store has: a write it cannot make now (unavailable,
 * over quota, rate-limited) is validated, stamped and shown at once, kept as pending in
 * the outbox, and made later in order, with backoff; one it refuses for good is kept
 * with its failure until the person discards it.
 */
export class QueueingStore<S extends BasicStore = BasicStore> extends OutboxStore {
  protected readonly feed: ChangeFeed;
  private readonly sender: OutboxSender;

  constructor(
    readonly inner: S,
    protected readonly outbox: Outbox,
    /** Other tabs hear the inner store's changes from it; this channel carries the provisional ones. */
    channelName?: string,
  ) {
    super();
    this.feed = new ChangeFeed(channelName);
    inner.subscribe((change) => this.feed.emit(change, { localOnly: true }));
    this.sender = new OutboxSender(outbox, {
      send: async ([entry]) => [await this.make(entry)],
      delivered: (entries, records) => this.delivered(entries, records),
      refused: (entries, error) => this.refused(entries, error),
    });
    // Writes left pending by an earlier visit.
    void this.sender.flush();
  }

  protected stored<K extends RecordKind>(kind: K, id: string): Promise<RecordOf[K]> {
    return this.inner.get(kind, id);
  }

  get status(): StoreStatus {
    return this.inner.status;
  }

  ready(): Promise<StoreStatus> {
    return this.inner.ready();
  }

  async list<K extends RecordKind>(kind: K, query: ListQuery = {}): Promise<RecordOf[K][]> {
    const records = await this.inner.list(kind, query);
    const waiting = await this.waiting(kind);
    return waiting.length ? (sortRecords(kind, withPending(records, waiting, query.event)) as RecordOf[K][]) : records;
  }

  async remove(kind: RecordKind, id: string): Promise<void> {
    const waiting = await this.waiting(kind);
    const pendingCreate = waiting.find(isCreateOf(id));
    if (pendingCreate) await this.outbox.delete(pendingCreate.key);
    else if (waiting.some((entry) => !isPut(entry) && entry.id === id)) throw new NotFoundError(id);
    else {
      let slowDown: unknown;
      if (!waiting.length) {
        try {
          return await this.inner.remove(kind, id);
        } catch (error) {
          if (!isTransient(error)) throw error;
          slowDown = error;
        }
      }
      await this.keep([this.outbox.entryFor({ op: 'remove', kind, id })], slowDown);
    }
    this.feed.emit({ type: 'remove', kind, id });
    this.pendingChanged();
  }

  close(): void {
    this.sender.stop();
    this.feed.close();
    this.inner.close();
  }

  protected async write<K extends RecordKind>(kind: K, inputs: unknown[], options: PutOptions): Promise<RecordOf[K][]> {
    const waiting = await this.waiting(kind);
    let slowDown: unknown;
    // Behind writes already waiting, a write waits too: the store makes them in the order they were made.
    if (!waiting.length) {
      try {
        return inputs.length === 1 ? [await this.inner.put(kind, inputs[0], options)] : await this.inner.putMany(kind, inputs);
      } catch (error) {
        if (!isTransient(error)) throw error;
        slowDown = error;
      }
    }
    return this.keepInputs(kind, inputs, options, waiting, slowDown);
  }

  /** Validated and stamped here, shown at once, kept until the store takes them. */
  private async keepInputs<K extends RecordKind>(
    kind: K,
    inputs: unknown[],
    options: PutOptions,
    waiting: PendingEntry[],
    slowDown: unknown,
  ): Promise<RecordOf[K][]> {
    const valid = (await recordChecks()).validateAll(kind, inputs);
    const entries = await Promise.all(
      valid.map(async (input) => {
        const { id, ...fields } = input;
        if (id === undefined) return this.outbox.entryFor({ op: 'create', kind, input: fields, options, record: stampRecord(input, undefined) });
        // A create still pending is changed in place: nothing of it reached the store yet.
        const pendingCreate = waiting.find(isCreateOf(id));
        if (pendingCreate) return { ...pendingCreate, input: fields, record: stampRecord(input, pendingCreate.record as RecordOf[K]) };
        const known = await this.get(kind, id).catch(() => ({ id, createdAt: nowIso() }) as RecordOf[K]);
        return this.outbox.entryFor({ op: 'replace', kind, id, input: fields, record: stampRecord(input, known as RecordOf[K]) });
      }),
    );
    await this.keep(entries, slowDown);
    const records = entries.map((entry) => entry.record as RecordOf[K]);
    this.feed.emit({ type: 'put', kind, records });
    this.pendingChanged();
    return records;
  }

  private async keep(entries: PendingEntry[], slowDown: unknown): Promise<void> {
    await this.outbox.save(entries);
    this.sender.later(slowDown);
  }

  /** Makes one pending write in the store; resolves with what it now holds. */
  private async make(entry: PendingEntry): Promise<OffRecord | undefined> {
    const { kind } = entry;
    if (isCreate(entry)) return this.inner.put(kind, entry.input, entry.options);
    if (entry.op === 'replace') return this.inner.put(kind, { ...entry.input, id: entry.id });
    await this.inner.remove(kind, entry.id);
    return undefined;
  }

  private delivered(entries: PendingEntry[], records: (OffRecord | undefined)[]): void {
    // The store announced what it holds now; a create's provisional record gives way to it.
    for (const entry of entries.filter(isCreate)) this.feed.emit({ type: 'remove', kind: entry.kind, id: entry.record.id });
    this.pendingChanged(entries.map((entry, index) => ({ kind: entry.kind, id: targetId(entry), record: records[index] })));
  }

  private async refused(entries: PendingEntry[], error: unknown): Promise<void> {
    await this.outbox.refuse(entries, error instanceof StorageError ? error.code : 'unavailable');
    for (const entry of entries) await this.showStoredVersion(entry);
    this.pendingChanged();
  }

  protected pendingChanged(sent: SentWrite[] = []): void {
    this.feed.emit({ type: 'pending', sent });
  }
}
