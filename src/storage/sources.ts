import { KIND_SEGMENTS, type OffRecord, type RecordKind, type RecordOf } from '../model/records.js';
import { sortRecords } from '../model/sort.js';
import { ChangeFeed } from './change-feed.js';
import { originOf, withOrigin } from './record-origin.js';
import type { ChangeListener, ListQuery, OffStore, PendingQuery, PendingWrite, PutOptions, StoreChange, StoreStatus } from './store.js';

/** Another reference server read alongside the element's own store: its `store`-style address (`https://…/api`) and its store. */
export interface Source {
  address: string;
  store: OffStore;
}

/**
 * A record's canonical URL on the server at `address` (`https://example.org/api` gives `https://example.org/api/<kind
 * segment>/<id>`, as canonicalUrl() writes it): resolved here, as importing canonical-url.ts would move it out of the
 * chunk of validation into one of its own, a request more on every page that validates.
 */
const canonicalUrlAt = (address: string, kind: RecordKind, id: string) => new URL(`${KIND_SEGMENTS[kind]}/${encodeURIComponent(id)}`, `${address.replace(/\/+$/, '')}/`).href;

/** A copy of `record`, read from the server at `address`, that says so (`originOf`), with its canonical URL there. */
function fromOrigin<T extends OffRecord>(kind: RecordKind, record: T, address: string): T {
  return withOrigin(record, { address, url: record.canonicalUrl ?? canonicalUrlAt(address, kind, record.id) });
}

/** A source that has not answered this long after the home store did is said to be missing, until it answers. */
const SLOW_MS = 3000;

/** A record's identity across sites: the canonical URL it kept, else the one of the server it was read from (`homeAddress` for the home's). */
function identityOf(kind: RecordKind, record: OffRecord, homeAddress: string | undefined): string | undefined {
  return originOf(record)?.url ?? record.canonicalUrl ?? (homeAddress ? canonicalUrlAt(homeAddress, kind, record.id) : undefined);
}

/**
 * The element's own store (`home`: where contributions go) read together with other servers, read-only. Lists merge
 * every source's records, a record that arrives through two routes once (the home's copy wins); each record from a
 * source is a copy marked with its origin (`originOf`). The home's list is returned as soon as it is read: a source
 * answering later adds its records as a change, one that fails or is slow is named in `status.unreachableSources`
 * and read again when its store is back online. Sources are HTTP stores, which check every record they read.
 */
export class SourcesStore implements OffStore {
  private readonly feed = new ChangeFeed();
  private readonly unsubscribes: (() => void)[];
  /** Sources whose last read failed, or that are slow to answer. */
  private readonly missing = new Set<string>();
  /** Identities (canonical URL, kind and id) of the records the home store holds: a source's copy of them is not shown. */
  private readonly homeHolds = new Set<string>();
  /** The lists asked for, read again from a source once it is back. */
  private readonly asked = new Map<string, { kind: RecordKind; query: ListQuery }>();

  constructor(
    private readonly home: OffStore,
    /** The home store's server address, when it is one: its records' canonical URLs. */
    private readonly homeAddress: string | undefined,
    private readonly sources: Source[],
  ) {
    this.unsubscribes = [home.subscribe((change) => this.fromHome(change)), ...sources.map((source) => source.store.subscribe((change) => this.fromSource(source, change)))];
  }

  get status(): StoreStatus {
    const unreachable = this.sources.filter(({ address, store }) => this.missing.has(address) || !store.status.online).map(({ address }) => address);
    return unreachable.length ? { ...this.home.status, unreachableSources: unreachable } : this.home.status;
  }

  async ready(): Promise<StoreStatus> {
    await this.home.ready();
    return this.status;
  }

  async list<K extends RecordKind>(kind: K, query: ListQuery = {}): Promise<RecordOf[K][]> {
    this.asked.set(`${kind}\n${JSON.stringify(query)}`, { kind, query });
    const reads = this.sources.map((source) => {
      const read = { done: false, records: [] as OffRecord[], promise: this.read(source, kind, query) };
      void read.promise.then((records) => Object.assign(read, { done: true, records }));
      return read;
    });
    const own = await this.home.list(kind, query);
    this.remember(kind, own);
    const answered = reads.filter((read) => read.done).flatMap((read) => this.unseen(kind, read.records));
    for (const read of reads.filter((each) => !each.done)) void this.addLate(kind, read.promise);
    return answered.length ? (sortRecords(kind, [...own, ...dedupe(kind, answered)]) as RecordOf[K][]) : own;
  }

  async get<K extends RecordKind>(kind: K, id: string): Promise<RecordOf[K]> {
    try {
      return await this.home.get(kind, id);
    } catch (error) {
      for (const { address, store } of this.sources) {
        const record = await store.get(kind, id).catch(() => undefined);
        if (record) return fromOrigin(kind, record, address);
      }
      throw error;
    }
  }

