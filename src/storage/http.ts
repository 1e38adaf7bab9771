import type { OffRecord, RecordKind, RecordOf } from '../model/records.js';
import { sortRecords } from '../model/sort.js';
import { stampRecord } from '../model/stamp.js';
import { nowIso } from '../model/time.js';
import type { Validated } from '../model/validate.js';
import { ChangeFeed } from './change-feed.js';
import { NotFoundError, StorageError, UnavailableError } from './errors.js';
import { HttpApi, type Created } from './http-api.js';
import { Backoff } from './http-backoff.js';
import { isTransient, RateLimitedError } from './http-errors.js';
import { LazyStore } from './lazy.js';
import { ListCache } from './http-list-cache.js';
import { SeenRecords } from './http-seen.js';
import { LiveStream } from './http-stream.js';
import { EditTokens } from './http-tokens.js';
import { Outbox, type BatchPlace, type OutboxEntry, type QueuedPut } from './outbox.js';
import { recordChecks } from './record-store.js';
import { PERSISTENT_ONLINE } from './statuses.js';
import type { ChangeListener, ListQuery, OffStore, PutOptions, StoreStatus } from './store.js';

export interface HttpStoreOptions {
  /** Requests `putMany` keeps in flight: browsers open about six connections per server and the live stream holds one. */
  concurrency?: number;
  /** First delay before the outbox is sent again, doubled after each failure (up to a minute). */
  retryBaseMs?: number;
}

/** A write waiting in the outbox; `failure` is set when the server refused it for good (it is kept, not retried). */
export type PendingWrite = Pick<OutboxEntry, 'key' | 'kind' | 'op' | 'failure'> & { id: string; record?: OffRecord };

/** Creates sent in one request by `putMany`: the server takes up to 1,000 records and 2 MB. */
const CREATES_PER_REQUEST = 500;
const BYTES_PER_REQUEST = 1_900_000;

const OFFLINE: StoreStatus = { persistent: true, online: false, reason: 'offline' };
const FIRST_CONTACT_TIMEOUT_MS = 5000;

/** The record a queued write is about: a create's provisional id, or the id it changes. */
function targetId(entry: OutboxEntry): string {
  return entry.op === 'create' ? entry.record.id : entry.id;
}

function isQueuedCreateOf(id: string) {
  return (entry: OutboxEntry): entry is Extract<OutboxEntry, { op: 'create' }> => entry.op === 'create' && entry.record.id === id;
}

type QueuedCreate = Extract<OutboxEntry, { op: 'create' }>;
type Withdrawal = Extract<OutboxEntry, { op: 'remove' }> & { withdraws: PutOptions };

function isWithdrawal(entry: OutboxEntry): entry is Withdrawal {
  return entry.op === 'remove' && entry.withdraws !== undefined;
}
type BatchedCreate = QueuedCreate & { batch: BatchPlace };

function isBatched(entry: OutboxEntry): entry is BatchedCreate {
  return entry.op === 'create' && entry.batch !== undefined;
}

function recordsIn(results: (OffRecord | undefined)[]): OffRecord[] {
  return results.filter((record): record is OffRecord => record !== undefined);
}

/** Creates sent in one request carry its idempotency key and their place in it, kept if they have to wait in the outbox. */
function inOneBatch(creates: QueuedCreate[]): BatchedCreate[] {
  const idempotencyKey = crypto.randomUUID();
  return creates.map((entry, index) => ({ ...entry, batch: { idempotencyKey, index, size: creates.length } }));
}

/** The queued writes to send in one request with `entry`: the creates of its batch still waiting, or itself alone. */
function sentWith(entry: OutboxEntry, waiting: OutboxEntry[]): OutboxEntry[] {
  if (!isBatched(entry)) return [entry];
  return waiting.filter((each) => isBatched(each) && each.batch.idempotencyKey === entry.batch.idempotencyKey);
}

