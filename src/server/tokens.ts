import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function newEditToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The edit token of a create sent with an idempotency key (of the record at
 * `index` in a batch). Derived rather than stored so that a replay can return
 * the same token while the database keeps only hashes; the key is as secret as
 * the token (122 random bits for a UUID).
 */
export function editTokenFor(idempotencyKey: string, index?: number): string {
  // "/" never occurs in a key: a batch's tokens differ from any single create's.
  const scoped = index === undefined ? idempotencyKey : `${idempotencyKey}/${index}`;
  return createHash('sha256').update(`off-layer edit token\0${scoped}`).digest('base64url');
}

export function idempotencyKeyHash(scopedKey: string): string {
  return sha256(`off-layer idempotency key\0${scopedKey}`);
}

/** Compares a presented token with a stored SHA-256 hash in constant time. */
export function tokenMatches(token: string, hash: string): boolean {
  const presented = Buffer.from(sha256(token), 'hex');
  const expected = Buffer.from(hash, 'hex');
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}
