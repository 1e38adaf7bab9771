import { del, promisifyRequest, setMany } from 'idb-keyval';
import { keyUnder, localTable, OUTBOX_DATABASE, readUnder } from './http-local.js';
import { QuotaError, UnavailableError } from './errors.js';
import { guarded } from './idb.js';
import type { PendingEntry } from './pending-entry.js';

/** Given an entry as it was sent and as it is now (or gone), what to keep in its place. */
export type Rewrite = (sent: PendingEntry, now: PendingEntry | undefined, index: number) => PendingEntry | undefined;

/** Where an outbox keeps its entries; every method may throw `UnavailableError` or `QuotaError`. */
export interface OutboxTable {
  /** Every entry under `prefix`, in key order. */
  read(prefix: string): Promise<PendingEntry[]>;
  save(entries: PendingEntry[]): Promise<void>;
  delete(key: string): Promise<void>;
  /** Deletes the `sent` entries and puts what `next` makes of each, all at once. Returns what it put. */
  rewrite(sent: PendingEntry[], next: Rewrite): Promise<PendingEntry[]>;
}

const writesTable = localTable(OUTBOX_DATABASE, 'writes');

/** The outbox's home: its own IndexedDB database. */
export const idbTable: OutboxTable = {
  async read(prefix) {
    return readUnder<PendingEntry>(await writesTable(), prefix);
  },
  async save(entries) {
    const db = await writesTable();
    await guarded(() => setMany(entries.map((entry) => [entry.key, entry]), db));
  },
  async delete(key) {
    const db = await writesTable();
    await guarded(() => del(key, db));
  },
  async rewrite(sent, next) {
    const db = await writesTable();
    return guarded(() =>
      db('readwrite', async (store) => {
        const now = await Promise.all(sent.map((entry) => promisifyRequest<PendingEntry | undefined>(store.get(entry.key))));
        const written = sent.flatMap((entry, index) => {
          store.delete(entry.key);
          const kept = next(entry, now[index], index);
          return kept ? [kept] : [];
        });
        for (const entry of written) store.put(entry, entry.key);
        await promisifyRequest(store.transaction);
        return written;
      }),
    );
  },
};

/**
 * Entries as JSON under one key of a `Storage`: `localStorage` where IndexedDB refuses to keep them
 * (private mode, a full disk: its quota is separate), or a plain map for the life of the page.
 */
export function keyValueTable(name: string, storage: () => Pick<Storage, 'getItem' | 'setItem'>): OutboxTable {
  const key = keyUnder(OUTBOX_DATABASE, name);
  const load = (): Map<string, PendingEntry> => {
    try {
      return new Map(JSON.parse(storage().getItem(key) ?? '[]') as [string, PendingEntry][]);
    } catch (error) {
      console.warn('off-layer: pending writes kept in localStorage could not be read.', error);
      return new Map();
    }
  };
  const store = (entries: Map<string, PendingEntry>) => {
    try {
      storage().setItem(key, JSON.stringify([...entries]));
    } catch (error) {
      throw (error as DOMException)?.name === 'QuotaExceededError' ? new QuotaError(error) : new UnavailableError(error);
    }
  };
  return {
    async read(prefix) {
      return [...load().values()].filter((entry) => entry.key.startsWith(prefix)).sort((a, b) => (a.key < b.key ? -1 : 1));
    },
    async save(entries) {
      const all = load();
      for (const entry of entries) all.set(entry.key, entry);
      store(all);
    },
    async delete(entryKey) {
      const all = load();
      if (all.delete(entryKey)) store(all);
    },
    async rewrite(sent, next) {
      const all = load();
      const written = sent.flatMap((entry, index) => {
        const now = all.get(entry.key);
        all.delete(entry.key);
        const kept = next(entry, now, index);
        return kept ? [kept] : [];
      });
      for (const entry of written) all.set(entry.key, entry);
      store(all);
      return written;
    },
  };
}

const inThisPage = new Map<string, string>();

/** A `Storage` stand-in for the life of the page. */
export const pageMemory = (): Pick<Storage, 'getItem' | 'setItem'> => ({
  getItem: (key) => inThisPage.get(key) ?? null,
  setItem: (key, value) => void inThisPage.set(key, value),
});