/** What one request sends: consecutive creates together (within the server's limits), every other write alone. */
function requestsFor(entries: OutboxEntry[]): OutboxEntry[][] {
  const encoder = new TextEncoder();
  const requests: { entries: OutboxEntry[]; bytes: number }[] = [];
  for (const entry of entries) {
    const bytes = entry.op === 'create' ? encoder.encode(JSON.stringify(entry.input)).byteLength + 1 : 0;
    const last = requests.at(-1);
    const joins =
      entry.op === 'create' &&
      last?.entries[0].op === 'create' &&
      last.entries.length < CREATES_PER_REQUEST &&
      last.bytes + bytes <= BYTES_PER_REQUEST;
    if (joins) {
      last.entries.push(entry);
      last.bytes += bytes;
    } else requests.push({ entries: [entry], bytes });
  }
  return requests.map(({ entries }) => (entries.length === 1 ? entries : inOneBatch(entries as QueuedCreate[])));
}

/**
 * Records on a reference server, shared by everyone who visits the event site.
 *
 * Writes the server cannot take right now (offline, server down) wait in an
 * outbox in IndexedDB and resolve with a provisional record, stamped here and
 * announced like any other put. When a queued create reaches the server, the
 * feed announces `remove` of the provisional id and `put` of the server's
 * record (a new id), in either order: the live stream may bring the put first.
 * Creates sent in one batch request wait together and are sent again with its
 * idempotency key, so a batch the server wrote but whose answer was lost is not
 * written twice. A queued create edited meanwhile is edited on the server once it is
 * answered, even by a replay of the first answer; one removed meanwhile is withdrawn (a
 * single create) or removed when its batch is answered again. One edited or removed while
 * its request is in flight is, once answered, replaced in the queue by a replace or a
 * removal of the server's record, sent by the same flush.
 * Reads fall back to the last list seen. Edit tokens stay on this device: only
 * records created here can be changed from here.
 */
export class HttpStore implements OffStore {
  private readonly api: HttpApi;
  private readonly feed: ChangeFeed;
  private readonly tokens: EditTokens;
  private readonly lists: ListCache;
  private readonly outbox: Outbox;
  private readonly seen = new SeenRecords();
  private readonly retry: Backoff;
  private readonly stream: LiveStream;
  private readonly concurrency: number;
  private reachable = true;
  private streamDropped = false;
  private queued = 0;
  private opening?: Promise<StoreStatus>;
  private flushing?: Promise<void>;

  constructor(baseUrl: string, { concurrency = 4, retryBaseMs = 1000 }: HttpStoreOptions = {}) {
    const base = new URL(baseUrl.trim(), document.baseURI).href.replace(/\/+$/, '');
    this.api = new HttpApi(base);
    // Other tabs hear server-confirmed changes from the server; the channel carries only provisional ones.
    this.feed = new ChangeFeed(`off-layer:http:${base}`);
    this.tokens = new EditTokens(base);
    this.lists = new ListCache(base);
    this.outbox = new Outbox(base);
    this.concurrency = concurrency;
    this.retry = new Backoff(() => void this.flush(), retryBaseMs);
    this.stream = new LiveStream(this.api.streamUrl, {
      onOpen: () => this.streamOpened(),
      onDown: () => {
        this.streamDropped = true;
        this.setReachable(false);
      },
      onPut: (kind, records) => this.announce(kind, records),
      onRemove: (kind, id) => this.announceRemoval(kind, id),
    });
    addEventListener('online', this.flushNow);
    document.addEventListener('visibilitychange', this.flushWhenVisible);
    void this.ready();
  }

  get status(): StoreStatus {
    return this.reachable ? PERSISTENT_ONLINE : OFFLINE;
  }

  /** Settles once the server answered (or failed to) and the outbox left by an earlier visit was sent. */
  ready(): Promise<StoreStatus> {
    return (this.opening ??= this.open());
  }

  /** Writes waiting to be sent; the feed announces a `status` change whenever this changes. */
  pendingCount(): number {
    return this.queued;
  }

