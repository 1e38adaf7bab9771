import { canonicalUrl } from '../model/canonical-url.js';
import type { OffRecord, RecordKind } from '../model/records.js';

/** The server each record read from another server (an element's `sources`) came from: its base URL, keyed by the record object. */
const origins = new WeakMap<object, string>();

/** The base URL of the other server `record` was read from; undefined for the element's own store's records. */
export function originOf(record: object): string | undefined {
  return origins.get(record);
}

/** A copy of `record` that says it came from `base` (a copy: the source's own store, shown elsewhere on the page, keeps its records unmarked). */
export function fromOrigin<T extends object>(record: T, base: string): T {
  const copy = { ...record };
  origins.set(copy, base);
  return copy;
}

/** The public base of a server address, as canonical URLs start: `https://example.org/api` gives `https://example.org`. */
export const publicBase = (address: string) => address.replace(/\/+$/, '').replace(/\/api$/, '');

/** The canonical URL of a record read from another server; undefined for the element's own store's records. */
export function originUrl(kind: RecordKind, record: OffRecord): string | undefined {
  const address = originOf(record);
  return address && (record.canonicalUrl ?? canonicalUrl(publicBase(address), kind, record.id));
}
