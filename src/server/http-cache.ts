import type { Context, MiddlewareHandler } from 'hono';
import { createHash } from 'node:crypto';
import type { Coding, Encoded } from './encoding.js';

/**
 * Public answers (lists, records, calendars, exports): a CDN or nginx may serve one for 5 s, then a stale one
 * for up to 30 s more while it asks again, so a rush of thousands costs the server one request per few seconds;
 * a record hidden by a moderator is gone from them within 35 s.
 */
export const PUBLIC_SHORT = 'public, max-age=5, stale-while-revalidate=30';
/** Anything that depends on a token, or on moderation rights, or that is an error. */
export const PRIVATE = 'private, no-store';

/** Gives every API answer that did not choose its caching the private one. */
export function privateByDefault(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', PRIVATE);
  };
}

/** A short, stable digest for entity tags. */
export function digest(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(part);
  return hash.digest('base64url').slice(0, 20);
}

/** The tag of one representation: a coding other than identity is a different representation, so a different tag. */
function entityTag(opaque: string, weak: boolean, coding: string): string {
  return `${weak ? 'W/' : ''}"${opaque}${coding === 'identity' ? '' : `-${coding}`}"`;
}

/**
 * Whether If-None-Match names the tag `opaque`, in any coding (weak comparison, RFC 9110 13.1.2):
 * a client that was sent the gzip variant and now accepts brotli still has the same content.
 */
export function namesTag(ifNoneMatch: string | undefined, opaque: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return (ifNoneMatch.match(/"[^"]*"/g) ?? []).some((tag) => tag.slice(1, -1).replace(/-(?:br|gzip)$/, '') === opaque);
}

export interface Representation {
  encoded: Encoded;
  type: string;
  /** The opaque part of the entity tag, without coding. */
  tag: string;
  /** Weak: equivalent content, not byte for byte (a calendar's DTSTAMP, an export's exportedAt). */
  weak?: boolean;
  cacheControl: string;
  headers?: Record<string, string>;
}

/** The headers of a representation's answer in `coding`: 200 with `body`, or 304 without. */
export function answerHeaders({ type, tag, weak = false, cacheControl, headers = {} }: Representation, coding: Coding, body: boolean): Record<string, string> {
  const common = { ETag: entityTag(tag, weak, coding), 'Cache-Control': cacheControl, ...headers };
  return body ? { ...common, 'Content-Type': type, ...(coding !== 'identity' && { 'Content-Encoding': coding }) } : common;
}

/** 304 when If-None-Match names the representation's tag, else its body in the coding the client prefers. */
export async function send(c: Context, representation: Representation): Promise<Response> {
  const coding = representation.encoded.codingFor(c.req.header('Accept-Encoding'));
  c.header('Vary', 'Accept-Encoding', { append: true });
  if (namesTag(c.req.header('If-None-Match'), representation.tag)) return c.body(null, 304, answerHeaders(representation, coding, false));
  const body = await representation.encoded.body(coding);
  return c.body(body, 200, answerHeaders(representation, coding, true));
}