  /** Queued writes, oldest first, including those the server refused for good. */
  async pendingWrites(): Promise<PendingWrite[]> {
    return (await this.outbox.entries()).map((entry) => ({
      key: entry.key,
      kind: entry.kind,
      op: entry.op,
      failure: entry.failure,
      id: targetId(entry),
      record: entry.op === 'remove' ? undefined : entry.record,
    }));
  }

  /** Drops a queued write, typically one the server refused, once the person has seen it. */
  async discardPending(key: string): Promise<void> {
    const entry = (await this.outbox.entries()).find((each) => each.key === key);
    if (!entry) return;
    await this.outbox.delete(key);
    await this.countQueued();
    if (entry.failure) return;
    // Its provisional effect was shown: undo it.
    if (entry.op === 'create') this.feed.emit({ type: 'remove', kind: entry.kind, id: entry.record.id });
    else await this.showServerVersion(entry.kind, entry.id);
  }

  /** True when this device holds the edit token of the record (or queued its creation): show edit and delete only then. */
  async canEdit(kind: RecordKind, id: string): Promise<boolean> {
    if ((await this.queuedEntries(kind)).some(isQueuedCreateOf(id))) return true;
    return (await this.tokens.get(kind, id)) !== undefined;
  }

  async list<K extends RecordKind>(kind: K, { event }: ListQuery = {}): Promise<RecordOf[K][]> {
    try {
      const records = await this.reach(this.api.list(kind, event));
      this.lists.save(kind, event, records);
      this.seen.listed(kind, event, records);
      return sortRecords(kind, await this.withQueued(kind, event, records)) as RecordOf[K][];
    } catch (error) {
      if (!(error instanceof UnavailableError)) throw error;
      const cached = await this.lists.load(kind, event);
      const records = await this.withQueued(kind, event, cached ?? []);
      if (!cached && records.length === 0) throw error;
      return sortRecords(kind, records) as RecordOf[K][];
    }
  }

  async get<K extends RecordKind>(kind: K, id: string): Promise<RecordOf[K]> {
    const queued = (await this.queuedEntries(kind)).filter((entry) => targetId(entry) === id).at(-1);
    if (queued?.op === 'remove') throw new NotFoundError(id);
    if (queued) return queued.record as RecordOf[K];
    try {
      return (await this.reach(this.api.get(kind, id))) as RecordOf[K];
    } catch (error) {
      const cached = error instanceof UnavailableError ? (await this.lists.byId(kind)).get(id) : undefined;
      if (cached) return cached as RecordOf[K];
      throw error;
    }
  }

  async put<K extends RecordKind>(kind: K, input: unknown, options: PutOptions = {}): Promise<RecordOf[K]> {
    const [record] = await this.write(kind, [input], options);
    return record;
  }

  putMany<K extends RecordKind>(kind: K, inputs: unknown[]): Promise<RecordOf[K][]> {
    return this.write(kind, inputs, {});
  }

  async remove(kind: RecordKind, id: string): Promise<void> {
    const queued = await this.queuedEntries(kind);
    const queuedCreate = queued.find(isQueuedCreateOf(id));
    if (queuedCreate) {
      const { key, idempotencyKey, queuedAt, options, batch } = queuedCreate;
      const withdrawal = { op: 'remove', kind, id, withdraws: options, key, queuedAt } as const;
      // A batch sent again reveals its records removed here; a create alone, or the last of its batch, is
      // withdrawn in its place in the queue.
      if (!batch) await this.outbox.save([{ ...withdrawal, idempotencyKey }]);
      else if (sentWith(queuedCreate, queued).length > 1) await this.outbox.delete(key);
      else await this.outbox.save([{ ...withdrawal, idempotencyKey: batch.idempotencyKey, withdrawsBatch: true }]);
      await this.countQueued();
      this.feed.emit({ type: 'remove', kind, id });
      return;
    }
    if (queued.some((entry) => entry.op === 'remove' && entry.id === id)) throw new NotFoundError(id);
    if (!(await this.tokens.get(kind, id))) await this.refuseWithoutToken(kind, id);
    const entry = this.outbox.entryFor({ op: 'remove', kind, id });
    const { sent } = await this.sendOrQueue([entry]);
    if (sent.has(entry.key)) this.announceRemoval(kind, id);
    else this.feed.emit({ type: 'remove', kind, id });
  }

