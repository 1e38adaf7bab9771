import type { RecordKind } from '../model/records.js';
import type { ChangeHub } from './change-hub.js';
import { Encoded } from './encoding.js';
import { isEventQuery } from '../storage/list-query.js';
import { digest } from './http-cache.js';
import type { ListScope, Repository } from './repository.js';

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
  kind: RecordKind;
  scope: ListScope;
  list: Promise<CachedList>;
  settled?: CachedList;
}

/** One key per list: the kind and each narrowing given, in a fixed order (JSON: typed words may hold any character). */
const keyOf = (kind: RecordKind, { event, place, organizer, from, replantedFrom, partOf, tag, license, text }: ListScope) =>
  JSON.stringify([kind, event, place, organizer, from, replantedFrom, partOf, tag, license, text]);

/** Whether a change to a record of `kind` in host event `event` may change the list: the log does not say more (a place, a time…). */
const mayChange = (entry: Entry, kind: RecordKind, event: string | null) => entry.kind === kind && (entry.scope.event === undefined || entry.scope.event === event);

/**
 * Each list answer (a kind, in one host event or in all, narrowed or not) serialised once per version and compressed once per coding,
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
      for (const [key, entry] of this.entries) if (mayChange(entry, kind, event)) this.entries.delete(key);
    });
  }

  /**
   * The list, read when not cached; requests that come meanwhile share one read. Its entry exists from before the
   * read, so a change handed on during the read drops it: what the read saw is never kept past a change.
   */
  get(kind: RecordKind, scope: ListScope): Promise<CachedList> {
    const key = keyOf(kind, scope);
    const cached = this.entries.get(key);
    if (cached) {
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached.list;
    }
    const entry: Entry = { kind, scope, list: this.read(kind, scope, key) };
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

  private async read(kind: RecordKind, scope: ListScope, key: string): Promise<CachedList> {
    // The version before the content: content newer than its tag only makes a client fetch again, the reverse would keep an old list.
    const { version, latest } = await this.repository.listState(kind, scope.event);
    const json = await this.repository.listJson(kind, scope);
    // The log's version of a narrower list moves with every change of its kind (or event): its tag is its content's, so
    // that a venue's list revalidates with a 304 until a change reaches it. Such lists are short; an event's is hashed never.
    const tag = isEventQuery(scope) ? `${LIST_FORMAT}.${version}` : `${LIST_FORMAT}.${digest(json)}`;
    return { encoded: Encoded.text(json), version, tag, cursor: latest, key };
  }

  /** The list if it is cached and read, without reading it. */
  peek(kind: RecordKind, scope: ListScope): CachedList | undefined {
    return this.entries.get(keyOf(kind, scope))?.settled;
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
