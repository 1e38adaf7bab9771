import type { OffRecord, RecordKind, RecordOf } from '../model/records.js';

export interface ListQuery {
  /** Only records of this host event; absent or `undefined` (the elements pass `{ event: undefined }`), every event's. */
  event?: string;
}

export type StatusReason = 'memory' | 'no-indexeddb' | 'open-timeout' | 'open-failed' | 'offline';

export interface StoreStatus {
  /** False when what is added here is lost on reload: the UI should say so. */
  persistent: boolean;
  /** False when writes are queued on this device until the backend is reachable. */
  online: boolean;
  reason?: StatusReason;
}

export type StoreChange =
  | { type: 'put'; kind: RecordKind; records: OffRecord[] }
  | { type: 'remove'; kind: RecordKind; id: string }
  | { type: 'status'; status: StoreStatus };

/** What a contribution form knows about how it was filled, for the server's anti-bot checks. */
export interface PutOptions {
  /** Value of the hidden honeypot field: anything but '' means a bot. */
  honeypot?: string;
  /** Milliseconds between the form appearing and its submission. */
  fillMs?: number;
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
  /** Creates (no `id`) or replaces (`id` of an existing record). Validates, stamps, returns what was stored. */
  put<K extends RecordKind>(kind: K, input: unknown, options?: PutOptions): Promise<RecordOf[K]>;
  /** Like `put` for many records in one batch: all are validated before any is written. */
  putMany<K extends RecordKind>(kind: K, inputs: unknown[]): Promise<RecordOf[K][]>;
  /** Throws `NotFoundError` for an unknown id. */
  remove(kind: RecordKind, id: string): Promise<void>;
  /** Changes made through any store on the same data, in this page or another tab. Returns the unsubscribe. */
  subscribe(listener: ChangeListener): () => void;
  /** Stops listening to other tabs. */
  close(): void;
}