  subscribe(listener: ChangeListener): () => void {
    return this.feed.subscribe(listener);
  }

  close(): void {
    this.stream.close();
    this.retry.reset();
    removeEventListener('online', this.flushNow);
    document.removeEventListener('visibilitychange', this.flushWhenVisible);
    this.feed.close();
  }

  /**
   * Sends queued writes in order. Runs at load, on `online`, when the page becomes
   * visible, when the live stream reconnects, and with backoff after a failure.
   */
  flush(): Promise<void> {
    this.flushing ??= this.exclusively(() => this.sendQueued()).finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  private readonly flushNow = () => void this.flush();

  private readonly flushWhenVisible = () => {
    if (document.visibilityState === 'visible') void this.flush();
  };

  private async open(): Promise<StoreStatus> {
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, FIRST_CONTACT_TIMEOUT_MS));
    await Promise.all([this.countQueued(), Promise.race([this.stream.firstContact, timeout])]);
    await this.flush();
    return this.status;
  }

  private async write<K extends RecordKind>(kind: K, inputs: unknown[], options: PutOptions): Promise<RecordOf[K][]> {
    const valid = (await recordChecks()).validateAll(kind, inputs);
    const queued = await this.queuedEntries(kind);
    // Read once for the whole batch: the provisional record of an update keeps the createdAt last seen.
    const cached = valid.some((input) => input.id !== undefined) ? await this.lists.byId(kind) : new Map<string, OffRecord>();
    const entries = await Promise.all(valid.map((input) => this.entryFor(kind, input, options, queued, cached)));
    const amended = entries.filter((entry) => queued.some((each) => each.key === entry.key));
    if (amended.length) {
      await this.outbox.save(amended);
      this.feed.emit({ type: 'put', kind, records: amended.map((entry) => entry.record) });
    }
    const { sent, held } = await this.sendOrQueue(entries.filter((entry) => !amended.includes(entry)));
    const confirmed = recordsIn([...sent.values()]);
    if (confirmed.length) this.announce(kind, confirmed);
    if (held.length) this.feed.emit({ type: 'put', kind, records: held.map((entry) => (entry as QueuedPut).record) });
    return entries.map((entry) => (sent.get(entry.key) ?? entry.record) as RecordOf[K]);
  }

  /** The outbox entry for one validated input, its provisional record stamped here. */
  private async entryFor<K extends RecordKind>(
    kind: K,
    input: Validated<K>,
    options: PutOptions,
    queued: OutboxEntry[],
    cached: Map<string, OffRecord>,
  ): Promise<QueuedPut> {
    const { id, ...fields } = input;
    if (id === undefined) return this.outbox.entryFor({ op: 'create', kind, input: fields, options, record: stampRecord(input, undefined) });
    const queuedCreate = queued.find(isQueuedCreateOf(id));
    // Still queued: the create itself is amended, keeping its place in the queue and its idempotency key.
    if (queuedCreate) return { ...queuedCreate, input: fields, record: stampRecord(input, queuedCreate.record as RecordOf[K]), amended: true };
    if (!(await this.tokens.get(kind, id))) await this.refuseWithoutToken(kind, id);
    const queuedReplace = queued.findLast((entry): entry is QueuedPut => entry.op === 'replace' && entry.id === id);
    const current = queuedReplace?.record ?? cached.get(id);
    const known = (current ?? { id, createdAt: nowIso() }) as RecordOf[K];
    return this.outbox.entryFor({ op: 'replace', kind, id, input: fields, record: stampRecord(input, known) });
  }

  /** Without its edit token this device may not change a record: say whether it does not exist or is someone else's. */
  private async refuseWithoutToken(kind: RecordKind, id: string): Promise<never> {
    await this.get(kind, id);
    throw new StorageError('forbidden');
  }

  /**
   * Sends writes a few at a time. Those the server cannot be reached for, and every
   * later one, are held in the outbox; so are all of them while older writes wait
   * there, so that the server applies writes in the order they were made.
   * Throws the first refusal after recording what was sent before it.
   */
  private async sendOrQueue(entries: OutboxEntry[]): Promise<{ sent: Map<string, OffRecord | undefined>; held: OutboxEntry[] }> {
    const sent = new Map<string, OffRecord | undefined>();
    const held: OutboxEntry[] = [];
    let refusal: unknown;
    const requests = requestsFor(entries);
    for (let start = 0; start < requests.length && refusal === undefined; start += this.concurrency) {
      const batch = requests.slice(start, start + this.concurrency);
      if (held.length || this.queued > 0) {
        held.push(...batch.flat());
        continue;
      }
      const outcomes = await Promise.allSettled(batch.map((request) => this.reach(this.deliverTogether(request))));
      outcomes.forEach((outcome, index) => {
        const request = batch[index];
        if (outcome.status === 'fulfilled') request.forEach((entry, position) => sent.set(entry.key, outcome.value[position]));
        else if (outcome.reason instanceof UnavailableError) held.push(...request);
        else refusal ??= outcome.reason;
      });
    }
    if (held.length) {
      await this.outbox.save(held);
      await this.countQueued();
      if (!this.reachable) this.retry.schedule();
      else void this.flush();
    }
    if (refusal !== undefined) {
      const confirmed = recordsIn([...sent.values()]);
      if (confirmed.length) this.announce(entries[0].kind, confirmed);
      throw refusal;
    }
    return { sent, held };
  }

  /** One request: a single write, or the creates of one batch (their tokens are kept in one IndexedDB transaction). */
  private async deliverTogether(entries: OutboxEntry[]): Promise<(OffRecord | undefined)[]> {
    return isBatched(entries[0]) ? this.deliverBatch(entries as BatchedCreate[]) : [await this.deliver(entries[0])];
  }

  /**
   * Sends creates with the key of the batch they were first sent in. If the server wrote
   * that batch, it answers for all of it again, including records removed here since:
   * those are removed from the server too.
   */
  private async deliverBatch(creates: BatchedCreate[]): Promise<OffRecord[]> {
    const { kind, options, batch } = creates[0];
    const inputs = creates.map((entry) => entry.input);
    const answers = await this.api.createMany(kind, inputs, { idempotencyKey: batch.idempotencyKey, ...options });
    // A first write answers for the creates sent now; a replay, for every create first sent, in its place.
    const ours = answers.length === creates.length ? answers : creates.map((entry) => answers[entry.batch.index]);
    await this.keepTokensRemoving(kind, answers, answers.filter((answer) => !ours.includes(answer)));
    return Promise.all(creates.map((entry, index) => this.withAmendment(entry, ours[index])));
  }

  /** Keeps the tokens of records the server created for us, and queues the removal of those removed here meanwhile. */
  private async keepTokensRemoving(kind: RecordKind, answers: Created[], removedHere: Created[]): Promise<void> {
    await Promise.all(answers.map(({ record, editToken }) => this.tokens.save(kind, record.id, editToken)));
    if (!removedHere.length) return;
    await this.outbox.save(removedHere.map(({ record }) => this.outbox.entryFor({ op: 'remove', kind, id: record.id })));
    for (const { record } of removedHere) this.feed.emit({ type: 'remove', kind, id: record.id });
  }

  /** The server may answer an amended create as first sent: the amendment follows it, new each time (it may have changed again). */
  private async withAmendment(entry: QueuedCreate, { record, editToken }: Created): Promise<OffRecord> {
    if (!entry.amended) return record;
    return this.api.replace(entry.kind, record.id, entry.input, { idempotencyKey: crypto.randomUUID(), editToken });
  }

  /**
   * Removes a create removed here while it waited, if the server wrote it: sent again with its
   * key but no record, it gets the create's answer, or a refusal of the empty record, writing nothing.
   * A batch, all of whose creates were removed here, is withdrawn the same way with no records.
   */
  private async withdraw({ kind, idempotencyKey, withdraws, withdrawsBatch }: Withdrawal): Promise<undefined> {
    const headers = { idempotencyKey, ...withdraws };
    const refusedForGood = (error: unknown) => {
      if (isTransient(error)) throw error;
    };
    if (withdrawsBatch) {
      const answers = await this.api.createMany(kind, [], headers).catch(refusedForGood);
      if (answers) await this.keepTokensRemoving(kind, answers, answers);
      return undefined;
    }
    const created = await this.api.create(kind, {}, headers).catch(refusedForGood);
    // The delete may reuse the key: the server keys it apart from the create. The live stream announces it.
    if (created) await this.api.remove(kind, created.record.id, { idempotencyKey, editToken: created.editToken });
  }

  /** One write to the server; keeps the edit token of what it creates. */
  private async deliver(entry: OutboxEntry): Promise<OffRecord | undefined> {
    const { kind, idempotencyKey } = entry;
    if (entry.op === 'create') {
      const created = await this.api.create(kind, entry.input, { idempotencyKey, ...entry.options });
      await this.tokens.save(kind, created.record.id, created.editToken);
      return this.withAmendment(entry, created);
    }
    if (isWithdrawal(entry)) return this.withdraw(entry);
    const editToken = await this.tokens.get(kind, entry.id);
    if (entry.op === 'replace') return this.api.replace(kind, entry.id, entry.input, { idempotencyKey, editToken });
    await this.api.remove(kind, entry.id, { idempotencyKey, editToken });
    await this.tokens.forget(kind, entry.id);
    return undefined;
  }

  private async exclusively(task: () => Promise<void>): Promise<void> {
    if (!navigator.locks) return task();
    // One sender per server across this page's stores and other tabs, so no write is sent twice at once.
    await navigator.locks.request(`off-layer-outbox ${this.api.base}`, task);
  }

  private async sendQueued(): Promise<void> {
    try {
      // Writes queued while this runs are sent by it too: nothing else may come to flush them.
      const attempted = new Set<string>();
      let waiting = await this.unattempted(attempted);
      while (waiting.length) {
        for (const entry of waiting) {
          if (attempted.has(entry.key)) continue;
          const request = sentWith(entry, waiting);
          for (const each of request) attempted.add(each.key);
          if (!(await this.sendQueuedRequest(request))) return;
        }
        waiting = await this.unattempted(attempted);
      }
    } catch {
      // IndexedDB failed under us: the entries are still there for the next attempt.
    } finally {
      await this.countQueued();
    }
  }

  private async unattempted(attempted: Set<string>): Promise<OutboxEntry[]> {
    return (await this.outbox.entries()).filter((entry) => !entry.failure && !attempted.has(entry.key));
  }

  /** False when the server cannot take writes now: the rest waits for the next attempt. */
  private async sendQueuedRequest(entries: OutboxEntry[]): Promise<boolean> {
    try {
      const records = await this.reach(this.deliverTogether(entries));
      this.retry.reset();
      // A follow-up has a new key, not attempted yet: this flush sends it too.
      const followUps = await this.outbox.settle(entries, records);
      this.confirmQueued(entries, records, followUps);
    } catch (error) {
      if (isTransient(error)) {
        this.retry.schedule(error instanceof RateLimitedError ? error.retryAfterMs : 0);
        return false;
      }
      // A batch is written all or none: the server refused every record of it.
      await this.refuseQueued(entries, error);
    }
    return true;
  }

  private confirmQueued(entries: OutboxEntry[], records: (OffRecord | undefined)[], followUps: OutboxEntry[]): void {
    for (const entry of entries) {
      if (entry.op === 'remove') this.seen.unseenRemoval(entry.kind, entry.id);
      if (entry.op === 'create') this.feed.emit({ type: 'remove', kind: entry.kind, id: entry.record.id });
    }
    const confirmed = recordsIn(records);
    if (confirmed.length) this.announce(entries[0].kind, confirmed);
    // A create changed while it was sent is shown at once as its follow-up will leave it.
    for (const next of followUps) {
      this.feed.emit(next.op === 'remove' ? { type: 'remove', kind: next.kind, id: next.id } : { type: 'put', kind: next.kind, records: [next.record] });
    }
  }

  /** The server will never take these writes: keep them for the person to see, and show the server's version again. */
  private async refuseQueued(entries: OutboxEntry[], error: unknown): Promise<void> {
    const [first] = entries;
    if (first.op === 'remove' && error instanceof NotFoundError) {
      await this.outbox.delete(first.key);
      return;
    }
    await this.outbox.refuse(entries, error instanceof StorageError ? error.code : 'unavailable');
    for (const entry of entries) {
      if (entry.op === 'create') this.feed.emit({ type: 'remove', kind: entry.kind, id: entry.record.id });
      else await this.showServerVersion(entry.kind, entry.id);
    }
  }

  /** Replaces what this device showed of a record by what the server holds (or its absence). */
  private async showServerVersion(kind: RecordKind, id: string): Promise<void> {
    try {
      this.feed.emit({ type: 'put', kind, records: [await this.api.get(kind, id)] });
    } catch (error) {
      if (error instanceof NotFoundError) this.feed.emit({ type: 'remove', kind, id });
    }
  }

  /** Lists and records as this device will see them once its queued writes are sent. */
  private async withQueued(kind: RecordKind, event: string | undefined, records: OffRecord[]): Promise<OffRecord[]> {
    const byId = new Map(records.map((record) => [record.id, record]));
    for (const entry of await this.queuedEntries(kind)) {
      if (entry.op === 'remove' || (event !== undefined && entry.record.event !== event)) byId.delete(targetId(entry));
      else byId.set(entry.record.id, entry.record);
    }
    return [...byId.values()];
  }

  private async queuedEntries(kind: RecordKind): Promise<OutboxEntry[]> {
    try {
      return (await this.outbox.entries()).filter((entry) => entry.kind === kind && !entry.failure);
    } catch {
      return [];
    }
  }

  private async countQueued(): Promise<void> {
    let count: number;
    try {
      count = (await this.outbox.entries()).filter((entry) => !entry.failure).length;
    } catch {
      count = 0;
    }
    if (count === this.queued) return;
    this.queued = count;
    this.feed.emit({ type: 'status', status: this.status }, { localOnly: true });
  }

  /** Any answer from the server, even a refusal, shows it is reachable; only `UnavailableError` shows it is not. */
  private async reach<T>(request: Promise<T>): Promise<T> {
    try {
      const result = await request;
      this.setReachable(true);
      return result;
    } catch (error) {
      this.setReachable(!(error instanceof UnavailableError));
      throw error;
    }
  }

  private setReachable(reachable: boolean): void {
    if (reachable === this.reachable) return;
    this.reachable = reachable;
    this.feed.emit({ type: 'status', status: this.status }, { localOnly: true });
  }

  private streamOpened(): void {
    this.setReachable(true);
    if (!this.streamDropped) return;
    this.streamDropped = false;
    // Nothing was streamed to us while we were away: send what we queued, fetch what others did.
    void this.flush();
    void this.catchUp();
  }

  private async catchUp(): Promise<void> {
    for (const { kind, event } of this.seen.listedQueries()) {
      let records: OffRecord[];
      try {
        records = await this.api.list(kind, event);
      } catch {
        return;
      }
      this.lists.save(kind, event, records);
      const { puts, removedIds } = this.seen.changesSince(kind, event, records);
      if (puts.length) this.feed.emit({ type: 'put', kind, records: puts }, { localOnly: true });
      for (const id of removedIds) this.feed.emit({ type: 'remove', kind, id }, { localOnly: true });
    }
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
