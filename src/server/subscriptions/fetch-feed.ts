import type { FeedCursor, SyncErrorCode } from './types.js';

/** A feed that takes longer is reported unreachable: a stalled server must not hold the sync's lease. */
export const FEED_TIMEOUT_MS = 15_000;
/** A bigger feed is refused unread: a calendar of a few thousand events is well under a megabyte. */
export const MAX_FEED_BYTES = 5 * 1024 * 1024;

/** Why a sync stopped before changing anything; the records stay as the last good sync left them. */
export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export type Fetched = { notModified: true } | { notModified: false; text: string; status: number; headers: Headers };

async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('Content-Length') ?? 0);
  if (declared > maxBytes) throw new SyncError('too-large', `The feed is ${declared} bytes, over the limit of ${maxBytes}.`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  for (let read = await reader?.read(); read && !read.done; read = await reader!.read()) {
    size += read.value.byteLength;
    if (size > maxBytes) {
      await reader!.cancel();
      throw new SyncError('too-large', `The feed is over the limit of ${maxBytes} bytes.`);
    }
    chunks.push(read.value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/**
 * GETs a feed with a timeout and a size cap, conditionally when an earlier answer gave an ETag or Last-Modified.
 * `accept` lists the statuses the caller reads (besides 2xx): an off-layer server's 410 asks for a full read.
 */
export async function fetchFeed(url: string, cursor: FeedCursor, accept: number[] = [], maxBytes = MAX_FEED_BYTES): Promise<Fetched> {
  const headers: Record<string, string> = { 'User-Agent': 'off-layer-server (subscription)' };
  if (cursor.etag) headers['If-None-Match'] = cursor.etag;
  if (cursor.lastModified) headers['If-Modified-Since'] = cursor.lastModified;
  let response: Response;
  try {
    response = await fetch(url, { headers, redirect: 'follow', signal: AbortSignal.timeout(FEED_TIMEOUT_MS) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    throw new SyncError('unreachable', `The feed could not be reached (${cause}).`);
  }
  if (response.status === 304 || (!response.ok && !accept.includes(response.status))) {
    await response.body?.cancel().catch(() => undefined);
    if (response.status === 304) return { notModified: true };
    throw new SyncError('http-status', `The feed answered ${response.status} ${response.statusText}.`);
  }
  try {
    return { notModified: false, text: await readCapped(response, maxBytes), status: response.status, headers: response.headers };
  } catch (error) {
    if (error instanceof SyncError) throw error;
    throw new SyncError('unreachable', `The feed broke off while being read (${(error as Error).name}).`);
  }
}
