import type { OffRecord, RecordKind } from '../model/records.js';
import type { ListQuery } from '../storage/store.js';
import type { SubscriptionStore } from './subscriptions/store.js';

export type Dialect = 'sqlite' | 'postgres';

export interface StoredRecord {
  record: OffRecord;
  hidden: boolean;
  tokenHash: string;
}

/** A successful write's answer, kept so that a retry with the same idempotency key gets it again. */
export interface SavedResponse {
  status: number;
  /** JSON text, '' for 204. */
  body: string;
}

export interface Idempotency {
  keyHash: string;
  response: SavedResponse;
}

/** A record to create, with the hash of the edit token its creator was given. */
export interface NewRecord {
  record: OffRecord;
  tokenHash: string;
}

export type Mutation =
  /** Creates records: all of them, or none. */
  | { op: 'insert'; records: NewRecord[] }
  /** Replaces a visible record. */
  | { op: 'update'; record: OffRecord }
  /** Deletes a visible record. */
  | { op: 'delete'; id: string }
  | { op: 'hide'; id: string }
  | { op: 'unhide'; id: string };

export type Outcome =
  /** `record` is the record as it now stands (absent after a delete). */
  | { status: 'applied'; record?: OffRecord }
  | { status: 'not-found' }
  /** An insert whose id another record of its kind has (a host event's chosen id): nothing was written. */
  | { status: 'conflict' }
  /** The idempotency key was used before: nothing was written. */
  | { status: 'replayed'; response: SavedResponse };

/** One entry of the change log that feeds live streams, in commit order. */
export type Change = { seq: number; kind: RecordKind; event: string | null } & (
  | { op: 'put'; record: OffRecord }
  | { op: 'remove'; id: string }
);

/** A page of the change log. */
export interface ChangePage {
  changes: Change[];
  /** The last seq read (puts of records gone since are read but left out): the next page starts after it. */
  until: number;
  /** The page is full: more changes may follow. */
  more: boolean;
}

export interface LogState {
  /** The last seq committed. */
  latest: number;
  /** Entries up to this seq were pruned: a cursor below it cannot be followed. */
  floor: number;
}

export interface ListState extends LogState {
  /**
   * The seq of the list's last change, or the floor when the log keeps none of its changes:
   * the list stays as it is until a change with a greater seq.
   */
  version: number;
}

/** What changed in a list after a cursor: each record once, as it now stands, or gone from the list. */
export interface ListChanges {
  /** The JSON of each record now in the list, sorted like the list. */
  puts: string[];
  /** Ids of records deleted, hidden or moved away. */
  removes: string[];
}

/** Which records a list holds: of one host event, at one place, by one organizer, upcoming, replanted from a seed… as every store narrows them. */
export type ListScope = ListQuery;

export interface ListOptions extends ListScope {
  hidden?: boolean;
}

/** Where the server keeps records, edit-token hashes, idempotency keys and the change log. */
export interface Repository {
  readonly dialect: Dialect;
  /** Host events' subscriptions to external feeds (issue 14). */
  readonly subscriptions: SubscriptionStore;
  /** Records of a kind, sorted like every store sorts them; visible ones unless `hidden`. */
  list(kind: RecordKind, options?: ListOptions): Promise<OffRecord[]>;
  /** The same list as a JSON array, built from the stored JSON without parsing it. */
  listJson(kind: RecordKind, options?: ListOptions): Promise<string>;
  find(kind: RecordKind, id: string): Promise<StoredRecord | undefined>;
  /**
   * Applies one mutation in a transaction with its change-log entry and, when
   * given, the idempotency key and response (unless the key was already used).
   */
  apply(kind: RecordKind, mutation: Mutation, idempotency?: Idempotency): Promise<Outcome>;
  savedResponse(keyHash: string): Promise<SavedResponse | undefined>;
  /** The server's secret: `candidate` if none is stored yet (it is then stored), else the one stored first. */
  secret(candidate: string): Promise<string>;
  /**
   * Changes after `seq` (of one host event, when given), at most `limit` entries read;
   * `put` entries whose record is gone, hidden or in another event by now are left out.
   */
  changesSince(seq: number, limit: number, event?: string): Promise<ChangePage>;
  logState(): Promise<LogState>;
  /** The log's state and the version of the list of `kind` in `event` (of every event when undefined), read at once. */
  listState(kind: RecordKind, event?: string): Promise<ListState>;
  /** What changed in the list of `scope` after `since`, which the caller checked against the floor. */
  listChanges(kind: RecordKind, scope: ListScope, since: number): Promise<ListChanges>;
  /** Calls `listener` when another process may have committed changes (and after reconnecting). */
  onExternalChanges(listener: () => void): void;
  /** Forgets change-log entries (raising the floor) and idempotency keys older than the given ages. */
  prune(changesMaxAgeMs: number, idempotencyMaxAgeMs: number): Promise<void>;
  ping(): Promise<void>;
  /** True for failures that mean "database unreachable or busy", answered with 503. */
  isUnavailable(error: unknown): boolean;
  close(): Promise<void>;
}
