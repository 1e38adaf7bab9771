import type { StorageErrorCode } from '../model/messages.js';
import type { OffRecord } from '../model/records.js';
import { isTransient } from './errors.js';
import { keyUnder } from './http-local.js';
import type { OutboxTable, Rewrite } from './outbox-tables.js';
import { isCreate, upgraded, type PendingEntry, type PendingOperation } from './pending-entry.js';
import { markPending, type PendingHome } from './pending-marker.js';

let sequence = 0;

/**
 * What a create edited or removed here while its request was in flight (`now`, its entry as it
 * stands) means for the record the store `created`: a replace or a removal of it. Nothing if unchanged.
 */
function followUp(sent: PendingEntry, now: PendingEntry | undefined, created: OffRecord | undefined): PendingOperation | undefined {
  if (!isCreate(sent) || (now && isCreate(now) && now.record.updatedAt === sent.record.updatedAt)) return undefined;
  const { kind } = sent;
  const { id, createdAt } = created!;
  return now && isCreate(now) ? { op: 'replace', kind, id, input: now.input, record: { ...now.record, id, createdAt } } : { op: 'remove', kind, id };
}

/**
 * The one durable queue of writes made on this device that their store has not made yet, kept across
 * reloads, in the first of `tables` that can keep them (IndexedDB, then `localStorage` when IndexedDB
 * refuses). Every store keeps its pending writes here, under its own name.
 */
export class Outbox {
  constructor(
    /** The store's name: a server's base URL, or a local store's. */
    readonly name: string,
    private readonly tables: OutboxTable[],
  ) {}

  /** An entry for `write`, not stored yet: made directly, or `save`d when it has to wait. */
  entryFor<W extends PendingOperation>(write: W): W & PendingEntry {
    const now = new Date();
    sequence += 1;
    const order = `${now.getTime().toString().padStart(15, '0')}.${sequence.toString().padStart(9, '0')}`;
    return { ...write, key: keyUnder(this.name, order), idempotencyKey: crypto.randomUUID(), queuedAt: now.toISOString() } as W & PendingEntry;
  }

  /** Every entry of this store, oldest first, refused ones included. */
  async entries(): Promise<PendingEntry[]> {
    const held = await this.held();
    if (held.every((entries) => entries === undefined)) await this.tables[0].read(this.prefix);
    return held.flatMap((entries) => entries ?? []).sort((a, b) => (a.key < b.key ? -1 : 1));
  }

  /** Adds or replaces entries; throws `UnavailableError` or `QuotaError` when no table can keep them. */
  async save(entries: PendingEntry[]): Promise<void> {
    let failure: unknown;
    for (const table of this.tables) {
      try {
        return await table.save(entries);
      } catch (error) {
        if (!isTransient(error)) throw error;
        failure ??= error;
      }
    }
    throw failure;
  }

  async delete(key: string): Promise<void> {
    await Promise.all(this.tables.map((table) => table.delete(key).catch(() => undefined)));
  }

  /**
   * Deletes the entries one request sent, read again in the same transaction so that no change
   * made meanwhile is lost: a create changed while it was sent is followed by a write of the
   * record the store `created`, a new entry at the end of the queue. Returns those new entries.
   */
  settle(sent: PendingEntry[], created: (OffRecord | undefined)[]): Promise<PendingEntry[]> {
    return this.rewrite(sent, (entry, now, index) => {
      const write = followUp(entry, now, created[index]);
      return write && this.entryFor(write);
    });
  }

  /**
   * Keeps the entries of a request refused for good, marked with its `failure`, as they are now:
   * edited meanwhile, the latest version; removed, or a create turned into its withdrawal (the
   * server wrote nothing to withdraw), nothing.
   */
  async refuse(sent: PendingEntry[], failure: StorageErrorCode): Promise<void> {
    await this.rewrite(sent, (entry, now) => (now && (isCreate(now) || now.op === entry.op) ? { ...now, failure } : undefined));
  }

  private get prefix(): string {
    return keyUnder(this.name, '');
  }

  /** Each table's entries, `undefined` for a table that cannot be read. */
  private held(): Promise<(PendingEntry[] | undefined)[]> {
    return Promise.all(
      this.tables.map((table) =>
        table.read(this.prefix).then(
          (entries) => entries.map(upgraded),
          () => undefined,
        ),
      ),
    );
  }

  /** Rewrites each entry in the table that holds it (the first, for one deleted meanwhile). */
  private async rewrite(sent: PendingEntry[], next: Rewrite): Promise<PendingEntry[]> {
    if (this.tables.length === 1) return this.tables[0].rewrite(sent, next);
    const held = await this.held();
    const home = (entry: PendingEntry) => Math.max(0, held.findIndex((entries) => entries?.some((each) => each.key === entry.key)));
    const written = await Promise.all(
      this.tables.map((table, index) => {
        const mine = sent.map((entry, position) => ({ entry, position })).filter(({ entry }) => home(entry) === index);
        return mine.length ? table.rewrite(mine.map(({ entry }) => entry), (entry, now, at) => next(entry, now, mine[at].position)) : [];
      }),
    );
    return written.flat();
  }

  /** Runs `task` as the only sender of this outbox across this page's stores and other tabs, so no write is sent twice at once. */
  async exclusively(task: () => Promise<void>): Promise<void> {
    if (!navigator.locks) return task();
    await navigator.locks.request(`off-layer-outbox ${this.name}`, task);
  }

  /**
   * Keeps `home`'s marker, which pages read before loading an outbox, after a look that found `entries` (undefined:
   * unreadable): set while the outbox holds writes (refused ones too) or cannot be read; cleared only if a second look
   * still finds it empty, so that a write another tab kept since the first look keeps it set.
   */
  async mark(home: PendingHome, entries: PendingEntry[] | undefined): Promise<void> {
    if (entries?.length !== 0) return markPending(home, true);
    markPending(home, false);
    const again = await this.entries().catch(() => undefined);
    if (again?.length !== 0) markPending(home, true);
  }
}
