import { del, promisifyRequest, setMany } from 'idb-keyval';
import type { StorageErrorCode } from '../model/messages.js';
import type { OffRecord, RecordKind } from '../model/records.js';
import { keyUnder, localTable, readUnder } from './http-local.js';
import { guarded } from './idb.js';
import type { PutOptions } from './store.js';

const writesTable = localTable('off-layer-outbox', 'writes');

/**
 * Where a create stands in the batch request it was first sent in. Creates whose answer
 * never came are sent again together with the same key: if the server wrote them the
 * first time, it answers that first request again and writes nothing.
 */
export interface BatchPlace {
  idempotencyKey: string;
  index: number;
  size: number;
}

/**
 * A create's answer may be lost after the server wrote it; sent again, it gets that first answer.
 * So a create changed while it waited is `amended`: once sent, the change follows it. And a
 * create removed while it waited becomes a removal that `withdraws` it: its key is sent again
 * with the create's options, to remove what the server may have written. The last waiting create
 * of a batch does the same for its whole batch (`withdrawsBatch`, with the batch's key).
 */
export type QueuedWrite =
  | { op: 'create'; kind: RecordKind; input: object; options: PutOptions; record: OffRecord; batch?: BatchPlace; amended?: true }
  | { op: 'replace'; kind: RecordKind; id: string; input: object; record: OffRecord }
  | { op: 'remove'; kind: RecordKind; id: string; withdraws?: PutOptions; withdrawsBatch?: true };

/**
 * A write waiting for the server. `record` is the provisional record shown meanwhile;
 * a create's provisional id is replaced by the server's id once sent.
 */
export type OutboxEntry = QueuedWrite & QueueOrder;

interface QueueOrder {
  /** Orders the outbox: writes are sent in the order they were made. */
  key: string;
  /** Generated once per write and sent with every attempt, so the server applies it once. */
  idempotencyKey: string;
  queuedAt: string;
  /** Set when the server refused the write for good: it is kept, not retried, so nothing typed is lost. */
  failure?: StorageErrorCode;
}

/** A queued create or replace: it has a provisional record to show. */
export type QueuedPut = Extract<OutboxEntry, { op: 'create' | 'replace' }>;

let sequence = 0;

/**
 * What a create edited or removed here while its request was in flight (`now`, its entry as it
 * stands) means for the record the server `created`: a replace or a removal of it. Nothing if unchanged.
 */
function followUp(sent: OutboxEntry, now: OutboxEntry | undefined, created: OffRecord | undefined): QueuedWrite | undefined {
  if (sent.op !== 'create' || (now?.op === 'create' && now.record.updatedAt === sent.record.updatedAt)) return undefined;
  const { kind } = sent;
  const { id, createdAt } = created!;
  return now?.op === 'create' ? { op: 'replace', kind, id, input: now.input, record: { ...now.record, id, createdAt } } : { op: 'remove', kind, id };
}

/** Writes made on this device that the server has not acknowledged yet, kept in IndexedDB across reloads. */
export class Outbox {
  constructor(private readonly base: string) {}

  /** An entry for `write`, not stored yet: sent directly, or `save`d when it has to wait. */
  entryFor<W extends QueuedWrite>(write: W): W & QueueOrder {
    const now = new Date();
    sequence += 1;
    const order = `${now.getTime().toString().padStart(15, '0')}.${sequence.toString().padStart(9, '0')}`;
    return { ...write, key: keyUnder(this.base, order), idempotencyKey: crypto.randomUUID(), queuedAt: now.toISOString() };
  }

  /** Adds or replaces entries; throws `UnavailableError` or `QuotaError` when the device cannot keep them. */
  async save(entries: OutboxEntry[]): Promise<void> {
    const db = await writesTable();
    await guarded(() => setMany(entries.map((entry) => [entry.key, entry]), db));
  }

  async delete(key: string): Promise<void> {
    const db = await writesTable();
    await guarded(() => del(key, db));
  }

  /**
   * Deletes the entries one request sent, read again in the same transaction so that no change
   * made meanwhile is lost: a create changed while it was sent is followed by a write of the
   * record the server `created`, a new entry at the end of the queue. Returns those new entries.
   */
  settle(sent: OutboxEntry[], created: (OffRecord | undefined)[]): Promise<OutboxEntry[]> {
    return this.rewrite(sent, (entry, now, index) => {
      const write = followUp(entry, now, created[index]);
      return write && this.entryFor(write);
    });
  }

  /**
   * Keeps the entries of a request the server refused for good, marked with its `failure`, as they
   * are now: edited meanwhile, the latest version; removed, or a create turned into its withdrawal
   * (the server wrote nothing to withdraw), nothing.
   */
  async refuse(sent: OutboxEntry[], failure: StorageErrorCode): Promise<void> {
    await this.rewrite(sent, (entry, now) => (now?.op === entry.op ? { ...now, failure } : undefined));
  }

  /** Deletes the entries one request sent and puts what `next` makes of each, given as it is now: one transaction. Returns what it put. */
  private async rewrite(
    sent: OutboxEntry[],
    next: (entry: OutboxEntry, now: OutboxEntry | undefined, index: number) => OutboxEntry | undefined,
  ): Promise<OutboxEntry[]> {
    const db = await writesTable();
    return guarded(() =>
      db('readwrite', async (store) => {
        const now = await Promise.all(sent.map((entry) => promisifyRequest<OutboxEntry | undefined>(store.get(entry.key))));
        const written = sent.flatMap((entry, index) => {
          store.delete(entry.key);
          const write = next(entry, now[index], index);
          return write ? [write] : [];
        });
        for (const entry of written) store.put(entry, entry.key);
        await promisifyRequest(store.transaction);
        return written;
      }),
    );
  }

  /** Every entry of this server, oldest first, refused ones included. */
  async entries(): Promise<OutboxEntry[]> {
    return readUnder<OutboxEntry>(await writesTable(), keyUnder(this.base, ''));
  }
}
