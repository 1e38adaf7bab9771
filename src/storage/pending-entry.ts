import type { StorageErrorCode } from '../model/messages.js';
import { hostEventOf, type OffRecord, type RecordKind } from '../model/records.js';
import type { PendingQuery, PendingWrite, PutOptions } from './store.js';

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

interface Create {
  kind: RecordKind;
  input: object;
  options: PutOptions;
  /** The provisional record shown meanwhile; the store's id replaces its id once sent. */
  record: OffRecord;
  batch?: BatchPlace;
}

/**
 * What a pending write asks of its store. A create's answer may be lost after the server wrote it, and
 * sent again, it gets that first answer: so a create changed while it waited becomes `amended-create`
 * (once sent, the change follows it), and one removed while it waited becomes a `withdraw` (its key is
 * sent again with no record, to remove what the server may have written), or for the last waiting
 * create of a batch, `withdraw-batch` (the batch's key, with no records).
 */
export type PendingOperation =
  | ({ op: 'create' } & Create)
  | ({ op: 'amended-create' } & Create)
  | { op: 'replace'; kind: RecordKind; id: string; input: object; record: OffRecord }
  | { op: 'remove'; kind: RecordKind; id: string }
  | { op: 'withdraw' | 'withdraw-batch'; kind: RecordKind; id: string; options: PutOptions };

interface QueueOrder {
  /** Orders the outbox: writes are sent in the order they were made. */
  key: string;
  /** Generated once per write and sent with every attempt, so the server applies it once. */
  idempotencyKey: string;
  queuedAt: string;
  /** Set when the store refused the write for good: it is kept, not retried, so nothing typed is lost. */
  failure?: StorageErrorCode;
}

/** A pending write as the outbox keeps it. */
export type PendingEntry = PendingOperation & QueueOrder;

export type PendingCreate = Extract<PendingEntry, { op: 'create' | 'amended-create' }>;
export type PendingPut = Extract<PendingEntry, { op: 'create' | 'amended-create' | 'replace' }>;
export type PendingWithdrawal = Extract<PendingEntry, { op: 'withdraw' | 'withdraw-batch' }>;
export type BatchedCreate = PendingCreate & { batch: BatchPlace };

export function isCreate(entry: PendingEntry): entry is PendingCreate {
  return entry.op === 'create' || entry.op === 'amended-create';
}

/** A create or replace: it has a provisional record to show. */
export function isPut(entry: PendingEntry): entry is PendingPut {
  return isCreate(entry) || entry.op === 'replace';
}

export function isWithdrawal(entry: PendingEntry): entry is PendingWithdrawal {
  return entry.op === 'withdraw' || entry.op === 'withdraw-batch';
}

export function isBatched(entry: PendingEntry): entry is BatchedCreate {
  return isCreate(entry) && entry.batch !== undefined;
}

export function isCreateOf(id: string) {
  return (entry: PendingEntry): entry is PendingCreate => isCreate(entry) && entry.record.id === id;
}

/** The record a pending write is about: a create's provisional id, or the id it changes. */
export function targetId(entry: PendingEntry): string {
  return isCreate(entry) ? entry.record.id : entry.id;
}

/** What the store interface shows of a pending write. */
export function toPendingWrite(entry: PendingEntry): PendingWrite {
  const { key, kind, queuedAt, failure } = entry;
  const op = isCreate(entry) ? 'create' : entry.op === 'replace' ? 'replace' : 'remove';
  const record = isPut(entry) ? entry.record : undefined;
  return { key, kind, op, id: targetId(entry), queuedAt, ...(record && { record }), ...(failure && { failure }) };
}

export function matches({ kind, event }: PendingQuery) {
  return (write: PendingWrite): boolean => (kind === undefined || write.kind === kind) && (event === undefined || (write.record && hostEventOf(write.kind, write.record)) === event);
}

type LegacyEntry = PendingEntry & { amended?: true; withdraws?: PutOptions; withdrawsBatch?: true };

/** An entry as an earlier version kept it, with its protocol in flags, in today's terms. */
export function upgraded(entry: LegacyEntry): PendingEntry {
  const { amended, withdraws, withdrawsBatch, ...rest } = entry;
  if (amended && rest.op === 'create') return { ...rest, op: 'amended-create' };
  if (withdraws && rest.op === 'remove') return { ...rest, op: withdrawsBatch ? 'withdraw-batch' : 'withdraw', options: withdraws };
  return rest;
}

/** Lists and records as this device will see them once its pending writes are made; `belongs` says what the list holds. */
export function withPending<R extends OffRecord>(records: R[], entries: PendingEntry[], belongs: (record: OffRecord) => boolean): R[] {
  const byId = new Map(records.map((record) => [record.id, record]));
  for (const entry of entries) {
    if (!isPut(entry) || !belongs(entry.record)) byId.delete(targetId(entry));
    else byId.set(entry.record.id, entry.record as R);
  }
  return [...byId.values()];
}
