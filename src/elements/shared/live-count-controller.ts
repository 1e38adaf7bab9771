import type { RecordKind, RecordOf } from '../../model/records.js';
import { LiveQueryController, type RecordChange } from './live-query-controller.js';

/**
 * How many records of one kind a host event has, kept current from the store's
 * change feed; only their ids are kept, so nothing is sorted.
 */
export class LiveCountController<K extends RecordKind> extends LiveQueryController<K> {
  private ids = new Set<string>();

  get count(): number {
    return this.ids.size;
  }

  protected loaded(records: RecordOf[K][]): void {
    this.ids = new Set(records.map((record) => record.id));
  }

  protected apply(change: RecordChange): boolean {
    const before = this.ids.size;
    if (change.type === 'remove') {
      this.ids.delete(change.id);
    } else {
      // A record moved to another event stops counting here.
      for (const record of change.records) {
        if (this.matches(record)) this.ids.add(record.id);
        else this.ids.delete(record.id);
      }
    }
    return this.ids.size !== before;
  }
}
