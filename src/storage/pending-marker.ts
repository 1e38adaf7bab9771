/** Where a store without an outbox of its own keeps its pending writes: on the device, or for the life of the page. */
export interface PendingHome {
  name: string;
  keptIn: 'device' | 'page';
}

const inThisPage = new Set<string>();
const markerKey = (name: string) => `off-layer-pending\n${name}`;
/** The marker of a store a page looked at and found without pending writes (no marker at all: none ever looked). */
const NONE_PENDING = '0';

/**
 * What the marker says of the store's pending writes, read without loading the outbox: `undefined` where no page has
 * marked it (before the HTTP store kept a marker, its outbox was never marked). In doubt (storage refused), true.
 */
export function pendingMarked({ name, keptIn }: PendingHome): boolean | undefined {
  if (inThisPage.has(name) || keptIn === 'page') return inThisPage.has(name);
  try {
    const marker = localStorage.getItem(markerKey(name));
    return marker === null ? undefined : marker !== NONE_PENDING;
  } catch {
    return true;
  }
}

/** Whether a local store may have pending writes: its outbox was always marked. A page whose writes all went through never downloads it. */
export function mayHavePending(home: PendingHome): boolean {
  return pendingMarked(home) === true;
}

export function markPending({ name, keptIn }: PendingHome, pending: boolean): void {
  if (pending) inThisPage.add(name);
  else inThisPage.delete(name);
  if (keptIn === 'page') return;
  try {
    localStorage.setItem(markerKey(name), pending ? '1' : NONE_PENDING);
  } catch {
    // Where localStorage is refused, the marker lives in this page only, and a later visit loads the outbox to look.
  }
}
