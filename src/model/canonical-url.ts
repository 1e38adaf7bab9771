import { isSafeId } from './ids.js';
import { KIND_SEGMENTS, type RecordKind } from './records.js';

/**
 * A record's identity across sites: `<public base>/api/<kind segment>/<id>` on the server that holds it. `base` is
 * that server's public address (`https://example.org`, or with a path behind a proxy); a trailing slash is dropped.
 */
export function canonicalUrl(base: string, kind: RecordKind, id: string): string {
  return `${base.replace(/\/+$/, '')}/api/${KIND_SEGMENTS[kind]}/${encodeURIComponent(id)}`;
}

const RECORD_PATH = /\/api\/([a-z-]+)\/([^/]+)$/;

/** The kind and id a canonical URL names, when `value` is an http(s) URL shaped like one. */
export function parseCanonicalUrl(value: string): { kind: RecordKind; id: string } | undefined {
  const url = URL.parse(value);
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash) return undefined;
  const [, segment, id] = RECORD_PATH.exec(url.pathname) ?? [];
  const kind = (Object.keys(KIND_SEGMENTS) as RecordKind[]).find((each) => KIND_SEGMENTS[each] === segment);
  return kind && id && isSafeId(decodeURIComponent(id)) ? { kind, id: decodeURIComponent(id) } : undefined;
}

/** A seed's canonical URL on some server (its path may start with the proxy's: …/off/api/seeds/ID). */
const SEED_URL = /^https?:\/\/[^/?#\s]+(?:\/[^?#\s]*)?\/api\/seeds\/[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** A seed on another server, as `replantedFrom` may name it: a check small enough for every page that validates. */
export function isSeedUrl(value: string): boolean {
  return value.length <= 2048 && SEED_URL.test(value) && URL.canParse(value);
}
