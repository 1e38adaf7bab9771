export function newId(): string {
  return crypto.randomUUID();
}

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Ids and event slugs share one safe shape: they end up in URLs, keys and file names. */
export function isSafeId(value: string): boolean {
  return ID_PATTERN.test(value);
}
