import type { OffRecord, RecordKind, RecordOf } from '../model/records.js';
import { stampRecord } from '../model/stamp.js';
import { nowIso } from '../model/time.js';
import type { Validated } from '../model/validate.js';
import { sentWith } from './batch-planner.js';
import type { Outbox } from './outbox.js';
import { isCreateOf, type PendingCreate, type PendingEntry, type PendingPut } from './pending-entry.js';
import type { PutOptions } from './store.js';

/** What a write to the reference server needs to know to become a pending entry. */
export interface WriteContext {
  outbox: Outbox;
  /** The pending writes of its kind still to be sent. */
  waiting: PendingEntry[];
  /** The records of its kind in the lists kept on the device, by id. */
  cached: Map<string, OffRecord>;
  /** Whether this device holds the record's edit token; throws when it may not change the record. */
  mayEdit: (kind: RecordKind, id: string) => Promise<boolean>;
}

/** The outbox entry for one validated input, its provisional record stamped here. */
export async function entryForWrite<K extends RecordKind>(
  kind: K,
  input: Validated<K>,
  options: PutOptions,
  { outbox, waiting, cached, mayEdit }: WriteContext,
): Promise<PendingPut> {
  const { id, ...fields } = input;
  if (id === undefined) return outbox.entryFor({ op: 'create', kind, input: fields, options, record: stampRecord(input, undefined) });
  // A host event's creator chooses its id: it is sent with the create, and the server refuses one already taken (409).
  const sent = kind === 'event' ? input : fields;
  const pendingCreate = waiting.find(isCreateOf(id));
  // Still pending: the create itself is amended, keeping its place in the queue and its idempotency key.
  if (pendingCreate) {
    return { ...pendingCreate, op: 'amended-create', input: sent, record: stampRecord(input, pendingCreate.record as RecordOf[K]) };
  }
  if (!(await mayEdit(kind, id))) return outbox.entryFor({ op: 'create', kind, input: sent, options, record: stampRecord(input, { id }) });
  const pendingReplace = waiting.findLast((entry): entry is PendingPut => entry.op === 'replace' && entry.id === id);
  const current = pendingReplace?.record ?? cached.get(id);
  const known = (current ?? { id, createdAt: nowIso() }) as RecordOf[K];
  return outbox.entryFor({ op: 'replace', kind, id, input: fields, record: stampRecord(input, known) });
}

/**
 * What becomes of a pending create removed here: a create alone, or the last of its batch, is withdrawn in its
 * place in the queue (`keep`); another of its batch is dropped (`drop`): the batch sent again reveals it, and it is removed then.
 */
export function withdrawalOf(create: PendingCreate, waiting: PendingEntry[]): { keep: PendingEntry } | { drop: string } {
  const { kind, key, idempotencyKey, queuedAt, options, batch, record } = create;
  const withdrawal = { kind, id: record.id, options, key, queuedAt } as const;
  if (!batch) return { keep: { ...withdrawal, op: 'withdraw', idempotencyKey } };
  if (sentWith(create, waiting).length > 1) return { drop: key };
  return { keep: { ...withdrawal, op: 'withdraw-batch', idempotencyKey: batch.idempotencyKey } };
}
