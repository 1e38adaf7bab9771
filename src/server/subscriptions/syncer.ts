import type { ChangeHub } from '../change-hub.js';
import type { Repository } from '../repository.js';
import { FEED_TIMEOUT_MS, SyncError } from './fetch-feed.js';
import { readIcsFeed, readOffLayerFeed, type FeedRead } from './feeds.js';
import { reconcile } from './reconcile.js';
import type { FeedCursor, Subscription, SyncStatus } from './types.js';

export interface SyncerOptions {
  /** Months of occurrences of repeating events read ahead. */
  feedMonths: number;
  /** The shortest interval a subscription may ask for; the scheduler looks for due ones four times as often (1 s to 30 s). */
  minIntervalSeconds: number;
}

/** Longer than a fetch may take and the writes after it: a process that died mid-sync frees its feeds after this. */
const LEASE_MS = FEED_TIMEOUT_MS * 2 + 60_000;

/**
 * Keeps subscriptions in sync, on their schedule, in every server process: each looks for due subscriptions and
 * takes a lease on one before syncing it, so that a feed is fetched by one process at a time.
 */
export class Syncer {
  private timer?: NodeJS.Timeout;
  private ticking?: Promise<void>;

  constructor(
    private readonly repository: Repository,
    private readonly hub: ChangeHub,
    readonly options: SyncerOptions,
  ) {}

  start(): void {
    const every = Math.min(30_000, Math.max(1000, (this.options.minIntervalSeconds * 1000) / 4));
    this.timer = setInterval(() => void this.tick(), every);
    void this.tick();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.ticking;
  }

  private tick(): Promise<void> {
    this.ticking ??= this.syncDue()
      .catch((error) => {
        if (!this.repository.isUnavailable(error)) console.warn(`Subscriptions: ${(error as Error).message}`);
      })
      .finally(() => (this.ticking = undefined));
    return this.ticking;
  }

  private async syncDue(): Promise<void> {
    for (const id of await this.repository.subscriptions.due(Date.now())) await this.sync(id);
  }

  /** Syncs the subscription now; undefined when another process is syncing it. */
  async sync(id: string): Promise<Subscription | undefined> {
    const started = Date.now();
    const claimed = await this.repository.subscriptions.claim(id, started, LEASE_MS);
    if (!claimed) return undefined;
    const { etag, lastModified, cursor, ...subscription } = claimed;
    const attempt = new Date(started).toISOString();
    let status: SyncStatus;
    let next: FeedCursor = { etag, lastModified, cursor };
    try {
      const read = await this.read(subscription, next, started);
      if (read.notModified) status = { ...subscription.status, lastAttemptAt: attempt, lastSuccessAt: attempt, error: undefined };
      else {
        const { changed, ...outcome } = await reconcile(this.repository, subscription, read, started);
        if (changed) void this.hub.poke();
        status = { lastAttemptAt: attempt, lastSuccessAt: attempt, ...outcome };
        next = read.cursor;
      }
    } catch (error) {
      if (!(error instanceof SyncError)) console.warn(`Subscription ${id}: ${(error as Error).stack}`);
      const code = error instanceof SyncError ? error.code : 'sync-failed';
      status = { ...subscription.status, lastAttemptAt: attempt, error: { code, message: (error as Error).message } };
    }
    await this.repository.subscriptions.release(id, JSON.parse(JSON.stringify(status)) as SyncStatus, next, started + subscription.intervalSeconds * 1000);
    return this.repository.subscriptions.get(id);
  }

  private read(subscription: Subscription, cursor: FeedCursor, now: number): Promise<FeedRead> {
    if (subscription.kind === 'off-layer') return readOffLayerFeed(subscription, cursor);
    return readIcsFeed(subscription, cursor, { from: new Date(now), months: this.options.feedMonths });
  }
}
