import { keyUnder, OUTBOX_DATABASE } from './http-local.js';
import { pendingMarked, type PendingHome } from './pending-marker.js';

/**
 * Whether a server's store may have pending writes (here, in another tab, or left by an earlier visit), read without
 * loading its outbox, so that a page where nobody writes never downloads it. Releases before the marker kept none:
 * until a page that loaded the outbox marks it, the outbox's storage itself says whether it may hold writes.
 */
export async function mayHavePendingOnServer(home: PendingHome): Promise<boolean> {
  return pendingMarked(home) ?? (await outboxMayHoldWrites(home.name));
}

/** Whether the outbox's `localStorage` table holds writes of `name`, or its database exists; in doubt, it may. */
async function outboxMayHoldWrites(name: string): Promise<boolean> {
  try {
    if (localStorage.getItem(keyUnder(OUTBOX_DATABASE, name)) !== null) return true;
    return (await indexedDB.databases()).some((database) => database.name === OUTBOX_DATABASE);
  } catch {
    return true;
  }
}
