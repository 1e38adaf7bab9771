import type { StorageErrorCode } from '../model/messages.js';
import type { License, OffRecord, RecordKind, RecordOf } from '../model/records.js';

export interface ListQuery {
  /** Only records of this host event; absent or `undefined` (the elements pass `{ event: undefined }`), every event's. */
  event?: string;
  /** Side events at this place record (its id), across events. */
  place?: string;
  /** Side events of this organizer record (its id), across events. */
  organizer?: string;
  /**
   * Side events not over at this instant (ISO 8601): those ending, or starting when they have no end, at or after it.
   * Pass the current time for "upcoming"; rounded down to the minute, every visitor's list is the same, and caches share it.
   */
  from?: string;
  /** Seeds replanted from this seed (its id): the next generation of its lineage. */
  replantedFrom?: string;
  /** Host events part of this one (its id): a series' editions, a festival's venues… */
  partOf?: string;
  /** Side events and seeds carrying this tag (as stored: without '#'). */
  tag?: string;
  /** Seeds under this licence. */
  license?: License;
  /** Words typed by a visitor: records whose texts (title or name, description or body, author, place, organizer, address, tags) hold every one, case and accents aside. */
  text?: string;
}

export type StatusReason = 'memory' | 'no-indexeddb' | 'open-timeout' | 'open-failed' | 'offline';

export interface StoreStatus {
  /** False when what is added here is lost on reload: the UI should say so. */
  persistent: boolean;
  /** False when writes are queued on this device until the backend is reachable. */
  online: boolean;
  reason?: StatusReason;
  /** Set when this device could not keep the edit rights of what it added: they last only as long as the page. */
  editRightsKept?: false;
  /** A view of several servers (an element's `sources`): the base URLs of those that are down or slow, whose records are missing. */
  unreachableSources?: string[];
}

/**
 * A write made on this device that its store could not make yet: waiting to be tried again
 * (offline, server down, storage full, rate-limited), or refused for good (`failure`) after it
 * had waited, and kept until the person discards it, so that nothing typed is lost.
 */
export interface PendingWrite {
  /** Names it for `discardPending`. */
  key: string;
  kind: RecordKind;
  op: 'create' | 'replace' | 'remove';
  /** The record it is about; for a create, the provisional id shown meanwhile. */
  id: string;
  /** The provisional record shown meanwhile (create and replace). */
  record?: OffRecord;
  queuedAt: string;
  /** Set when the store refused it for good: kept, not retried. */
  failure?: StorageErrorCode;
}

export interface PendingQuery {
  kind?: RecordKind;
  /** Only writes whose record belongs to this host event. */
  event?: string;
}

/** A pending write that reached its store: `id` is the provisional id, `record` what the store now holds (none for a removal). */
export interface SentWrite {
  kind: RecordKind;
  id: string;
  record?: OffRecord;
}

export type StoreChange =
  | { type: 'put'; kind: RecordKind; records: OffRecord[] }
  | { type: 'remove'; kind: RecordKind; id: string }
  | { type: 'status'; status: StoreStatus }
  /** The pending writes changed (queued, sent, refused, discarded): read them again with `pending()`. */
  | { type: 'pending'; sent: SentWrite[] };

/**
 * What a contribution form knows about how it was filled, for the server's anti-bot checks.
 * (The server's time trap needs nothing from the form: the HTTP store presents a form token, see src/storage/form-token.ts.)
 */
export interface PutOptions {
  /** Value of the hidden honeypot field: anything but '' means a bot. */
  honeypot?: string;
}

export type ChangeListener = (change: StoreChange) => void;

/**
 * The one interface every adapter implements. Failures are `StorageError`s.
 * Elements never talk to IndexedDB or the network themselves: they go through this.
 */
export interface OffStore {
  readonly status: StoreStatus;
  /** Settles once the store knows where it keeps records; never rejects. */
  ready(): Promise<StoreStatus>;
  /** Side events sorted by start, seeds newest first. */
  list<K extends RecordKind>(kind: K, query?: ListQuery): Promise<RecordOf[K][]>;
  /** Throws `NotFoundError` for an unknown id. */
  get<K extends RecordKind>(kind: K, id: string): Promise<RecordOf[K]>;
  /**
   * Creates (no `id`) or replaces (`id` of an existing record). Validates, stamps, returns what was stored.
   * A write the store cannot make now (unavailable, over quota, rate-limited) is kept as pending and
   * resolves with its provisional record; a refusal (validation, forbidden, not found…) throws.
   */
  put<K extends RecordKind>(kind: K, input: unknown, options?: PutOptions): Promise<RecordOf[K]>;
  /** Like `put` for many records in one batch: all are validated before any is written. */
  putMany<K extends RecordKind>(kind: K, inputs: unknown[]): Promise<RecordOf[K][]>;
  /** Throws `NotFoundError` for an unknown id. */
  remove(kind: RecordKind, id: string): Promise<void>;
  /** Writes waiting on this device, oldest first, those refused for good included. */
  pending(query?: PendingQuery): Promise<PendingWrite[]>;
  /** Drops a pending write (one refused for good, once the person has it back); its provisional effect is undone. */
  discardPending(key: string): Promise<void>;
  /** Changes made through any store on the same data, in this page or another tab. Returns the unsubscribe. */
  subscribe(listener: ChangeListener): () => void;
  /** Stops listening to other tabs. */
  close(): void;
  /**
   * An element that creates records (a form) appeared: a store that needs something before a create gets it now
   * (a reference server's form token), instead of every page that only reads.
   */
  prepareWrites?(): void;
}
