import type { SqlDriver } from '../sql-driver.js';
import type { FeedCursor, FeedKind, Subscription, SyncedItem, SyncStatus } from './types.js';

const COLUMNS = 'id, event, kind, url, interval_seconds, created_at, next_at, status, time_zone';

function toSubscription([id, event, kind, url, interval, createdAt, nextAt, status, timeZone]: unknown[]): Subscription {
  return {
    id: id as string,
    event: event as string,
    kind: kind as FeedKind,
    url: url as string,
    intervalSeconds: Number(interval),
    ...(typeof timeZone === 'string' && { timeZone }),
    createdAt: createdAt as string,
    nextSyncAt: new Date(Number(nextAt)).toISOString(),
    status: JSON.parse(status as string) as SyncStatus,
  };
}

/**
 * Subscriptions and the records each one brought, kept in the server's database so that they survive a restart and
 * are shared by every process on it. A sync takes a lease on its row first: with several processes, one of them
 * fetches a feed at a time, and another takes over once the lease runs out if that one died.
 */
export class SubscriptionStore {
  constructor(private readonly driver: SqlDriver) {}

  async create(subscription: Omit<Subscription, 'nextSyncAt' | 'status'>, nextAt: number): Promise<void> {
    const { id, event, kind, url, intervalSeconds, timeZone, createdAt } = subscription;
    await this.driver.rows(
      `INSERT INTO subscriptions (id, event, kind, url, interval_seconds, time_zone, created_at, next_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '{}')`,
      [id, event, kind, url, intervalSeconds, timeZone ?? null, createdAt, nextAt],
    );
  }

  async list(): Promise<Subscription[]> {
    return (await this.driver.rows(`SELECT ${COLUMNS} FROM subscriptions ORDER BY created_at, id`)).map(toSubscription);
  }

  async get(id: string): Promise<Subscription | undefined> {
    const [row] = await this.driver.rows(`SELECT ${COLUMNS} FROM subscriptions WHERE id = ?`, [id]);
    return row && toSubscription(row);
  }

  /** Forgets the subscription; the side events it brought stay, as any others. */
  async remove(id: string): Promise<boolean> {
    return this.driver.writeTransaction(async (tx) => {
      await tx.rows('DELETE FROM subscription_items WHERE subscription_id = ?', [id]);
      return (await tx.rows('DELETE FROM subscriptions WHERE id = ? RETURNING id', [id])).length > 0;
    });
  }

  /** Ids of the subscriptions due at `now` that no process holds. */
  async due(now: number): Promise<string[]> {
    return (await this.driver.rows('SELECT id FROM subscriptions WHERE next_at <= ? AND lease_until < ? ORDER BY next_at', [now, now])).map(([id]) => id as string);
  }

  /**
   * Takes the subscription for a sync until `now + leaseMs`, unless another process holds it: one UPDATE, so two
   * processes asking at once cannot both get it (PostgreSQL makes the second wait for the first, then re-reads the row).
   */
  async claim(id: string, now: number, leaseMs: number): Promise<(Subscription & FeedCursor) | undefined> {
    const [row] = await this.driver.rows(
      `UPDATE subscriptions SET lease_until = ? WHERE id = ? AND lease_until < ? RETURNING ${COLUMNS}, etag, last_modified, cursor`,
      [now + leaseMs, id, now],
    );
    if (!row) return undefined;
    const [etag, lastModified, cursor] = row.slice(9) as (string | null)[];
    return { ...toSubscription(row), etag: etag ?? undefined, lastModified: lastModified ?? undefined, cursor: cursor ?? undefined };
  }

  /** Records the sync's outcome, when the next one is due, and lets the subscription go. */
  async release(id: string, status: SyncStatus, cursor: FeedCursor, nextAt: number): Promise<void> {
    await this.driver.rows('UPDATE subscriptions SET status = ?, etag = ?, last_modified = ?, cursor = ?, next_at = ?, lease_until = 0 WHERE id = ?', [
      JSON.stringify(status),
      cursor.etag ?? null,
      cursor.lastModified ?? null,
      cursor.cursor ?? null,
      nextAt,
      id,
    ]);
  }

  async items(id: string): Promise<SyncedItem[]> {
    const rows = await this.driver.rows('SELECT source_key, record_id, fingerprint FROM subscription_items WHERE subscription_id = ?', [id]);
    return rows.map(([sourceKey, recordId, fingerprint]) => ({ sourceKey: sourceKey as string, recordId: recordId as string, fingerprint: fingerprint as string }));
  }

  async putItem(id: string, { sourceKey, recordId, fingerprint }: SyncedItem): Promise<void> {
    await this.driver.rows(
      `INSERT INTO subscription_items (subscription_id, source_key, record_id, fingerprint) VALUES (?, ?, ?, ?)
       ON CONFLICT (subscription_id, source_key) DO UPDATE SET record_id = excluded.record_id, fingerprint = excluded.fingerprint`,
      [id, sourceKey, recordId, fingerprint],
    );
  }

  async removeItem(id: string, sourceKey: string): Promise<void> {
    await this.driver.rows('DELETE FROM subscription_items WHERE subscription_id = ? AND source_key = ?', [id, sourceKey]);
  }
}
