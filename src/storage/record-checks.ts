import { checkRecord } from '../model/commons.js';
import type { RecordKind, RecordOf } from '../model/records.js';
import { validate, type Validated } from '../model/validate.js';
import { ValidationError } from './validation-error.js';

/** Validates a batch: the first bad input throws, with its position when there are several. */
export function validateAll<K extends RecordKind>(kind: K, inputs: unknown[]): Validated<K>[] {
  return inputs.map((input, index) => {
    const result = validate(kind, input);
    if (!result.ok) throw new ValidationError(result.issues, inputs.length > 1 ? index : undefined);
    return result.value;
  });
}

/** Checks whole records as exported elsewhere (an import): the first bad one throws, with its position. */
export function checkAll<K extends RecordKind>(kind: K, candidates: unknown[]): RecordOf[K][] {
  return candidates.map((candidate, index) => {
    const check = checkRecord(kind, candidate);
    if (!check.ok) throw new ValidationError(check.issues, index);
    return check.record;
  });
}
