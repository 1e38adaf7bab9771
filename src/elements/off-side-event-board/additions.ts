import type { SideEvent } from '../../model/records.js';

/** Tells which side events arrived since the last look, to announce them; the first look at a list announces nothing. */
export class AdditionsTracker {
  private source?: string;
  private revision = -1;
  // The list as last seen (never edited in place), not a set of its ids: a first look, on the first render, builds nothing.
  private seen: readonly SideEvent[] = [];

  /** The records that were not there at the previous call for the same `source` (store and event). */
  added(source: string, records: readonly SideEvent[], revision: number): SideEvent[] {
    if (source === this.source && revision === this.revision) return [];
    const firstLook = source !== this.source;
    const previous = this.seen;
    this.source = source;
    this.revision = revision;
    this.seen = records;
    if (firstLook) return [];
    const known = new Set(previous.map((record) => record.id));
    return records.filter((record) => !known.has(record.id));
  }

  /** Forgets what was seen: the next look is a first look. */
  reset(): void {
    this.source = undefined;
    this.revision = -1;
  }
}
