import type { OffRecord, RecordKind, RecordOf } from '../model/records.js';
import { sortRecords } from '../model/sort.js';
import { stampRecord } from '../model/stamp.js';
import { nowIso } from '../model/time.js';
import type { ChangeFeed } from './change-feed.js';
import { isTransient, NotFoundError, StorageError } from './errors.js';
import { Outbox } from './outbox.js';
import { OutboxSender } from './outbox-sender.js';
import { OutboxStore } from './outbox-store.js';
import { idbTable, keyValueTable, pageMemory } from './outbox-tables.js';
import { matchesQuery } from './list-query.js';
import type { PendingHome } from './pending-marker.js';
import { isCreate, isCreateOf, isPut, targetId, withPending, type PendingEntry } from './pending-entry.js';
import { recordChecks } from './record-store.js';
import type { BasicStore } from './queueing-store.js';
import type { ListQuery, PutOptions, SentWrite, StoreStatus } from './store.js';

/**
 * The outbox of a store that has none of its own, loaded once the store has a write it cannot
 * make now (unavailable, over quota, rate-limited), or pending writes left by an earlier visit:
 * such a write is validated, stamped and shown at once, kept as pending, and made later in order,
 * with backoff; one the store refuses for good is kept with its failure until the person discards it.
 */
export class PendingWrites<S extends BasicStore> extends OutboxStore {
  protected readonly outbox: Outbox;
  private readonly sender: OutboxSender;

  constructor(
    readonly inner: S,
    protected readonly feed: ChangeFeed,
    private readonly home: PendingHome,
    /** Loaded for writes an earlier visit left pending: send them now. */
    leftPending: boolean,
  ) {
    super();
    const tables = home.keptIn === 'page' ? [keyValueTable(home.name, pageMemory)] : [idbTable, keyValueTable(home.name, () => localStorage)];
    this.outbox = new Outbox(home.name, tables);
    this.sender = new OutboxSender(this.outbox, {
      send: async ([entry]) => [await this.make(entry)],
      delivered: (entries, records) => this.delivered(entries, records),
      refused: (entries, error) => this.refused(entries, error),
    });
    if (leftPending) void this.sender.flush();
  }

  close(): void {
    this.sender.stop();
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
    return waiting.length ? (sortRecords(kind, withPending(records, waiting, matchesQuery(kind, query))) as RecordOf[K][]) : records;
  }

  async remove(kind: RecordKind, id: string): Promise<void> {
    const waiting = await this.waiting(kind);
    const pendingCreate = waiting.find(isCreateOf(id));
    if (pendingCreate) {
      await this.outbox.delete(pendingCreate.key);
      this.feed.emit({ type: 'remove', kind, id });
      return this.pendingChanged();
    }
    if (waiting.some((entry) => !isPut(entry) && entry.id === id)) throw new NotFoundError(id);
    // Behind writes already waiting, a write waits too: the store makes them in the order they were made.
    if (waiting.length) return this.keepRemoval(kind, id, undefined);
    try {
      await this.inner.remove(kind, id);
    } catch (error) {
      if (!isTransient(error)) throw error;
      await this.keepRemoval(kind, id, error);
    }
  }

  /** A removal the store could not make now: shown at once, made later. */
  async keepRemoval(kind: RecordKind, id: string, slowDown: unknown): Promise<void> {
    await this.keep([this.outbox.entryFor({ op: 'remove', kind, id })], slowDown);
    this.feed.emit({ type: 'remove', kind, id });
    await this.pendingChanged();
  }

  protected async write<K extends RecordKind>(kind: K, inputs: unknown[], options: PutOptions): Promise<RecordOf[K][]> {
    const waiting = await this.waiting(kind);
    let slowDown: unknown;
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
  async keepInputs<K extends RecordKind>(
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
    await this.pendingChanged();
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
    void this.pendingChanged(entries.map((entry, index) => ({ kind: entry.kind, id: targetId(entry), record: records[index] })));
  }

  private async refused(entries: PendingEntry[], error: unknown): Promise<void> {
    await this.outbox.refuse(entries, error instanceof StorageError ? error.code : 'unavailable');
    for (const entry of entries) await this.showStoredVersion(entry);
    void this.pendingChanged();
  }

  protected async pendingChanged(sent: SentWrite[] = []): Promise<void> {
    this.feed.emit({ type: 'pending', sent });
    await this.outbox.mark(this.home, await this.outbox.entries().catch(() => undefined));
  }
}
