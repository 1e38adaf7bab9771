/** Where a record read from another server (an element's `sources`, a seed card's URL) comes from. */
export interface Origin {
  /** That server's address, as `store` names one: `https://other.example/api`. */
  address: string;
  /** The record's canonical URL there. */
  url: string;
}

const origins = new WeakMap<object, Origin>();

/** Where `record` was read from, when another server; undefined for the element's own store's records. */
export function originOf(record: object): Origin | undefined {
  return origins.get(record);
}

/** A copy of `record` marked with its origin (a copy: the source's own store, shown elsewhere on the page, keeps its records unmarked). */
export function withOrigin<T extends object>(record: T, origin: Origin): T {
  const copy = { ...record };
  origins.set(copy, origin);
  return copy;
}
