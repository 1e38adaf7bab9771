import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { OffRecord } from '../../model/records.js';
import type { OffStore } from '../../storage/store.js';
import { isPermanent, type QueuedContribution, type SubmissionQueue } from './submission-queue.js';

const FIRST_RETRY_MS = 2000;
const LAST_RETRY_MS = 60000;

export interface QueueSources {
  queue: () => SubmissionQueue;
  store: () => OffStore;
  isOnline: () => boolean;
  onSent: (item: QueuedContribution, record: OffRecord) => void;
}

/**
 * Sends queued contributions when the device is back online, when the page
 * becomes visible again, and with exponential backoff meanwhile. One tab sends
 * at a time (Web Locks where present), always re-reading the queue first, so
 * two tabs never send the same contribution twice.
 */
export class QueueController implements ReactiveController {
  /** Waiting contributions, as last read. */
  items: QueuedContribution[] = [];
  online = true;

  private attempt = 0;
  private timer?: ReturnType<typeof setTimeout>;
  private flushing?: Promise<void>;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly sources: QueueSources,
  ) {
    host.addController(this);
  }

  /** Contributions still to be sent (not those refused for good). */
  get waiting(): QueuedContribution[] {
    return this.items.filter((item) => !item.failure);
  }

  get refused(): QueuedContribution[] {
    return this.items.filter((item) => item.failure);
  }

  hostConnected(): void {
    window.addEventListener('online', this.onNetworkChange);
    window.addEventListener('offline', this.onNetworkChange);
    window.addEventListener('storage', this.onStorage);
    document.addEventListener('visibilitychange', this.onVisibilityChange);
    this.online = this.sources.isOnline();
    this.refresh();
    this.retryNow();
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.onNetworkChange);
    window.removeEventListener('offline', this.onNetworkChange);
    window.removeEventListener('storage', this.onStorage);
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Queues a contribution and starts retrying it. */
  add(contribution: Omit<QueuedContribution, 'id' | 'queuedAt'>): QueuedContribution {
    const item = this.sources.queue().add(contribution);
    this.refresh();
    this.scheduleRetry();
    return item;
  }

  /** Drops a contribution from the queue, once it is back in the form. */
  discard(id: string): void {
    this.sources.queue().remove(id);
    this.refresh();
  }

  /** Re-reads the queue (kind or event changed, or another tab changed it). */
  refresh(): void {
    this.items = this.sources.queue().items();
    this.host.requestUpdate();
  }

  /** Tries every waiting contribution now; resolves when done. */
  retryNow(): Promise<void> {
    this.attempt = 0;
    return this.flush();
  }

  private readonly onNetworkChange = (): void => {
    this.online = this.sources.isOnline();
    this.host.requestUpdate();
    if (this.online) void this.retryNow();
  };

  private readonly onVisibilityChange = (): void => {
    if (document.visibilityState === 'visible') void this.retryNow();
  };

  private readonly onStorage = (event: StorageEvent): void => {
    if (event.key === null || event.key === this.sources.queue().key) this.refresh();
  };

  private flush(): Promise<void> {
    if (!this.flushing) {
      const queue = this.sources.queue();
      const locks = globalThis.navigator?.locks;
      const send = async (): Promise<void> => {
        if (locks) await locks.request(queue.key, () => this.sendAll(queue));
        else await this.sendAll(queue);
      };
      const flushing = send().finally(() => {
        this.flushing = undefined;
      });
      this.flushing = flushing;
      return flushing;
    }
    return this.flushing;
  }

  private async sendAll(queue: SubmissionQueue): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    let stalled = false;
    for (const item of queue.items().filter((waiting) => !waiting.failure)) {
      try {
        const record = await this.sources.store().put(item.kind, item.input, item.options);
        queue.remove(item.id);
        this.sources.onSent(item, record);
      } catch (error) {
        if (isPermanent(error)) {
          queue.markFailed(item.id, error.code);
        } else {
          stalled = true;
          break;
        }
      }
    }
    this.refresh();
    if (stalled) this.scheduleRetry();
    else this.attempt = 0;
  }

  private scheduleRetry(): void {
    if (this.timer || !this.host.isConnected) return;
    const delay = Math.min(FIRST_RETRY_MS * 2 ** this.attempt, LAST_RETRY_MS);
    this.attempt += 1;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, delay);
  }
}
