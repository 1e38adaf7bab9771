import type { RecordKind, RecordOf } from '../../model/records.js';
import { LiveQueryController, type RecordChange } from './live-query-controller.js';

/** The count shows changes at most this often: a burst of changes is announced once, not once per change. */
const SHOW_EVERY_MS = 1000;

/**
 * How many records of one kind a query names, kept current from the store's
 * change feed; only their ids are kept, so nothing is sorted.
 */
export class LiveCountController<K extends RecordKind> extends LiveQueryController<K> {
  private ids = new Set<string>();
  private showTimer?: ReturnType<typeof setTimeout>;

  /** The count on show, which a polite live region may read out: the last load's, then once a second while changes arrive. */
  count = 0;

  protected loaded(records: RecordOf[K][]): void {
    this.ids = new Set(records.map((record) => record.id));
    this.count = this.ids.size;
  }

  protected apply(change: RecordChange): boolean {
    if (change.type === 'remove') {
      this.ids.delete(change.id);
    } else {
      // A record moved to another event stops counting here.
      for (const record of change.records) {
        if (this.matches(record)) this.ids.add(record.id);
        else this.ids.delete(record.id);
      }
    }
    // Shown by the timer, not now: a burst shows once, and a steady stream still shows every second.
    this.showTimer ??= setTimeout(() => {
      this.showTimer = undefined;
      this.count = this.ids.size;
      this.changed();
    }, SHOW_EVERY_MS);
    return false;
  }
}
