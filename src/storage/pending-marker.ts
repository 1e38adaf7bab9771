/** Where a store without an outbox of its own keeps its pending writes: on the device, or for the life of the page. */
export interface PendingHome {
  name: string;
  keptIn: 'device' | 'page';
}

const inThisPage = new Set<string>();
const markerKey = (name: string) => `off-layer-pending\n${name}`;

/**
 * Whether the store may have pending writes, read without loading the outbox: a page whose
 * writes all went through never downloads it. In doubt (storage refused), it may.
 */
export function mayHavePending({ name, keptIn }: PendingHome): boolean {
  if (inThisPage.has(name) || keptIn === 'page') return inThisPage.has(name);
  try {
    return localStorage.getItem(markerKey(name)) !== null;
  } catch {
    return true;
  }
}

export function markPending({ name, keptIn }: PendingHome, pending: boolean): void {
  if (pending) inThisPage.add(name);
  else inThisPage.delete(name);
  if (keptIn === 'page') return;
  try {
    if (pending) localStorage.setItem(markerKey(name), '1');
    else localStorage.removeItem(markerKey(name));
  } catch {
    // Where localStorage is refused, the marker lives in this page only, and a later visit loads the outbox to look.
  }
}
