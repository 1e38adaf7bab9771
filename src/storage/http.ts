import type { OffRecord, RecordKind, RecordOf } from '../model/records.js';
import { sortRecords } from '../model/sort.js';
import { requestsFor } from './batch-planner.js';
import { ChangeFeed } from './change-feed.js';
import { NotFoundError, StorageError, UnavailableError } from './errors.js';
import { HttpApi } from './http-api.js';
import { HttpDelivery, sendInTurns } from './http-delivery.js';
import { entryForWrite, withdrawalOf } from './http-write-plan.js';
import { ListCache } from './http-list-cache.js';
import { ServerMirror } from './http-mirror.js';
import { EditTokens } from './http-tokens.js';
import { LazyStore } from './lazy.js';
import { isEventQuery, matchesQuery } from './list-query.js';
import { Outbox } from './outbox.js';
import { OutboxSender } from './outbox-sender.js';
import { OutboxStore } from './outbox-store.js';
import { idbTable, keyValueTable } from './outbox-tables.js';
import { isCreate, isCreateOf, isPut, targetId, withPending, type PendingCreate, type PendingEntry, type PendingPut } from './pending-entry.js';
import { Reachability } from './reachability.js';
import { recordChecks } from './record-store.js';
import { PERSISTENT_ONLINE } from './statuses.js';
import type { ListQuery, OffStore, PutOptions, SentWrite, StoreStatus } from './store.js';

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
 * order: the live stream may bring the put first. How each write is replayed safely is
 * `HttpDelivery`'s job; sending them in order, with backoff, is `OutboxSender`'s.
 * Reads fall back to the last list seen. Edit tokens stay on this device: only
 * records created here can be changed from here.
 */
export class HttpStore extends OutboxStore {
  private readonly api: HttpApi;
  protected readonly feed: ChangeFeed;
  private readonly tokens: EditTokens;
  private readonly lists: ListCache;
  private readonly mirror: ServerMirror;
  protected readonly outbox: Outbox;
  private readonly delivery: HttpDelivery;
  private readonly sender: OutboxSender;
  private readonly reach = new Reachability(() => this.statusChanged());
  private readonly concurrency: number;
  /** Writes still to be sent: new writes queue behind them. */
  private waitingCount = 0;
  private opening?: Promise<StoreStatus>;

  constructor(baseUrl: string, { concurrency = 4, retryBaseMs = 1000, showKeptListAfterMs = 0 }: HttpStoreOptions = {}) {
    super();
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
    this.outbox = new Outbox(base, [idbTable, keyValueTable(base, () => localStorage)]);
    this.delivery = new HttpDelivery(this.api, this.tokens, this.outbox, this.feed);
    this.sender = new OutboxSender(
      this.outbox,
      {
        send: (entries) => this.send(entries),
        delivered: (entries, records, followUps) => this.delivered(entries, records, followUps),
        refused: (entries, error) => this.refused(entries, error),
      },
      retryBaseMs,
    );
    this.concurrency = concurrency;
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
    if ((await this.waiting(kind)).some(isCreateOf(id))) return true;
    return (await this.tokens.get(kind, id)) !== undefined;
  }

  /**
   * Lists of one host event (or all) are kept for offline reading and followed after a reconnect; a list narrowed further
   * (a place, an organizer, upcoming…) is read from the server, and offline is picked from the records kept.
   */
  async list<K extends RecordKind>(kind: K, query: ListQuery = {}): Promise<RecordOf[K][]> {
    const belongs = matchesQuery(kind, query);
    try {
      const records = await this.reach.of(isEventQuery(query) ? this.mirror.read(kind, query.event) : this.api.list(kind, query));
      return sortRecords(kind, withPending(records, await this.waiting(kind), belongs)) as RecordOf[K][];
    } catch (error) {
      if (!(error instanceof UnavailableError)) throw error;
      const cached = await this.lists.offline(kind, query);
      const records = withPending(cached ?? [], await this.waiting(kind), belongs);
      if (!cached && records.length === 0) throw error;
      return sortRecords(kind, records) as RecordOf[K][];
    }
  }

  protected async stored<K extends RecordKind>(kind: K, id: string): Promise<RecordOf[K]> {
    try {
      return (await this.reach.of(this.api.get(kind, id))) as RecordOf[K];
    } catch (error) {
      const cached = error instanceof UnavailableError ? (await this.lists.byId(kind)).get(id) : undefined;
      if (cached) return cached as RecordOf[K];
      throw error;
    }
  }

  async remove(kind: RecordKind, id: string): Promise<void> {
    const waiting = await this.waiting(kind);
    const pendingCreate = waiting.find(isCreateOf(id));
    if (pendingCreate) {
      await this.withdraw(pendingCreate, waiting);
      this.feed.emit({ type: 'remove', kind, id });
      return;
    }
    if (waiting.some((entry) => !isPut(entry) && entry.id === id)) throw new NotFoundError(id);
    if (!(await this.tokens.get(kind, id))) await this.refuseWithoutToken(kind, id);
    const entry = this.outbox.entryFor({ op: 'remove', kind, id });
    const { sent } = await this.sendOrKeep([entry]);
    if (sent.has(entry.key)) this.mirror.announceRemoval(kind, id);
    else this.feed.emit({ type: 'remove', kind, id });
  }

  close(): void {
    this.mirror.close();
    this.sender.stop();
    this.feed.close();
  }

  /** Sends pending writes in order; runs by itself at load, when online again, when visible, when the stream reconnects, with backoff. */
  flush(): Promise<void> {
    return this.sender.flush().finally(() => this.recount());
  }

  /** One request to the server. */
  private send(entries: PendingEntry[]): Promise<(OffRecord | undefined)[]> {
    return this.reach.of(this.delivery.send(entries));
  }

