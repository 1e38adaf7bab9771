import { cors } from 'hono/cors';
import type { MiddlewareHandler } from 'hono';

const EXPOSED_HEADERS = ['Retry-After', 'ETag', 'X-Off-Cursor'].join(',');

/**
 * The CORS headers of an answer to a request from `origin` (none: a same-origin page, or not a browser): a public
 * read answers any origin (`*`, never with credentials: the API takes none but bearer tokens), a write only the
 * origins the host allows.
 */
export type CorsHeaders = (origin: string | undefined, publicRead: boolean) => Record<string, string>;

const READ_METHODS = new Set(['GET', 'HEAD']);

/** Reads anyone may make: every GET but the moderators' (`/api/hidden`, `/api/admin/…`), which need the admin token. */
export function isPublicRead(method: string | undefined, path: string): boolean {
  return READ_METHODS.has(method ?? '') && !path.startsWith('/api/admin/') && path !== '/api/hidden';
}

export function corsHeaders(allowedOrigins: string[]): CorsHeaders {
  const allowAny = allowedOrigins.includes('*');
  return (origin, publicRead) => {
    if (publicRead) return { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': EXPOSED_HEADERS };
    const allowed = allowAny ? '*' : origin !== undefined && allowedOrigins.includes(origin) ? origin : undefined;
    return {
      ...(allowed && { 'Access-Control-Allow-Origin': allowed, 'Access-Control-Expose-Headers': EXPOSED_HEADERS }),
      // A shared cache must not hand an answer without Access-Control-Allow-Origin to a page of an allowed origin.
      ...(!allowAny && { Vary: 'Origin' }),
    };
  };
}

/**
 * Hono's cors answers preflights. It would also set its headers on every other answer after the route made it, which
 * makes @hono/node-server stream a copy of an answer it would otherwise write from memory at once (a list of 2,000
 * side events cost 660 µs of CPU instead of 283): those get the same headers before the route runs.
 */
export function corsMiddleware(allowedOrigins: string[], headersFor: CorsHeaders): MiddlewareHandler {
  const allowAny = allowedOrigins.includes('*');
  const common = { exposeHeaders: EXPOSED_HEADERS.split(','), maxAge: 600 };
  const preflight = cors({
    origin: (origin) => (allowAny ? '*' : allowedOrigins.includes(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'PUT', 'DELETE'],
    allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Off-Form-Token', 'X-Off-Honeypot', 'Last-Event-ID', 'If-None-Match'],
    ...common,
  });
  const publicPreflight = cors({ origin: '*', allowMethods: ['GET', 'HEAD'], allowHeaders: ['Last-Event-ID', 'If-None-Match'], ...common });
  return (c, next) => {
    if (c.req.method === 'OPTIONS') return (isPublicRead(c.req.header('Access-Control-Request-Method'), c.req.path) ? publicPreflight : preflight)(c, next);
    for (const [name, value] of Object.entries(headersFor(c.req.header('Origin'), isPublicRead(c.req.method, c.req.path)))) c.header(name, value);
    return next();
  };
}
