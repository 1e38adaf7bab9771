import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, MiddlewareHandler } from 'hono';
import { readFile, stat } from 'node:fs/promises';
import { Encoded, isCompressible, type Bytes } from './encoding.js';
import { digest, send } from './http-cache.js';

/**
 * Hashed names, what they hold never changes: Vite's assets (`assets/name-[hash].js`) and the script tag's
 * chunks beside `off-layer.js` (`off-layer/name-[hash].js`). `off-layer.js` itself keeps its name: revalidated.
 */
const HASHED_ASSET = /\/(assets|off-layer)\/[^/]+-[\w-]{8,}\.\w+$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Pages and unhashed files: kept, but asked about again each time (a 304 when unchanged). */
const REVALIDATE = 'no-cache';
/**
 * The script tag's loader keeps its name across versions, but it only names the hashed chunks: a returning visitor runs
 * the copy kept while it is checked in the background (one round trip less before the widgets), a new version the
 * visit after. Chunks of the version before stay in a folder copied over, so a stale loader still finds its own.
 */
const SCRIPT_TAG_LOADER = /\/off-layer\.js$/;
const LOADER = 'public, max-age=0, stale-while-revalidate=604800';

const cacheControlOf = (path: string) => (HASHED_ASSET.test(path) ? IMMUTABLE : SCRIPT_TAG_LOADER.test(path) ? LOADER : REVALIDATE);
/** Files kept in memory, each compressed once; larger ones, or beyond the budget, are streamed from disk as they are. */
const MAX_KEPT_FILE_BYTES = 4 * 1024 * 1024;
const KEPT_BUDGET_BYTES = 64 * 1024 * 1024;

interface KeptFile {
  mtimeMs: number;
  size: number;
  encoded: Encoded;
  tag: string;
}

/**
 * The `--static` folder at `/`: Hono's serveStatic finds the file (paths, index.html, types), then files up to 4 MB are
 * answered from memory, compressed once per version of the file (brotli or gzip, as the browser prefers), with an
 * entity tag; hashed assets as immutable.
 */
export function staticFiles(root: string): MiddlewareHandler {
  const found = new WeakMap<Context, string>();
  const serve = serveStatic({ root, onFound: (path, c) => void found.set(c, path) });
  const kept = new Map<string, Promise<KeptFile>>();
  let keptBytes = 0;

  async function keptFile(path: string, compressible: boolean): Promise<KeptFile | undefined> {
    const { mtimeMs, size } = await stat(path);
    const known = kept.get(path);
    const current = await known;
    if (current && current.mtimeMs === mtimeMs && current.size === size) return current;
    if (size > MAX_KEPT_FILE_BYTES || keptBytes - (current?.size ?? 0) + size > KEPT_BUDGET_BYTES) return undefined;
    const reading = readFile(path).then((bytes) => ({ mtimeMs, size, encoded: new Encoded(bytes as Bytes, 'static', compressible), tag: `f.${digest(bytes)}` }));
    kept.set(path, reading);
    keptBytes += size - (current?.size ?? 0);
    return reading;
  }

  return async (c, next) => {
    const response = await serve(c, next);
    const path = found.get(c);
    if (!response || !path) return response;
    const cacheControl = cacheControlOf(c.req.path);
    const type = response.headers.get('Content-Type') ?? 'application/octet-stream';
    const file = c.req.method === 'GET' && !c.req.header('Range') ? await keptFile(path, isCompressible(type)) : undefined;
    if (!file) {
      response.headers.set('Cache-Control', cacheControl);
      return response;
    }
    await response.body?.cancel();
    c.header('Content-Length', undefined);
    return send(c, { encoded: file.encoded, type, tag: file.tag, cacheControl });
  };
}
