import type { OffRecord } from '../model/records.js';
import { Backoff } from './backoff.js';
import { isTransient, RateLimitedError } from './errors.js';
import { sentWith } from './batch-planner.js';
import type { Outbox } from './outbox.js';
import type { PendingEntry } from './pending-entry.js';

/** The store a sender makes pending writes in. */
export interface Recipient {
  /** Makes one request's writes; resolves with what the store now holds of each (nothing for a removal). */
  send(entries: PendingEntry[]): Promise<(OffRecord | undefined)[]>;
  /** They were made; `followUps` are writes of the created records, for changes made while they were sent. */
  delivered(entries: PendingEntry[], records: (OffRecord | undefined)[], followUps: PendingEntry[]): void;
  /** The store refused them for good; they are kept with their failure. */
  refused(entries: PendingEntry[], error: unknown): Promise<void>;
}

/**
 * Sends an outbox's pending writes in order: at once, when the device comes back online or the
 * page becomes visible, and after a failure with backoff and jitter, never sooner than a
 * `Retry-After` asks. One sender per outbox across this page and other tabs.
 */
export class OutboxSender {
  private readonly retry: Backoff;
  private flushing?: Promise<void>;

  constructor(
    private readonly outbox: Outbox,
    private readonly recipient: Recipient,
    retryBaseMs = 1000,
  ) {
    this.retry = new Backoff(() => void this.flush(), retryBaseMs);
    addEventListener('online', this.flushNow);
    document.addEventListener('visibilitychange', this.flushWhenVisible);
  }

  /** Sends what waits; resolves once every write was tried, or the store could not be reached. */
  flush(): Promise<void> {
    this.flushing ??= this.outbox.exclusively(() => this.sendAll()).finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  /** The store could not be reached: try again later, never sooner than it asked. */
  later(error?: unknown): void {
    this.retry.schedule(error instanceof RateLimitedError ? error.retryAfterMs : 0);
  }

  stop(): void {
    this.retry.reset();
    removeEventListener('online', this.flushNow);
    document.removeEventListener('visibilitychange', this.flushWhenVisible);
  }

  private readonly flushNow = () => void this.flush();

  private readonly flushWhenVisible = () => {
    if (document.visibilityState === 'visible') void this.flush();
  };

  private async sendAll(): Promise<void> {
    try {
      // Writes queued while this runs are sent by it too: nothing else may come to flush them.
      const attempted = new Set<string>();
      let waiting = await this.unattempted(attempted);
      while (waiting.length) {
        for (const entry of waiting) {
          if (attempted.has(entry.key)) continue;
          const request = sentWith(entry, waiting);
          for (const each of request) attempted.add(each.key);
          if (!(await this.sendRequest(request))) return;
        }
        waiting = await this.unattempted(attempted);
      }
    } catch (error) {
      // The outbox itself could not be read or written: its entries are still there for the next attempt.
      console.warn('off-layer: pending writes could not be sent now; they will be tried again.', error);
      this.later();
    }
  }

  private async unattempted(attempted: Set<string>): Promise<PendingEntry[]> {
    return (await this.outbox.entries()).filter((entry) => !entry.failure && !attempted.has(entry.key));
  }

  /** False when the store cannot take writes now: the rest waits for the next attempt. */
  private async sendRequest(entries: PendingEntry[]): Promise<boolean> {
    let records: (OffRecord | undefined)[];
    try {
      records = await this.recipient.send(entries);
    } catch (error) {
      if (isTransient(error)) {
        this.later(error);
        return false;
      }
      // A batch is written all or none: the store refused every record of it.
      await this.recipient.refused(entries, error);
      return true;
    }
    this.retry.reset();
    // A follow-up has a new key, not attempted yet: this flush sends it too.
    const followUps = await this.outbox.settle(entries, records);
    this.recipient.delivered(entries, records, followUps);
    return true;
  }
}
