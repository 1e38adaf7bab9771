import type { RelatedRecords } from '../../model/jsonld.js';
import type { RecordOf } from '../../model/records.js';
import { NotFoundError } from '../../storage/errors.js';
import type { OffStore, StoreChange } from '../../storage/store.js';
import { StoreController, type StoreHost } from './store-controller.js';

/** The kinds shared across events, which side events name by id. */
export type SharedKind = 'event' | 'place' | 'organizer';

interface Entry {
  record?: RecordOf[SharedKind];
  /** Until the store has answered. */
  loading?: Promise<void>;
  /** The store could not answer (offline): asked again once it is back online. */
  failed?: boolean;
}

// One cache per store, shared by the elements using it: a venue named by 500 side events is read once.
const caches = new WeakMap<OffStore, Map<string, Entry>>();

const keyOf = (kind: SharedKind, id: string) => `${kind}\n${id}`;

function cacheOf(store: OffStore): Map<string, Entry> {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new Map()));
  return cache;
}

/**
 * Host events, places and organisers that an element shows by name, read through its store once and kept current
 * from the change feed (a renamed place shows its new name at once). An id nobody has described, or one being read,
 * gives `undefined`: the element shows the id, as it did before those records existed.
 */
export class RecordLookupController implements RelatedRecords {
  /** Increases whenever a record this host asked for arrives or changes, for cheap memoisation. */
  revision = 0;

  private readonly storeController: StoreController;
  /** Keys this host asked for in `askedOf`: their arrivals and changes update it. */
  private readonly asked = new Set<string>();
  private askedOf?: OffStore;

  constructor(private readonly host: StoreHost) {
    this.storeController = new StoreController(host, (change) => this.onChange(change));
  }

  readonly event = (id: string | undefined) => this.get('event', id);
  readonly place = (id: string | undefined) => this.get('place', id);
  readonly organizer = (id: string | undefined) => this.get('organizer', id);

  get<K extends SharedKind>(kind: K, id: string | undefined): RecordOf[K] | undefined {
    if (!id) return undefined;
    const { store } = this.storeController;
    if (store !== this.askedOf) {
      this.asked.clear();
      this.askedOf = store;
    }
    const cache = cacheOf(store);
    const key = keyOf(kind, id);
    let entry = cache.get(key);
    if (!entry) {
      entry = {};
      entry.loading = this.read(store, cache, kind, id, entry);
      cache.set(key, entry);
    }
    if (!this.asked.has(key)) {
      this.asked.add(key);
      void entry.loading?.then(() => this.changed());
    }
    return entry.record as RecordOf[K] | undefined;
  }

  private async read(store: OffStore, cache: Map<string, Entry>, kind: SharedKind, id: string, entry: Entry): Promise<void> {
    try {
      const record = await store.get(kind, id);
      // A change that arrived meanwhile is newer than this answer.
      if (cache.get(keyOf(kind, id)) === entry) cache.set(keyOf(kind, id), { record });
    } catch (error) {
      // Not described yet (or hidden): the id is shown. Anything else is asked again once the store is back.
      if (cache.get(keyOf(kind, id)) === entry) cache.set(keyOf(kind, id), { failed: !(error instanceof NotFoundError) });
    }
  }

  private onChange(change: StoreChange): void {
    if (change.type === 'status') {
      if (change.status.online) this.forgetFailures();
      return;
    }
    if (change.type === 'pending' || !isSharedKind(change.kind)) return;
    const cache = cacheOf(this.storeController.store);
    const kind = change.kind;
    // A removed (or hidden) record reads as one nobody described.
    const entries: [string, Entry][] =
      change.type === 'put' ? change.records.map((record) => [keyOf(kind, record.id), { record: record as RecordOf[SharedKind] }]) : [[keyOf(kind, change.id), {}]];
    for (const [key, entry] of entries) cache.set(key, entry);
    if (entries.some(([key]) => this.asked.has(key))) this.changed();
  }

  private forgetFailures(): void {
    const cache = cacheOf(this.storeController.store);
    let forgotten = false;
    for (const key of this.asked) {
      if (!cache.get(key)?.failed) continue;
      cache.delete(key);
      this.asked.delete(key);
      forgotten = true;
    }
    if (forgotten) this.changed();
  }

  private changed(): void {
    this.revision += 1;
    this.host.requestUpdate();
  }
}

function isSharedKind(kind: string): kind is SharedKind {
  return kind === 'event' || kind === 'place' || kind === 'organizer';
}
