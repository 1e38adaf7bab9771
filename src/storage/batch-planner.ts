import { isBatched, type BatchedCreate, type PendingCreate, type PendingEntry } from './pending-entry.js';

/** What one request may carry: the server takes up to 1,000 records and 2 MB a batch. */
export interface BatchLimits {
  records: number;
  bytes: number;
}

export const SERVER_LIMITS: BatchLimits = { records: 500, bytes: 1_900_000 };

/** Creates sent in one request carry its idempotency key and their place in it, kept if they have to wait. */
export function inOneBatch(creates: PendingCreate[], idempotencyKey: string = crypto.randomUUID()): BatchedCreate[] {
  return creates.map((entry, index) => ({ ...entry, batch: { idempotencyKey, index, size: creates.length } }));
}

/** The pending writes to send in one request with `entry`: the creates of its batch still waiting, or itself alone. */
export function sentWith(entry: PendingEntry, waiting: PendingEntry[]): PendingEntry[] {
  if (!isBatched(entry)) return [entry];
  return waiting.filter((each) => isBatched(each) && each.batch.idempotencyKey === entry.batch.idempotencyKey);
}

const encoder = new TextEncoder();

/** What each request sends: consecutive plain creates together (within `limits`), every other write alone. */
export function requestsFor(entries: PendingEntry[], limits: BatchLimits = SERVER_LIMITS): PendingEntry[][] {
  const requests: { entries: PendingEntry[]; bytes: number }[] = [];
  for (const entry of entries) {
    const bytes = entry.op === 'create' ? encoder.encode(JSON.stringify(entry.input)).byteLength + 1 : 0;
    const last = requests.at(-1);
    const joins =
      entry.op === 'create' &&
      last?.entries[0].op === 'create' &&
      last.entries.length < limits.records &&
      last.bytes + bytes <= limits.bytes;
    if (joins) {
      last.entries.push(entry);
      last.bytes += bytes;
    } else requests.push({ entries: [entry], bytes });
  }
  return requests.map(({ entries }) => (entries.length === 1 ? entries : inOneBatch(entries as PendingCreate[])));
}
