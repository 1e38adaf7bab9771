import type { OffRecord, RecordKind, RecordOf } from '../model/records.js';
import { referenceIssues, type FindRecord } from '../model/references.js';
import { stampRecord } from '../model/stamp.js';
import type { RecordBackend } from './backend.js';
import { NotFoundError } from './errors.js';
import { checkAll, validateAll } from './record-checks.js';
import { ValidationError } from './validation-error.js';

type Backend = () => Promise<RecordBackend>;

/**
 * The records a `putMany` writes: inputs validated first, then checked against what they name, then stamped
 * (an update keeps its id and `createdAt`). An id means "update that record", except for a host event,
 * whose creator chooses its id: an unknown one is created.
 */
export async function recordsToPut<K extends RecordKind>(kind: K, inputs: unknown[], backend: Backend): Promise<RecordOf[K][]> {
  const valid = validateAll(kind, inputs);
  const updates = valid.filter((input) => input.id !== undefined);
  const existing = new Map<string, OffRecord>();
  if (updates.length) {
    const found = await (await backend()).readMany(kind, updates.map((input) => input.id as string));
    updates.forEach((input, index) => {
      const record = found[index];
      if (record) existing.set(record.id, record);
      else if (kind !== 'event') throw new NotFoundError(input.id as string);
    });
  }
  await checkReferences(kind, valid, backend);
  return valid.map((input) => stampRecord(input, input.id === undefined ? undefined : (existing.get(input.id) ?? { id: input.id })));
}

/** Refuses, with field issues, records naming a place or organizer this store does not hold, or closing a cycle. */
async function checkReferences(kind: RecordKind, records: object[], backend: Backend): Promise<void> {
  const store = await backend();
  const batch = new Map(records.map((record) => [(record as { id?: string }).id, record as OffRecord]));
  const find: FindRecord = async (each, id) => {
    const record = (each === kind ? batch.get(id) : undefined) ?? (await store.readMany(each, [id]))[0];
    return record && { record };
  };
  for (const [index, record] of records.entries()) {
    const issues = await referenceIssues(kind, record as Record<string, unknown>, find);
    if (issues.length) throw new ValidationError(issues, records.length > 1 ? index : undefined);
  }
}

/** The records an import writes: every candidate checked first; one already here is replaced only by a newer one. */
export async function recordsToRestore<K extends RecordKind>(kind: K, candidates: unknown[], backend: Backend): Promise<RecordOf[K][]> {
  const records = checkAll(kind, candidates);
  await checkReferences(kind, records, backend);
  const existing = await (await backend()).readMany(kind, records.map((record) => record.id));
  return records.filter((record, index) => !existing[index] || existing[index].updatedAt < record.updatedAt);
}
