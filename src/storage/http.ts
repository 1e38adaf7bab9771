import type { OffRecord, RecordKind, RecordOf } from '../model/records.js';
import { sortRecords } from '../model/sort.js';
import { stampRecord } from '../model/stamp.js';
import { nowIso } from '../model/time.js';
import type { Validated } from '../model/validate.js';
import { requestsFor, sentWith } from './batch-planner.js';
import { ChangeFeed } from './change-feed.js';
import { isTransient, NotFoundError, StorageError, UnavailableError } from './errors.js';
import { HttpApi } from './http-api.js';
import { HttpDelivery } from './http-delivery.js';
import { ListCache } from './http-list-cache.js';
import { SeenRecords } from './http-seen.js';
import { ListSync } from './http-sync.js';
import { LiveStream } from './http-stream.js';
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

function recordsIn(results: (OffRecord | undefined)[]): OffRecord[] {
  return results.filter((record): record is OffRecord => record !== undefined);
}

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
  private readonly sync: ListSync;
  protected readonly outbox: Outbox;
  private readonly delivery: HttpDelivery;
  private readonly sender: OutboxSender;
  private readonly seen = new SeenRecords();
  private readonly reach = new Reachability(() => this.statusChanged());
  private readonly stream: LiveStream;
  private readonly concurrency: number;
  private streamDropped = false;
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
    this.sync = new ListSync(this.api, this.lists, this.seen, (kind, puts, removedIds) => {
      if (puts.length) this.feed.emit({ type: 'put', kind, records: puts }, { localOnly: true });
      for (const id of removedIds) this.feed.emit({ type: 'remove', kind, id }, { localOnly: true });
    }, showKeptListAfterMs);
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
    this.stream = new LiveStream(this.api.streamUrl, {
      onOpen: () => this.streamOpened(),
      onDown: () => {
        this.streamDropped = true;
        this.reach.set(false);
      },
      onPut: (kind, records) => this.announce(kind, records),
      onRemove: (kind, id) => this.announceRemoval(kind, id),
      onReload: () => void this.sync.catchUp(),
    });
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
    const { event } = query;
    const belongs = matchesQuery(kind, query);
    const kept = isEventQuery(query);
    try {
      const records = await this.reach.of(kept ? this.sync.read(kind, event) : this.api.list(kind, query));
      return sortRecords(kind, withPending(records, await this.waiting(kind), belongs)) as RecordOf[K][];
    } catch (error) {
      if (!(error instanceof UnavailableError)) throw error;
      const cached = kept ? (await this.lists.load(kind, event))?.records : await this.keptMatching(kind, belongs);
      const records = withPending(cached ?? [], await this.waiting(kind), belongs);
      if (!cached && records.length === 0) throw error;
      return sortRecords(kind, records) as RecordOf[K][];
    }
  }

  /** Records of the lists kept for offline reading that belong to a narrower list; undefined when none does. */
  private async keptMatching(kind: RecordKind, belongs: (record: OffRecord) => boolean): Promise<OffRecord[] | undefined> {
    const matching = [...(await this.lists.byId(kind)).values()].filter(belongs);
    return matching.length ? matching : undefined;
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
    if (sent.has(entry.key)) this.announceRemoval(kind, id);
    else this.feed.emit({ type: 'remove', kind, id });
  }

  close(): void {
    this.stream.close();
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
      if (entry.op === 'remove') this.seen.unseenRemoval(entry.kind, entry.id);
      if (isCreate(entry)) this.feed.emit({ type: 'remove', kind: entry.kind, id: entry.record.id });
    }
    const confirmed = recordsIn(records);
    if (confirmed.length) this.announce(entries[0].kind, confirmed);
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
    await Promise.all([this.recount(), Promise.race([this.stream.firstContact, timeout])]);
    await this.flush();
    return this.status;
  }

  /**
   * A pending create removed here: a create alone, or the last of its batch, is withdrawn in its place
   * in the queue; another of its batch is dropped (the batch sent again reveals it, and it is removed then).
   */
  private async withdraw(create: PendingCreate, waiting: PendingEntry[]): Promise<void> {
    const { kind, key, idempotencyKey, queuedAt, options, batch, record } = create;
    const withdrawal = { kind, id: record.id, options, key, queuedAt } as const;
    if (!batch) await this.outbox.save([{ ...withdrawal, op: 'withdraw', idempotencyKey }]);
    else if (sentWith(create, waiting).length > 1) await this.outbox.delete(key);
    else await this.outbox.save([{ ...withdrawal, op: 'withdraw-batch', idempotencyKey: batch.idempotencyKey }]);
    await this.pendingChanged();
  }

  protected async write<K extends RecordKind>(kind: K, inputs: unknown[], options: PutOptions): Promise<RecordOf[K][]> {
    const valid = (await recordChecks()).validateAll(kind, inputs);
    const waiting = await this.waiting(kind);
    // Read once for the whole batch: the provisional record of an update keeps the createdAt last seen.
    const cached = valid.some((input) => input.id !== undefined) ? await this.lists.byId(kind) : new Map<string, OffRecord>();
    const entries = await Promise.all(valid.map((input) => this.entryFor(kind, input, options, waiting, cached)));
    const amended = entries.filter((entry) => waiting.some((each) => each.key === entry.key));
    if (amended.length) {
      await this.outbox.save(amended);
      this.feed.emit({ type: 'put', kind, records: amended.map((entry) => entry.record) });
      await this.pendingChanged();
    }
    const { sent, kept } = await this.sendOrKeep(entries.filter((entry) => !amended.includes(entry)));
    const confirmed = recordsIn([...sent.values()]);
    if (confirmed.length) this.announce(kind, confirmed);
    if (kept.length) this.feed.emit({ type: 'put', kind, records: kept.map((entry) => (entry as PendingPut).record) });
    return entries.map((entry) => (sent.get(entry.key) ?? entry.record) as RecordOf[K]);
  }

  /** The outbox entry for one validated input, its provisional record stamped here. */
  private async entryFor<K extends RecordKind>(
    kind: K,
    input: Validated<K>,
    options: PutOptions,
    waiting: PendingEntry[],
    cached: Map<string, OffRecord>,
  ): Promise<PendingPut> {
    const { id, ...fields } = input;
    if (id === undefined) return this.outbox.entryFor({ op: 'create', kind, input: fields, options, record: stampRecord(input, undefined) });
    // A host event's creator chooses its id: it is sent with the create, and the server refuses one already taken (409).
    const sent = kind === 'event' ? input : fields;
    const pendingCreate = waiting.find(isCreateOf(id));
    // Still pending: the create itself is amended, keeping its place in the queue and its idempotency key.
    if (pendingCreate) {
      return { ...pendingCreate, op: 'amended-create', input: sent, record: stampRecord(input, pendingCreate.record as RecordOf[K]) };
    }
    const token = await this.tokens.get(kind, id);
    if (!token && kind === 'event') return this.outbox.entryFor({ op: 'create', kind, input: sent, options, record: stampRecord(input, { id }) });
    if (!token) await this.refuseWithoutToken(kind, id);
    const pendingReplace = waiting.findLast((entry): entry is PendingPut => entry.op === 'replace' && entry.id === id);
    const current = pendingReplace?.record ?? cached.get(id);
    const known = (current ?? { id, createdAt: nowIso() }) as RecordOf[K];
    return this.outbox.entryFor({ op: 'replace', kind, id, input: fields, record: stampRecord(input, known) });
  }

  /** Without its edit token this device may not change a record: say whether it does not exist or is someone else's. */
  private async refuseWithoutToken(kind: RecordKind, id: string): Promise<never> {
    await this.get(kind, id);
    throw new StorageError('forbidden');
  }

  /**
   * Sends writes a few requests at a time. Those the server cannot take now (unreachable,
   * rate-limited), and every later one, are kept in the outbox; so are all of them while older
   * writes wait there, so that the server applies writes in the order they were made.
   * Throws the first refusal after recording what was sent before it.
   */
  private async sendOrKeep(entries: PendingEntry[]): Promise<{ sent: Map<string, OffRecord | undefined>; kept: PendingEntry[] }> {
    const sent = new Map<string, OffRecord | undefined>();
    const kept: PendingEntry[] = [];
    let refusal: unknown;
    let slowDown: unknown;
    const requests = requestsFor(entries);
    for (let start = 0; start < requests.length && refusal === undefined; start += this.concurrency) {
      const batch = requests.slice(start, start + this.concurrency);
      if (kept.length || this.waitingCount > 0) {
        kept.push(...batch.flat());
        continue;
      }
      const outcomes = await Promise.allSettled(batch.map((request) => this.send(request)));
      outcomes.forEach((outcome, index) => {
        const request = batch[index];
        if (outcome.status === 'fulfilled') request.forEach((entry, position) => sent.set(entry.key, outcome.value[position]));
        else if (isTransient(outcome.reason)) {
          kept.push(...request);
          slowDown ??= outcome.reason;
        } else refusal ??= outcome.reason;
      });
    }
    if (kept.length) {
      await this.outbox.save(kept);
      await this.pendingChanged();
      if (slowDown !== undefined || !this.reach.reachable) this.sender.later(slowDown);
      else void this.flush();
    }
    if (refusal !== undefined) {
      const confirmed = recordsIn([...sent.values()]);
      if (confirmed.length) this.announce(entries[0].kind, confirmed);
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

  private streamOpened(): void {
    this.reach.set(true);
    if (!this.streamDropped) return;
    this.streamDropped = false;
    // Nothing was streamed to us while we were away: send what is pending, fetch what others did.
    void this.flush();
    void this.sync.catchUp();
  }

  /** Announces server records this page has not been told about in this version (ours come back on the stream too). */
  private announce(kind: RecordKind, records: OffRecord[]): void {
    const fresh = this.seen.unseen(kind, records);
    if (fresh.length) this.feed.emit({ type: 'put', kind, records: fresh }, { localOnly: true });
  }

  private announceRemoval(kind: RecordKind, id: string): void {
    if (this.seen.unseenRemoval(kind, id)) this.feed.emit({ type: 'remove', kind, id }, { localOnly: true });
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
