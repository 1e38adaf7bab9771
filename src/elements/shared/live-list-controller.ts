import type { OffRecord, RecordKind, RecordOf } from '../../model/records.js';
import { insertSorted, sortRecords } from '../../model/sort.js';
import { LiveQueryController, type RecordChange } from './live-query-controller.js';

/** Beyond this many arrivals at once, sorting everything again beats inserting one by one. */
const INSERT_LIMIT = 64;

function merge<T extends OffRecord>(kind: RecordKind, sorted: T[], incoming: T[]): T[] {
  if (incoming.length > INSERT_LIMIT) return sortRecords(kind, [...sorted, ...incoming]);
  for (const record of incoming) insertSorted(kind, sorted, record);
  return sorted;
}

/**
 * The records of one kind that a query names, sorted, loaded from the element's
 * store and kept current from its change feed (this page and other tabs).
 */
export class LiveListController<K extends RecordKind> extends LiveQueryController<K> {
  records: RecordOf[K][] = [];

  get storeStatus() {
    return this.storeController.status;
  }

  protected loaded(records: RecordOf[K][]): void {
    this.records = records;
  }

  protected apply(change: RecordChange): boolean {
    if (change.type === 'remove') {
      const next = this.records.filter((record) => record.id !== change.id);
      if (next.length === this.records.length) return false;
      this.records = next;
      return true;
    }
    const incoming = (change.records as RecordOf[K][]).filter((record) => this.matches(record));
    const changedIds = new Set(change.records.map((record) => record.id));
    // A record moved to another event leaves this list; one that arrived joins it.
    const kept = this.records.filter((record) => !changedIds.has(record.id));
    if (incoming.length === 0 && kept.length === this.records.length) return false;
    this.records = merge(change.kind, kept, incoming);
    return true;
  }
}
