import type { OffRecord, RecordKind, RecordOf } from '../model/records.js';
import { requestsFor } from './batch-planner.js';
import type { ChangeFeed } from './change-feed.js';
import { NotFoundError, StorageError } from './errors.js';
import type { HttpApi } from './http-api.js';
import { HttpDelivery, sendInTurns } from './http-delivery.js';
import type { ListCache } from './http-list-cache.js';
import type { ServerMirror } from './http-mirror.js';
import type { EditTokens } from './http-tokens.js';
import { entryForWrite, withdrawalOf } from './http-write-plan.js';
import { matchesQuery } from './list-query.js';
import { Outbox } from './outbox.js';
import { OutboxSender } from './outbox-sender.js';
import { OutboxStore } from './outbox-store.js';
import { idbTable, keyValueTable } from './outbox-tables.js';
import { isCreate, isCreateOf, isPut, targetId, withPending, type PendingCreate, type PendingEntry, type PendingPut } from './pending-entry.js';
import type { PendingHome } from './pending-marker.js';
import type { Reachability } from './reachability.js';
import { recordChecks } from './record-store.js';
import type { ListQuery, PutOptions, SentWrite, StoreStatus } from './store.js';

/** What the writes of a server's store use of its reading side (`HttpStore`). */
export interface ServerSide {
  api: HttpApi;
  feed: ChangeFeed;
  tokens: EditTokens;
  lists: ListCache;
  mirror: ServerMirror;
  reach: Reachability;
  home: PendingHome;
  status(): StoreStatus;
  ready(): Promise<StoreStatus>;
  /** A list from the server, or offline from the lists kept, as `shown` makes it; sorted. */
  listed<K extends RecordKind>(kind: K, query: ListQuery, shown: (records: OffRecord[]) => Promise<OffRecord[]>): Promise<RecordOf[K][]>;
  /** The record as the server holds it, or offline as kept. */
  stored<K extends RecordKind>(kind: K, id: string): Promise<RecordOf[K]>;
}

/**
 * The writes of a server's store, loaded with their outbox only once the page writes or writes may be pending
 * (`mayHavePendingOnServer`): a page where nobody writes downloads none of it. Writes the server cannot take right
 * now wait in the outbox, shown meanwhile; how each is replayed safely is `HttpDelivery`'s job, sending them in
 * order with backoff `OutboxSender`'s. The marker says whether the outbox holds any, for pages yet to load it.
 */
export class HttpWrites extends OutboxStore {
  protected readonly feed: ChangeFeed;
  protected readonly outbox: Outbox;
  private readonly delivery: HttpDelivery;
  private readonly sender: OutboxSender;
  /** Writes still to be sent: new writes queue behind them. */
  private waitingCount = 0;

  constructor(
    private readonly server: ServerSide,
    /** Requests `putMany` keeps in flight. */
    private readonly concurrency: number,
    retryBaseMs: number,
  ) {
    super();
    const { api, tokens, feed, home } = server;
    this.feed = feed;
    this.outbox = new Outbox(home.name, [idbTable, keyValueTable(home.name, () => localStorage)]);
    this.delivery = new HttpDelivery(api, tokens, this.outbox, feed);
    this.sender = new OutboxSender(
      this.outbox,
      {
        send: (entries) => this.send(entries),
        delivered: (entries, records, followUps) => this.delivered(entries, records, followUps),
        refused: (entries, error) => this.refused(entries, error),
      },
      retryBaseMs,
    );
  }

  get status(): StoreStatus {
    return this.server.status();
  }

  ready(): Promise<StoreStatus> {
    return this.server.ready();
  }

  /** True when this device holds the edit token of the record (or its create is pending). */
  async canEdit(kind: RecordKind, id: string): Promise<boolean> {
    if ((await this.waiting(kind)).some(isCreateOf(id))) return true;
    return (await this.server.tokens.get(kind, id)) !== undefined;
  }

  list<K extends RecordKind>(kind: K, query: ListQuery = {}): Promise<RecordOf[K][]> {
    return this.server.listed(kind, query, (records) => this.shown(kind, query, records));
  }

  /** `records` read from the server (or kept), as shown with the writes pending. */
  async shown(kind: RecordKind, query: ListQuery, records: OffRecord[]): Promise<OffRecord[]> {
    return withPending(records, await this.waiting(kind), matchesQuery(kind, query));
  }

