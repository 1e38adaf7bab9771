import type { RecordKind, RecordOf } from '../model/records.js';
import { QueueingStore } from './queueing-store.js';
import type { RecordStore } from './record-store.js';

/** A store on this device (memory or IndexedDB), with its outbox, and imports that keep ids and stamps. */
export class LocalStore extends QueueingStore<RecordStore> {
  /** Writes whole records as exported elsewhere, keeping their ids and stamps (an import). */
  restore<K extends RecordKind>(kind: K, candidates: unknown[]): Promise<RecordOf[K][]> {
    return this.inner.restore(kind, candidates);
  }
}