  put<K extends RecordKind>(kind: K, input: unknown, options?: PutOptions): Promise<RecordOf[K]> {
    return this.home.put(kind, input, options);
  }

  putMany<K extends RecordKind>(kind: K, inputs: unknown[]): Promise<RecordOf[K][]> {
    return this.home.putMany(kind, inputs);
  }

  remove(kind: RecordKind, id: string): Promise<void> {
    return this.home.remove(kind, id);
  }

  pending(query?: PendingQuery): Promise<PendingWrite[]> {
    return this.home.pending(query);
  }

  discardPending(key: string): Promise<void> {
    return this.home.discardPending(key);
  }

  prepareWrites(): void {
    this.home.prepareWrites?.();
  }

  subscribe(listener: ChangeListener): () => void {
    return this.feed.subscribe(listener);
  }

  /** Stops following the stores; they are the page's, shared with other elements, and stay open. */
  close(): void {
    for (const unsubscribe of this.unsubscribes) unsubscribe();
    this.feed.close();
  }

  /** One source's records of a list, marked with their origin; none when it cannot answer (said in `status`). */
  private async read(source: Source, kind: RecordKind, query: ListQuery): Promise<OffRecord[]> {
    const slow = setTimeout(() => this.setMissing(source.address, true), SLOW_MS);
    try {
      const records = await source.store.list(kind, query);
      this.setMissing(source.address, false);
      return records.map((record) => fromOrigin(kind, record, source.address));
    } catch {
      this.setMissing(source.address, true);
      return [];
    } finally {
      clearTimeout(slow);
    }
  }

  private async addLate(kind: RecordKind, read: Promise<OffRecord[]>): Promise<void> {
    const records = this.unseen(kind, await read);
    if (records.length) this.feed.emit({ type: 'put', kind, records: dedupe(kind, records) }, { localOnly: true });
  }

  private fromHome(change: StoreChange): void {
    if (change.type === 'put') this.remember(change.kind, change.records);
    this.feed.emit(change.type === 'status' ? { type: 'status', status: this.status } : change, { localOnly: true });
  }

  private fromSource(source: Source, change: StoreChange): void {
    if (change.type === 'put') {
      const records = this.unseen(change.kind, change.records.map((record) => fromOrigin(change.kind, record, source.address)));
      if (records.length) this.feed.emit({ type: 'put', kind: change.kind, records }, { localOnly: true });
    } else if (change.type === 'remove') {
      if (!this.homeHolds.has(`${change.kind}\n${change.id}`)) this.feed.emit(change, { localOnly: true });
    } else if (change.type === 'status') {
      if (change.status.online && this.missing.has(source.address)) this.readAgain(source);
      this.feed.emit({ type: 'status', status: this.status }, { localOnly: true });
    }
    // A source's pending writes are not this view's: nothing is ever written to a source.
  }

  /** A source back online: what it could not answer is read from it again, and added as it arrives. */
  private readAgain(source: Source): void {
    for (const { kind, query } of this.asked.values()) void this.addLate(kind, this.read(source, kind, query));
  }

  private remember(kind: RecordKind, records: OffRecord[]): void {
    for (const record of records) for (const key of keysOf(kind, record, this.homeAddress)) this.homeHolds.add(key);
  }

  /** A source's records that the home store does not hold, by id or by identity. */
  private unseen(kind: RecordKind, records: OffRecord[]): OffRecord[] {
    return records.filter((record) => !keysOf(kind, record).some((key) => this.homeHolds.has(key)));
  }

  private setMissing(address: string, missing: boolean): void {
    if (missing === this.missing.has(address)) return;
    if (missing) this.missing.add(address);
    else this.missing.delete(address);
    this.feed.emit({ type: 'status', status: this.status }, { localOnly: true });
  }
}

/** What names a record: its kind and id, and its identity across sites when known. */
function keysOf(kind: RecordKind, record: OffRecord, homeAddress?: string): string[] {
  const identity = identityOf(kind, record, homeAddress);
  return identity ? [`${kind}\n${record.id}`, identity] : [`${kind}\n${record.id}`];
}

/** Records of several sources, each identity once (the first source named wins). */
function dedupe(kind: RecordKind, records: OffRecord[]): OffRecord[] {
  const seen = new Set<string>();
  return records.filter((record) => {
    const keys = keysOf(kind, record);
    if (keys.some((key) => seen.has(key))) return false;
    for (const key of keys) seen.add(key);
    return true;
  });
}

/**
 * The view an element with `sources` reads: its store `home` (`onServer` when a server's address) and the servers at
 * `addresses`, each through the page's store for it (`storeFor`, the registry's).
 */
export function createSourcesStore(home: string, onServer: boolean, addresses: string[], storeFor: (spec: string) => OffStore): SourcesStore {
  const absolute = (address: string) => new URL(address, document.baseURI).href;
  const sources = [...new Set(addresses)].map((address) => ({ address: absolute(address), store: storeFor(address) }));
  return new SourcesStore(storeFor(home), onServer ? absolute(home) : undefined, sources);
}
