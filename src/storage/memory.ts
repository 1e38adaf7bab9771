import { RECORD_KINDS, type OffRecord, type RecordKind } from '../model/records.js';
import type { RecordBackend } from './backend.js';
import { ChangeFeed } from './change-feed.js';
import { LocalStore } from './local-store.js';
import { RecordStore } from './record-store.js';
import { MEMORY_STATUS } from './statuses.js';

/** A record nobody can change by accident: the store hands out the very objects it keeps. */
function frozenCopy(record: OffRecord): OffRecord {
  const copy = structuredClone(record);
  if ('tags' in copy) Object.freeze(copy.tags);
  return Object.freeze(copy);
}

/**
 * Keeps records in a Map per kind for the life of the page. Records are frozen
 * copies, so reads return them as they are: no copy per read, even of 50,000.
 */
export class MemoryBackend implements RecordBackend {
  private readonly records = Object.fromEntries(RECORD_KINDS.map((kind) => [kind, new Map()])) as Record<RecordKind, Map<string, OffRecord>>;

  async readAll(kind: RecordKind): Promise<OffRecord[]> {
    return [...this.records[kind].values()];
  }

  async readMany(kind: RecordKind, ids: string[]): Promise<(OffRecord | undefined)[]> {
    return ids.map((id) => this.records[kind].get(id));
  }

  async writeMany(kind: RecordKind, records: OffRecord[]): Promise<void> {
    for (const record of records) this.records[kind].set(record.id, frozenCopy(record));
  }

  async delete(kind: RecordKind, id: string): Promise<boolean> {
    return this.records[kind].delete(id);
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
export function createMemoryStore({ name = 'default' }: { name?: string } = {}): LocalStore {
  let memory = shared.get(name);
  if (!memory) {
    memory = { backend: new MemoryBackend(), feed: new ChangeFeed() };
    shared.set(name, memory);
  }
  const { backend, feed } = memory;
  return new LocalStore(new RecordStore(async () => backend, feed, () => MEMORY_STATUS), { name: `memory:${name}`, keptIn: 'page' });
}
