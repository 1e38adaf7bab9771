import type { OffRecord, RecordKind } from '../model/records.js';

/** The few primitives a local store needs; `RecordStore` builds the interface on them. */
export interface RecordBackend {
  readAll(kind: RecordKind): Promise<OffRecord[]>;
  readMany(kind: RecordKind, ids: string[]): Promise<(OffRecord | undefined)[]>;
  /** Writes every record in one batch: all or none. */
  writeMany(kind: RecordKind, records: OffRecord[]): Promise<void>;
  /** Returns false when there was nothing to delete. */
  delete(kind: RecordKind, id: string): Promise<boolean>;
}

export function recordKey(kind: RecordKind, id: string): string {
  return `${kind}/${id}`;
}
