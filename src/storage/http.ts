import type { OffRecord, RecordKind, RecordOf } from '../model/records.js';
import { sortRecords } from '../model/sort.js';
import { ChangeFeed } from './change-feed.js';
import { UnavailableError } from './errors.js';
import { HttpApi } from './http-api.js';
import { ListCache } from './http-list-cache.js';
import { ServerMirror } from './http-mirror.js';
import { mayHavePendingOnServer } from './http-pending-marker.js';
import { EditTokens } from './http-tokens.js';
import type { HttpWrites } from './http-writes.js';
import { LazyStore } from './lazy.js';
import { LoadOnce } from './load-once.js';
import { isEventQuery } from './list-query.js';
import type { PendingHome } from './pending-marker.js';
import { Reachability } from './reachability.js';
import { PERSISTENT_ONLINE } from './statuses.js';
import type { ChangeListener, ListQuery, OffStore, PendingQuery, PendingWrite, PutOptions, StoreStatus } from './store.js';

export interface HttpStoreOptions {
  /** Requests `putMany` keeps in flight: browsers open about six connections per server and the live stream holds one. */
  concurrency?: number;
  /** First delay before pending writes are sent again, doubled after each failure (up to a minute), with jitter. */
  retryBaseMs?: number;
  /**
   * How long a list kept on this device from an earlier visit waits for what changed since before it is shown as it
   * is, what changed following when it arrives. Default 0: a returning visitor's board renders at once.
   */
  showKeptListAfterMs?: number;
}

const OFFLINE: StoreStatus = { persistent: true, online: false, reason: 'offline' };
const FIRST_CONTACT_TIMEOUT_MS = 5000;

/**
 * Records on a reference server, shared by everyone who visits the event site.
 *
 * Writes the server cannot take right now (offline, server down, rate-limited) wait in the
 * outbox and resolve with a provisional record, stamped here and announced like any other
 * put; `pending()` lists them. When a pending create reaches the server, the feed announces
 * `remove` of the provisional id and `put` of the server's record (a new id), in either
 * order: the live stream may bring the put first. The writes and their outbox (`HttpWrites`)
 * are loaded once the page writes, or writes may be pending: until then, reads go straight
 * to the server. Reads fall back to the last list seen. Edit tokens stay on this device: only
 * records created here can be changed from here.
 */
export class HttpStore implements OffStore {
  private readonly api: HttpApi;
  private readonly feed: ChangeFeed;
  private readonly tokens: EditTokens;
  private readonly lists: ListCache;
  private readonly mirror: ServerMirror;
  private readonly reach = new Reachability(() => this.statusChanged());
  /** Where the outbox keeps this server's pending writes, and the marker that says whether it holds any. */
  private readonly home: PendingHome;
  private readonly concurrency: number;
  private readonly retryBaseMs: number;
  private opening?: Promise<StoreStatus>;

  /** The writes and their outbox, loaded once; a load that failed (offline, not cached yet) is tried again on the next call. */
  private readonly writes = new LoadOnce(async () => {
    const { HttpWrites } = await import('./http-writes.js');
    const { api, feed, tokens, lists, mirror, reach, home } = this;
    const writes = new HttpWrites(
      {
        api,
        feed,
        tokens,
        lists,
        mirror,
        reach,
        home,
        status: () => this.status,
        ready: () => this.ready(),
        listed: (kind, query, shown) => this.listed(kind, query, shown),
        stored: (kind, id) => this.stored(kind, id),
      },
      this.concurrency,
      this.retryBaseMs,
    );
    // Counted before any write is sent: new writes queue behind those waiting.
    await writes.recount();
    return writes;
  });

  constructor(baseUrl: string, { concurrency = 4, retryBaseMs = 1000, showKeptListAfterMs = 0 }: HttpStoreOptions = {}) {
    const base = new URL(baseUrl.trim(), document.baseURI).href.replace(/\/+$/, '');
    this.api = new HttpApi(base);
    // Other tabs hear server-confirmed changes from the server; the channel carries only provisional ones.
    this.feed = new ChangeFeed(`off-layer:http:${base}`);
    this.tokens = new EditTokens(base, () => this.statusChanged());
    this.lists = new ListCache(base);
    this.mirror = new ServerMirror(this.api, this.lists, this.feed, showKeptListAfterMs, {
      reachable: (reachable) => this.reach.set(reachable),
      reconnected: () => void this.flush(),
    });
    this.home = { name: base, keptIn: 'device' };
    this.concurrency = concurrency;
    this.retryBaseMs = retryBaseMs;
    void this.ready();
  }

  get status(): StoreStatus {
    const status = this.reach.reachable ? PERSISTENT_ONLINE : OFFLINE;
    return this.tokens.kept ? status : { ...status, editRightsKept: false };
  }

  /** Settles once the server answered (or failed to) and the writes left pending by an earlier visit were sent. */
  ready(): Promise<StoreStatus> {
    return (this.opening ??= this.open());
  }

