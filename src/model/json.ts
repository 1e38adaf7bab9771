import type { OffRecord } from './records.js';

/** A record as a pretty-printed JSON document (the same shape every store and the HTTP API use). */
export function recordToJson(record: OffRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}
