import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { RecordKind } from '../model/records.js';
import { validate, type FieldIssue, type Validated } from '../model/validate.js';
import { HttpError } from './http-error.js';
import { idempotencyKeyHash } from './tokens.js';

export const MAX_BODY_BYTES = 64 * 1024;
/** A batch of the largest records would not fit: it is meant for imports of ordinary ones. */
export const MAX_BATCH_BODY_BYTES = 2 * 1024 * 1024;
export const MAX_BATCH_RECORDS = 1000;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,128}$/;

/**
 * The JSON body. Only application/json is accepted: other types are "simple"
 * cross-origin requests a browser sends without asking CORS first.
 */
export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('Content-Type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) throw new HttpError('unsupported-media-type');
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError('bad-json');
  }
}

/** The hidden field of the contribution form, which people leave empty. */
export function checkHoneypot(c: Context): void {
  const honeypot = c.req.header('X-Off-Honeypot');
  if (honeypot !== undefined && honeypot !== '') throw new HttpError('bot');
}

export function validInput<K extends RecordKind>(kind: K, body: unknown): Validated<K> {
  const result = validate(kind, body);
  if (!result.ok) throw new HttpError('validation', { issues: result.issues });
  return result.value;
}

/** The body with `field` set to the value the URL names; a body that names another value is refused. */
export function withAddressed(body: unknown, field: 'event' | 'id', value: string): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const given = (body as Record<string, unknown>)[field];
  if (given !== undefined && given !== null && given !== '' && given !== value) {
    const issue: FieldIssue = { field, code: 'mismatch' };
    throw new HttpError('validation', { issues: [issue] });
  }
  return { ...body, [field]: value };
}

/** The inputs of a batch create: `{ "records": [input, …] }`, 1 to MAX_BATCH_RECORDS of them. */
export function batchInputs(body: unknown): unknown[] {
  const records = (body as { records?: unknown } | null)?.records;
  if (!Array.isArray(records) || records.length === 0) {
    throw new HttpError('bad-request', { message: 'Send { "records": [input, …] } with at least one record.' });
  }
  if (records.length > MAX_BATCH_RECORDS) throw new HttpError('too-many');
  return records;
}

export function bearerToken(c: Context): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '')?.[1];
}

export interface IdempotencyKey {
  key: string;
  hash: string;
}

/** The `Idempotency-Key` header, scoped to the method and `scope` (the kind, and whether a batch) it was sent with. */
export function idempotencyKey(c: Context, scope: string): IdempotencyKey | undefined {
  const key = c.req.header('Idempotency-Key');
  if (key === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new HttpError('bad-request', { message: 'Idempotency-Key must be 16 to 128 letters, digits, "-" or "_" (a UUID fits).' });
  }
  return { key, hash: idempotencyKeyHash(`${c.req.method} ${scope} ${key}`) };
}

/**
 * Who to count a write against: the peer address or, behind a trusted proxy, the
 * last X-Forwarded-For hop, the one that proxy appended. Earlier hops come from
 * the client, who could send a new one with every write.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  const forwarded = trustProxy ? c.req.header('X-Forwarded-For')?.split(',').at(-1)?.trim() : undefined;
  return forwarded || (getConnInfo(c).remote.address ?? 'unknown');
}
