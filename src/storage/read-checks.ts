import { checkRecord } from '../model/commons.js';
import type { RecordKind, RecordOf } from '../model/records.js';

// Apart from record-checks.ts: a page that only reads from a server loads the rules, not the messages of refused writes.

/**
 * Records read from a server, checked with the rules of writes: one that fails them (a wrong type, a
 * `javascript:` URL) is left out and reported on the console, so that it can never break what shows it.
 */
export function readableRecords<K extends RecordKind>(kind: K, candidates: unknown[], source: string): RecordOf[K][] {
  return candidates.flatMap((candidate) => {
    const check = checkRecord(kind, candidate);
    if (check.ok) return [check.record];
    const id = (candidate as { id?: unknown } | null)?.id;
    const issues = check.issues.map(({ field, code }) => `${field || 'record'}: ${code}`).join(', ');
    console.warn(`off-layer: left out the ${kind} ${typeof id === 'string' ? id : '(without id)'} from ${source}, which is not a valid record (${issues})`);
    return [];
  });
}
