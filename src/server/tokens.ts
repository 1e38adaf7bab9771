import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function newEditToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The edit token of a create sent with an idempotency key (of the record at
 * `index` in a batch). Derived rather than stored so that a replay can return
 * the same token while the database keeps only hashes; keyed with the server's
 * secret, so that a key seen in a log does not give the token away.
 */
export function editTokenFor(secret: string, idempotencyKey: string, index?: number): string {
  // "/" never occurs in a key: a batch's tokens differ from any single create's.
  const scoped = index === undefined ? idempotencyKey : `${idempotencyKey}/${index}`;
  return hmac(secret, `off-layer edit token\0${scoped}`);
}

export function hmac(secret: string, value: string): string {
  return createHmac('sha256', secret).update(value).digest('base64url');
}

/** A new server secret, for when OFF_SECRET does not give one. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function idempotencyKeyHash(scopedKey: string): string {
  return sha256(`off-layer idempotency key\0${scopedKey}`);
}

/** Compares a presented token with a stored SHA-256 hash in constant time. */
export function tokenMatches(token: string, hash: string): boolean {
  return sameText(sha256(token), hash);
}

/** Compares two strings in constant time (for equal lengths). */
export function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