  /** Pending writes the server took: the provisional records give way to the server's. */
  private delivered(entries: PendingEntry[], records: (OffRecord | undefined)[], followUps: PendingEntry[]): void {
    const sent: SentWrite[] = entries.map((entry, index) => ({ kind: entry.kind, id: targetId(entry), record: records[index] }));
    for (const entry of entries) {
      if (entry.op === 'remove') this.mirror.removalShown(entry.kind, entry.id);
      if (isCreate(entry)) this.feed.emit({ type: 'remove', kind: entry.kind, id: entry.record.id });
    }
    this.mirror.announce(entries[0].kind, records);
    // A create changed while it was sent is shown at once as its follow-up will leave it.
    for (const next of followUps) {
      this.feed.emit(isPut(next) ? { type: 'put', kind: next.kind, records: [next.record] } : { type: 'remove', kind: next.kind, id: next.id });
    }
    void this.pendingChanged(sent);
  }

  /** Pending writes the server will never take: kept for the person to see, and the server's version shown again. */
  private async refused(entries: PendingEntry[], error: unknown): Promise<void> {
    const [first] = entries;
    if (first.op === 'remove' && error instanceof NotFoundError) {
      await this.outbox.delete(first.key);
      return this.pendingChanged();
    }
    await this.outbox.refuse(entries, error instanceof StorageError ? error.code : 'unavailable');
    for (const entry of entries) await this.showStoredVersion(entry);
    await this.pendingChanged();
  }

  private async open(): Promise<StoreStatus> {
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, FIRST_CONTACT_TIMEOUT_MS));
    await Promise.all([this.recount(), Promise.race([this.mirror.firstContact, timeout])]);
    await this.flush();
    return this.status;
  }

  private async withdraw(create: PendingCreate, waiting: PendingEntry[]): Promise<void> {
    const withdrawal = withdrawalOf(create, waiting);
    if ('keep' in withdrawal) await this.outbox.save([withdrawal.keep]);
    else await this.outbox.delete(withdrawal.drop);
    await this.pendingChanged();
  }

  protected async write<K extends RecordKind>(kind: K, inputs: unknown[], options: PutOptions): Promise<RecordOf[K][]> {
    const valid = (await recordChecks()).validateAll(kind, inputs);
    const waiting = await this.waiting(kind);
    // Read once for the whole batch: the provisional record of an update keeps the createdAt last seen.
    const cached = valid.some((input) => input.id !== undefined) ? await this.lists.byId(kind) : new Map<string, OffRecord>();
    const context = { outbox: this.outbox, waiting, cached, mayEdit: (editKind: RecordKind, id: string) => this.mayEdit(editKind, id) };
    const entries = await Promise.all(valid.map((input) => entryForWrite(kind, input, options, context)));
    const amended = entries.filter((entry) => waiting.some((each) => each.key === entry.key));
    if (amended.length) {
      await this.outbox.save(amended);
      this.feed.emit({ type: 'put', kind, records: amended.map((entry) => entry.record) });
      await this.pendingChanged();
    }
    const { sent, kept } = await this.sendOrKeep(entries.filter((entry) => !amended.includes(entry)));
    this.mirror.announce(kind, [...sent.values()]);
    if (kept.length) this.feed.emit({ type: 'put', kind, records: kept.map((entry) => (entry as PendingPut).record) });
    return entries.map((entry) => (sent.get(entry.key) ?? entry.record) as RecordOf[K]);
  }

  /**
   * Whether this device holds the record's edit token. Without it, it may still create a host event under an id nobody
   * took (the server says 409 otherwise), but changes nothing else: say whether the record does not exist or is someone else's.
   */
  private async mayEdit(kind: RecordKind, id: string): Promise<boolean> {
    if (await this.tokens.get(kind, id)) return true;
    if (kind !== 'event') await this.refuseWithoutToken(kind, id);
    return false;
  }

  /** Without its edit token this device may not change a record: say whether it does not exist or is someone else's. */
  private async refuseWithoutToken(kind: RecordKind, id: string): Promise<never> {
    await this.get(kind, id);
    throw new StorageError('forbidden');
  }

  /** Sends writes in turns (`sendInTurns`); keeps in the outbox what must wait, and throws the first refusal after recording what was sent before it. */
  private async sendOrKeep(entries: PendingEntry[]): Promise<{ sent: Map<string, OffRecord | undefined>; kept: PendingEntry[] }> {
    const { sent, kept, slowDown, refusal } = await sendInTurns(requestsFor(entries), this.concurrency, () => this.waitingCount > 0, (request) => this.send(request));
    if (kept.length) {
      await this.outbox.save(kept);
      await this.pendingChanged();
      if (slowDown !== undefined || !this.reach.reachable) this.sender.later(slowDown);
      else void this.flush();
    }
    if (refusal !== undefined) {
      this.mirror.announce(entries[0].kind, [...sent.values()]);
      throw refusal;
    }
    return { sent, kept };
  }

  /** Tells listeners the pending writes changed. */
  protected async pendingChanged(sent: SentWrite[] = []): Promise<void> {
    await this.recount({ announce: false });
    this.feed.emit({ type: 'pending', sent });
  }

  /** Counts the writes waiting (new writes queue behind them); a changed count is announced unless told otherwise. */
  private async recount({ announce = true } = {}): Promise<void> {
    let waiting: number;
    try {
      waiting = (await this.outbox.entries()).filter((entry) => !entry.failure).length;
    } catch (error) {
      console.warn('off-layer: pending writes could not be read.', error);
      waiting = 0;
    }
    if (waiting === this.waitingCount) return;
    this.waitingCount = waiting;
    if (announce) this.feed.emit({ type: 'pending', sent: [] });
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
