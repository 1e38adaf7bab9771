import type { OffRecord, RecordKind } from '../model/records.js';

const REMOVED = '';

interface ListedQuery {
  kind: RecordKind;
  event?: string;
  ids: Set<string>;
}

/**
 * Which version of each record this page has already been told about, so that the
 * live stream's echo of our own writes is not announced twice, and so that after a
 * reconnect only what changed meanwhile is announced.
 */
export class SeenRecords {
  private readonly versions = new Map<string, string>();
  private readonly queries = new Map<string, ListedQuery>();

  /** Records in a version not seen yet; they count as seen from now on. */
  unseen(kind: RecordKind, records: OffRecord[]): OffRecord[] {
    return records.filter((record) => {
      const key = `${kind}/${record.id}`;
      if (this.versions.get(key) === record.updatedAt) return false;
      this.versions.set(key, record.updatedAt);
      return true;
    });
  }

  /** True unless this removal was seen already; it counts as seen from now on. */
  unseenRemoval(kind: RecordKind, id: string): boolean {
    const key = `${kind}/${id}`;
    if (this.versions.get(key) === REMOVED) return false;
    this.versions.set(key, REMOVED);
    return true;
  }

  /** A list the page was given: its records are seen, and it will be refreshed after a reconnect. */
  listed(kind: RecordKind, event: string | undefined, records: OffRecord[]): void {
    this.unseen(kind, records);
    this.queries.set(`${kind}\n${event ?? ''}`, { kind, event, ids: new Set(records.map((record) => record.id)) });
  }

  /** Whether this page was given this list already. */
  hasListed(kind: RecordKind, event: string | undefined): boolean {
    return this.queries.has(`${kind}\n${event ?? ''}`);
  }

  listedQueries(): { kind: RecordKind; event?: string }[] {
    return [...this.queries.values()].map(({ kind, event }) => ({ kind, event }));
  }

  /** What changed between the list last given for this query and `records`, the same list now. */
  changesSince(kind: RecordKind, event: string | undefined, records: OffRecord[]): { puts: OffRecord[]; removedIds: string[] } {
    const before = this.queries.get(`${kind}\n${event ?? ''}`)?.ids ?? new Set<string>();
    const now = new Set(records.map((record) => record.id));
    const removedIds = [...before].filter((id) => !now.has(id) && this.unseenRemoval(kind, id));
    const puts = this.unseen(kind, records);
    this.listed(kind, event, records);
    return { puts, removedIds };
  }
}
