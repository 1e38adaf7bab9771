import { newId } from './ids.js';
import type { RecordKind, RecordOf } from './records.js';
import { nowIso } from './time.js';
import type { Validated } from './validate.js';

/**
 * Turns a validated input into the record to store: a new id and both stamps
 * on create; the original id and `createdAt` kept on update.
 */
export function stampRecord<K extends RecordKind>(
  input: Validated<K>,
  existing: RecordOf[K] | undefined,
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