  prepareWrites(): void {
    this.api.prepareCreates();
  }

  /** True when this device holds the edit token of the record (or its create is pending): show edit and delete only then. */
  async canEdit(kind: RecordKind, id: string): Promise<boolean> {
    const writes = await this.writesIfPending();
    if (writes) return writes.canEdit(kind, id);
    return (await this.tokens.get(kind, id)) !== undefined;
  }

  list<K extends RecordKind>(kind: K, query: ListQuery = {}): Promise<RecordOf[K][]> {
    // Asked along with the list, not before it: on a first visit, looking for pending writes takes a database lookup.
    const writes = this.writesIfPending();
    return this.listed(kind, query, async (records) => (await writes)?.shown(kind, query, records) ?? records);
  }

  async get<K extends RecordKind>(kind: K, id: string): Promise<RecordOf[K]> {
    const writes = await this.writesIfPending();
    return writes ? writes.get(kind, id) : this.stored(kind, id);
  }

  async put<K extends RecordKind>(kind: K, input: unknown, options?: PutOptions): Promise<RecordOf[K]> {
    return (await this.writes.load()).put(kind, input, options);
  }

  async putMany<K extends RecordKind>(kind: K, inputs: unknown[]): Promise<RecordOf[K][]> {
    return (await this.writes.load()).putMany(kind, inputs);
  }

  async remove(kind: RecordKind, id: string): Promise<void> {
    return (await this.writes.load()).remove(kind, id);
  }

  async pending(query?: PendingQuery): Promise<PendingWrite[]> {
    const writes = await this.writesIfPending();
    return writes ? writes.pending(query) : [];
  }

  async discardPending(key: string): Promise<void> {
    return (await this.writes.load()).discardPending(key);
  }

  subscribe(listener: ChangeListener): () => void {
    return this.feed.subscribe(listener);
  }

  close(): void {
    this.mirror.close();
    void this.writes.begun?.then((writes) => writes.close(), () => {});
    this.feed.close();
  }

  /**
   * Sends pending writes in order, if any may be pending; runs by itself at load and when the stream reconnects, and once
   * the writes are loaded, when online again, when visible, with backoff.
   */
  async flush(): Promise<void> {
    await (await this.writesIfPending())?.flush();
  }

  /**
   * Lists of one host event (or all) are kept for offline reading and followed after a reconnect; a list narrowed further
   * (a place, an organizer, upcoming…) is read from the server, and offline is picked from the records kept. `shown`
   * adds the writes pending.
   */
  private async listed<K extends RecordKind>(kind: K, query: ListQuery, shown: (records: OffRecord[]) => Promise<OffRecord[]>): Promise<RecordOf[K][]> {
    try {
      const records = await this.reach.of(isEventQuery(query) ? this.mirror.read(kind, query.event) : this.api.list(kind, query));
      return sortRecords(kind, await shown(records)) as RecordOf[K][];
    } catch (error) {
      if (!(error instanceof UnavailableError)) throw error;
      const cached = await this.lists.offline(kind, query);
      const records = await shown(cached ?? []);
      if (!cached && records.length === 0) throw error;
      return sortRecords(kind, records) as RecordOf[K][];
    }
  }

  private async stored<K extends RecordKind>(kind: K, id: string): Promise<RecordOf[K]> {
    try {
      return (await this.reach.of(this.api.get(kind, id))) as RecordOf[K];
    } catch (error) {
      const cached = error instanceof UnavailableError ? (await this.lists.byId(kind)).get(id) : undefined;
      if (cached) return cached as RecordOf[K];
      throw error;
    }
  }

  private async open(): Promise<StoreStatus> {
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, FIRST_CONTACT_TIMEOUT_MS));
    const [writes] = await Promise.all([this.writesIfPending(), Promise.race([this.mirror.firstContact, timeout])]);
    await writes?.flush();
    return this.status;
  }

  /** The writes, if this page loaded them or writes may be pending (`mayHavePendingOnServer`); reads go on without them if they cannot load. */
  private async writesIfPending(): Promise<HttpWrites | undefined> {
    if (!this.writes.begun && !(await mayHavePendingOnServer(this.home))) return undefined;
    return this.writes.load().catch((error: unknown) => {
      console.warn('off-layer: pending writes could not be loaded.', error);
      return undefined;
    });
  }

  private statusChanged(): void {
    this.feed.emit({ type: 'status', status: this.status }, { localOnly: true });
  }
}

/** A store on the reference server at `baseUrl`: its `/api` root, e.g. `https://example.org/api`, or `/api` on this site. */
export function createHttpStore(baseUrl: string, options?: HttpStoreOptions): HttpStore {
  return new HttpStore(baseUrl, options);
}

/** Whether this device may change a record: always in a local store, only with its edit token on a server. */
export async function canEdit(store: OffStore, kind: RecordKind, id: string): Promise<boolean> {
  const adapter = store instanceof LazyStore ? await store.adapter() : store;
  return adapter instanceof HttpStore ? adapter.canEdit(kind, id) : true;
}
