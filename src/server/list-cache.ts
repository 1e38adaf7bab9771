import type { RecordKind } from '../model/records.js';
import type { ChangeHub } from './change-hub.js';
import { Encoded } from './encoding.js';
import type { Repository } from './repository.js';

/** Changes with the JSON of list answers, so that a cached copy from before never matches. */
const LIST_FORMAT = 'l1';
/** Memory the cached lists may take: about 20 lists of 10,000 side events with both compressed variants. */
const BUDGET_BYTES = 128 * 1024 * 1024;

export interface CachedList {
  encoded: Encoded;
  /** The seq of the list's last change (or the log's floor): its entity tag. */
  version: number;
  tag: string;
  /** The log's last seq when the list was read: its content reflects every change up to it. */
  cursor: number;
  key: string;
}

interface Entry {
  list: Promise<CachedList>;
  settled?: CachedList;
}

const keyOf = (kind: RecordKind, event: string | null | undefined) => `${kind} ${event ?? ''}`;

/**
 * Each list answer (a kind, in one host event or in all) serialised once per version and compressed once per coding,
 * so that a rush is served from memory. An entry is dropped as soon as the ChangeHub hands on a change to its list,
 * which it does for writes made by other processes too (PostgreSQL), and a later request reads it again.
 */
export class ListCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly repository: Repository,
    private readonly hub: ChangeHub,
  ) {
    hub.subscribe(({ kind, event }) => {
      if (event !== null) this.entries.delete(keyOf(kind, event));
      this.entries.delete(keyOf(kind, undefined));
    });
  }

  /**
   * The list, read when not cached; requests that come meanwhile share one read. Its entry exists from before the
   * read, so a change handed on during the read drops it: what the read saw is never kept past a change.
   */
  get(kind: RecordKind, event: string | undefined): Promise<CachedList> {
    const key = keyOf(kind, event);
    const cached = this.entries.get(key);
    if (cached) {
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached.list;
    }
    const entry: Entry = { list: this.read(kind, event) };
    this.entries.set(key, entry);
    entry.list.then(
      (list) => {
        entry.settled = list;
        this.evict();
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return entry.list;
  }

  /**
   * The cursor to send with a list: while it is still the cached one, no change to it has been handed on since it was
   * read (the entry would be gone), so it reflects every change up to the hub's position too.
   */
  cursorOf(list: CachedList): number {
    return this.entries.get(list.key)?.settled === list ? Math.max(list.cursor, this.hub.seq) : list.cursor;
  }

  private async read(kind: RecordKind, event: string | undefined): Promise<CachedList> {
    // The version before the content: content newer than its tag only makes a client fetch again, the reverse would keep an old list.
    const { version, latest } = await this.repository.listState(kind, event);
    const json = await this.repository.listJson(kind, { event });
    return { encoded: Encoded.text(json), version, tag: `${LIST_FORMAT}.${version}`, cursor: latest, key: keyOf(kind, event) };
  }

  /** The list if it is cached and read, without reading it. */
  peek(kind: RecordKind, { event }: { event?: string }): CachedList | undefined {
    return this.entries.get(keyOf(kind, event))?.settled;
  }

  /** Least recently used entries go first; compressed variants count once made. */
  private evict(): void {
    let total = 0;
    for (const entry of this.entries.values()) total += entry.settled?.encoded.bytes ?? 0;
    for (const [key, entry] of this.entries) {
      if (total <= BUDGET_BYTES) return;
      total -= entry.settled?.encoded.bytes ?? 0;
      this.entries.delete(key);
    }
  }
}
