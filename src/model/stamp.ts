import { newId } from './ids.js';
import type { RecordKind, RecordOf } from './records.js';
import { nowIso } from './time.js';
import type { Validated } from './validate.js';

/**
 * Turns a validated input into the record to store: a new id and both stamps
 * on create; the original id and `createdAt` kept on update. A host event is
 * created with the id its creator chose: pass `{ id }` as `existing`.
 */
export function stampRecord<K extends RecordKind>(
  input: Validated<K>,
  existing: { id: string; createdAt?: string } | undefined,
  now = nowIso(),
): RecordOf[K] {
  const { id: _ignored, ...fields } = input;
  return {
    ...fields,
    id: existing?.id ?? newId(),
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  } as unknown as RecordOf[K];
}