  protected stored<K extends RecordKind>(kind: K, id: string): Promise<RecordOf[K]> {
    return this.server.stored(kind, id);
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
    if (!(await this.server.tokens.get(kind, id))) await this.refuseWithoutToken(kind, id);
    const entry = this.outbox.entryFor({ op: 'remove', kind, id });
    const { sent } = await this.sendOrKeep([entry]);
    if (sent.has(entry.key)) this.server.mirror.announceRemoval(kind, id);
    else this.feed.emit({ type: 'remove', kind, id });
  }

  close(): void {
    this.sender.stop();
  }

  /** Sends pending writes in order; runs by itself when online again, when visible, when the stream reconnects, with backoff. */
  flush(): Promise<void> {
    return this.sender.flush().finally(() => this.recount());
  }

  /** Counts the writes waiting (new writes queue behind them), and marks whether any are kept; a changed count is announced unless told otherwise. */
  async recount({ announce = true } = {}): Promise<void> {
    let entries: PendingEntry[] | undefined;
    try {
      entries = await this.outbox.entries();
    } catch (error) {
      console.warn('off-layer: pending writes could not be read.', error);
    }
    await this.outbox.mark(this.server.home, entries);
    const waiting = entries?.filter((entry) => !entry.failure).length ?? 0;
    if (waiting === this.waitingCount) return;
    this.waitingCount = waiting;
    if (announce) this.feed.emit({ type: 'pending', sent: [] });
  }

  protected async write<K extends RecordKind>(kind: K, inputs: unknown[], options: PutOptions): Promise<RecordOf[K][]> {
    const valid = (await recordChecks()).validateAll(kind, inputs);
    const waiting = await this.waiting(kind);
    // Read once for the whole batch: the provisional record of an update keeps the createdAt last seen.
    const cached = valid.some((input) => input.id !== undefined) ? await this.server.lists.byId(kind) : new Map<string, OffRecord>();
    const context = { outbox: this.outbox, waiting, cached, mayEdit: (editKind: RecordKind, id: string) => this.mayEdit(editKind, id) };
    const entries = await Promise.all(valid.map((input) => entryForWrite(kind, input, options, context)));
    const amended = entries.filter((entry) => waiting.some((each) => each.key === entry.key));
    if (amended.length) {
      await this.outbox.save(amended);
      this.feed.emit({ type: 'put', kind, records: amended.map((entry) => entry.record) });
      await this.pendingChanged();
    }
    const { sent, kept } = await this.sendOrKeep(entries.filter((entry) => !amended.includes(entry)));
    this.server.mirror.announce(kind, [...sent.values()]);
    if (kept.length) this.feed.emit({ type: 'put', kind, records: kept.map((entry) => (entry as PendingPut).record) });
    return entries.map((entry) => (sent.get(entry.key) ?? entry.record) as RecordOf[K]);
  }

  /** Tells listeners the pending writes changed. */
  protected async pendingChanged(sent: SentWrite[] = []): Promise<void> {
    await this.recount({ announce: false });
    this.feed.emit({ type: 'pending', sent });
  }

  /** One request to the server. */
  private send(entries: PendingEntry[]): Promise<(OffRecord | undefined)[]> {
    return this.server.reach.of(this.delivery.send(entries));
  }

  /** Pending writes the server took: the provisional records give way to the server's. */
  private delivered(entries: PendingEntry[], records: (OffRecord | undefined)[], followUps: PendingEntry[]): void {
    const { mirror } = this.server;
    const sent: SentWrite[] = entries.map((entry, index) => ({ kind: entry.kind, id: targetId(entry), record: records[index] }));
    for (const entry of entries) {
      if (entry.op === 'remove') mirror.removalShown(entry.kind, entry.id);
      if (isCreate(entry)) this.feed.emit({ type: 'remove', kind: entry.kind, id: entry.record.id });
    }
    mirror.announce(entries[0].kind, records);
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

  private async withdraw(create: PendingCreate, waiting: PendingEntry[]): Promise<void> {
    const withdrawal = withdrawalOf(create, waiting);
    if ('keep' in withdrawal) await this.outbox.save([withdrawal.keep]);
    else await this.outbox.delete(withdrawal.drop);
    await this.pendingChanged();
  }

  /**
   * Whether this device holds the record's edit token. Without it, it may still create a host event under an id nobody
   * took (the server says 409 otherwise), but changes nothing else: say whether the record does not exist or is someone else's.
   */
  private async mayEdit(kind: RecordKind, id: string): Promise<boolean> {
    if (await this.server.tokens.get(kind, id)) return true;
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
      if (slowDown !== undefined || !this.server.reach.reachable) this.sender.later(slowDown);
      else void this.flush();
    }
    if (refusal !== undefined) {
      this.server.mirror.announce(entries[0].kind, [...sent.values()]);
      throw refusal;
    }
    return { sent, kept };
  }
}
