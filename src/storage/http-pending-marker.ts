import { keyUnder, OUTBOX_DATABASE } from './http-local.js';
import { pendingMarked, type PendingHome } from './pending-marker.js';

/** How long the list of databases may take: past it, the outbox is loaded to look, rather than hold the page's reads. */
const DATABASES_TIMEOUT_MS = 1000;

/**
 * Whether a server's store may have pending writes (here, in another tab, or left by an earlier visit), read without
 * loading its outbox, so that a page where nobody writes never downloads it. Releases before the marker kept none:
 * until a page that loaded the outbox marks it, the outbox's storage itself says whether it may hold writes.
 */
export async function mayHavePendingOnServer(home: PendingHome): Promise<boolean> {
  return pendingMarked(home) ?? (await outboxMayHoldWrites(home.name));
}

/**
 * Whether the outbox's database exists, asked once per page: while no page has marked the store, every read asks, and
 * the answer cannot turn from no to yes without a page marking it (whoever keeps a write there marks it).
 */
let outboxDatabase: Promise<boolean> | undefined;

function outboxDatabaseExists(): Promise<boolean> {
  outboxDatabase ??= (async () => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), DATABASES_TIMEOUT_MS)));
    const databases = await Promise.race([indexedDB.databases(), timeout]).finally(() => clearTimeout(timer));
    return !databases || databases.some((database) => database.name === OUTBOX_DATABASE);
  })().catch(() => true);
  return outboxDatabase;
}

/** Whether the outbox's `localStorage` table holds writes of `name`, or its database exists; in doubt, it may. */
async function outboxMayHoldWrites(name: string): Promise<boolean> {
  try {
    if (localStorage.getItem(keyUnder(OUTBOX_DATABASE, name)) !== null) return true;
  } catch {
    return true;
  }
  return outboxDatabaseExists();
}
