import type { SideEvent } from '../../model/records.js';

/** Tells which side events arrived since the last look, to announce them; the first look at a list announces nothing. */
export class AdditionsTracker {
  private source?: string;
  private revision = -1;
  private known = new Set<string>();

  /** The records that were not there at the previous call for the same `source` (store and event). */
  added(source: string, records: readonly SideEvent[], revision: number): SideEvent[] {
    if (source === this.source && revision === this.revision) return [];
    const firstLook = source !== this.source;
    const previous = this.known;
    this.source = source;
    this.revision = revision;
    this.known = new Set(records.map((record) => record.id));
    return firstLook ? [] : records.filter((record) => !previous.has(record.id));
  }

  /** Forgets what was seen: the next look is a first look. */
  reset(): void {
    this.source = undefined;
    this.revision = -1;
  }
}
