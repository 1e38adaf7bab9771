import type { OffRecord, RecordKind } from '../model/records.js';
import { recordKey, type RecordBackend } from './backend.js';
import { ChangeFeed } from './change-feed.js';
import { RecordStore } from './record-store.js';
import { MEMORY_STATUS } from './statuses.js';

/** Keeps records in a Map for the life of the page. */
export class MemoryBackend implements RecordBackend {
  private readonly records = new Map<string, OffRecord>();

  async readAll(kind: RecordKind): Promise<OffRecord[]> {
    const prefix = recordKey(kind, '');
    return [...this.records].filter(([key]) => key.startsWith(prefix)).map(([, record]) => structuredClone(record));
  }

  async readMany(kind: RecordKind, ids: string[]): Promise<(OffRecord | undefined)[]> {
    return ids.map((id) => {
      const record = this.records.get(recordKey(kind, id));
      return record && structuredClone(record);
    });
  }

  async writeMany(kind: RecordKind, records: OffRecord[]): Promise<void> {
    for (const record of records) this.records.set(recordKey(kind, record.id), structuredClone(record));
  }

  async delete(kind: RecordKind, id: string): Promise<boolean> {
    return this.records.delete(recordKey(kind, id));
  }
}

interface SharedMemory {
  backend: MemoryBackend;
  feed: ChangeFeed;
}

const shared = new Map<string, SharedMemory>();

/**
 * A store that lives as long as the page. Stores opened with the same `name`
 * in one page share their records and change feed, like two tabs on one database.
 */
export function createMemoryStore({ name = 'default' }: { name?: string } = {}): RecordStore {
  let memory = shared.get(name);
  if (!memory) {
    memory = { backend: new MemoryBackend(), feed: new ChangeFeed() };
    shared.set(name, memory);
  }
  const { backend, feed } = memory;
  return new RecordStore(async () => backend, feed, () => MEMORY_STATUS);
}
