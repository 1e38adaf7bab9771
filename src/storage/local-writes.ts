import type { OffRecord, RecordKind, RecordOf } from '../model/records.js';
import { stampRecord } from '../model/stamp.js';
import type { RecordBackend } from './backend.js';
import { NotFoundError } from './errors.js';
import { checkAll, validateAll } from './record-checks.js';

type Backend = () => Promise<RecordBackend>;

/** The records a `putMany` writes: inputs validated first, then stamped (an update keeps its id and `createdAt`). */
export async function recordsToPut<K extends RecordKind>(kind: K, inputs: unknown[], backend: Backend): Promise<RecordOf[K][]> {
  const valid = validateAll(kind, inputs);
  const updates = valid.filter((input) => input.id !== undefined);
  const existing = new Map<string, OffRecord>();
  if (updates.length) {
    const found = await (await backend()).readMany(kind, updates.map((input) => input.id as string));
    updates.forEach((input, index) => {
      const record = found[index];
      if (!record) throw new NotFoundError(input.id as string);
      existing.set(record.id, record);
    });
  }
  return valid.map((input) => stampRecord(input, input.id === undefined ? undefined : (existing.get(input.id) as RecordOf[K])));
}

/** The records an import writes: every candidate checked first; one already here is replaced only by a newer one. */
export async function recordsToRestore<K extends RecordKind>(kind: K, candidates: unknown[], backend: Backend): Promise<RecordOf[K][]> {
  const records = checkAll(kind, candidates);
  const existing = await (await backend()).readMany(kind, records.map((record) => record.id));
  return records.filter((record, index) => !existing[index] || existing[index].updatedAt < record.updatedAt);
}
