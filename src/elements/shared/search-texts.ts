import { foldForSearch } from '../../model/search.js';

const FOLDED_PER_STEP = 500;

/**
 * The folded search texts of a list's records (accent- and case-insensitive), each folded once: a change to the
 * list keeps the other records' objects, so only new and changed records are folded again.
 */
export class SearchTexts<T extends object> {
  private readonly folded = new WeakMap<T, string>();

  /** `text` gives what a record is searched by. */
  constructor(private readonly text: (record: T) => string) {}

  of(record: T): string {
    let folded = this.folded.get(record);
    if (folded === undefined) {
      folded = foldForSearch(this.text(record));
      this.folded.set(record, folded);
    }
    return folded;
  }

  all(records: readonly T[]): string[] {
    return records.map((record) => this.of(record));
  }

  /**
   * Folds the texts of `records` in idle time, so that the first query finds them ready: steps of about a
   * millisecond while the idle period lasts (one step per task where `requestIdleCallback` is missing).
   */
  foldWhenIdle(records: readonly T[], from = 0): void {
    if (from >= records.length) return;
    (globalThis.requestIdleCallback ?? setTimeout)((deadline?: IdleDeadline) => {
      let index = from;
      do {
        const end = Math.min(records.length, index + FOLDED_PER_STEP);
        for (; index < end; index += 1) this.of(records[index]!);
      } while (index < records.length && (deadline?.timeRemaining() ?? 0) > 1);
      this.foldWhenIdle(records, index);
    });
  }
}
