import type { StorageErrorCode } from '../../model/messages.js';
import type { RecordKind } from '../../model/records.js';
import { StorageError } from '../../storage/errors.js';
import type { PutOptions } from '../../storage/store.js';
import { pageStorage, storageKey, type SafeStorage } from './safe-storage.js';

/** A contribution that passed validation but could not be stored yet. */
export interface QueuedContribution {
  /** Local to this device, to take it off the queue once sent. */
  id: string;
  kind: RecordKind;
  input: Record<string, unknown>;
  options: PutOptions;
  title: string;
  queuedAt: string;
  /** Set when the store refused it for good: it stays here, not retried, so nothing typed is lost. */
  failure?: StorageErrorCode;
}

/** Failures that say "not now" rather than "no": the contribution waits and is tried again. */
const PERMANENT: readonly StorageErrorCode[] = ['validation', 'forbidden', 'conflict', 'not-found', 'too-fast'];

export function isPermanent(error: unknown): error is StorageError {
  return error instanceof StorageError && PERMANENT.includes(error.code);
}

/** The waiting contributions of one form kind and host event, kept on this device across reloads. */
export class SubmissionQueue {
  constructor(
    readonly kind: RecordKind,
    readonly event: string,
    private readonly storage: SafeStorage = pageStorage,
  ) {}

  get key(): string {
    return storageKey('queue', this.kind, this.event);
  }

  items(): QueuedContribution[] {
    const items = this.storage.read<QueuedContribution[]>(this.key);
    return Array.isArray(items) ? items : [];
  }

  add(contribution: Omit<QueuedContribution, 'id' | 'queuedAt'>): QueuedContribution {
    const item = { ...contribution, id: crypto.randomUUID(), queuedAt: new Date().toISOString() };
    this.save([...this.items(), item]);
    return item;
  }

  remove(id: string): void {
    this.save(this.items().filter((item) => item.id !== id));
  }

  markFailed(id: string, failure: StorageErrorCode): void {
    this.save(this.items().map((item) => (item.id === id ? { ...item, failure } : item)));
  }

  private save(items: QueuedContribution[]): void {
    if (items.length) this.storage.write(this.key, items);
    else this.storage.remove(this.key);
  }
}
