import type { MiddlewareHandler } from 'hono';
import { parseAccept } from 'hono/utils/accept';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export type Encoding = 'br' | 'gzip';
/** Bytes a Response takes as its body. */
export type Bytes = Uint8Array<ArrayBuffer>;
export type Coding = Encoding | 'identity';

/** Server preference on a tie: brotli is about 10% smaller on record lists. */
const ENCODINGS: Encoding[] = ['br', 'gzip'];
/** Below this, compressing saves less than its headers and time cost. */
export const MIN_COMPRESSED_BYTES = 1024;

/**
 * How hard to compress. Measured on a list of 10,000 side events (4.5 MB of JSON, 2 cores):
 * brotli 4 gave 273 KB in 26 ms; 5 and 6 gave larger output more slowly; 11 gave 230 KB in 15 s;
 * gzip 6 gave 297 KB in 25 ms. Answers that change with every contribution take brotli 4;
 * static files, compressed once per version, take 11 up to 256 KB (a few hundred ms at most).
 */
export type Effort = 'dynamic' | 'static';
const STATIC_MAX_QUALITY_BYTES = 256 * 1024;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

export async function compress(body: Uint8Array, encoding: Encoding, effort: Effort): Promise<Bytes> {
  if (encoding === 'gzip') return (await gzipped(body, { level: effort === 'static' ? 9 : 6 })) as Bytes;
  const quality = effort === 'static' && body.byteLength <= STATIC_MAX_QUALITY_BYTES ? 11 : 4;
  return (await brotli(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  })) as Bytes;
}

/** Browsers send a handful of distinct Accept-Encoding values: each is parsed once. */
const negotiated = new Map<string, Coding>();
const MAX_NEGOTIATED = 64;

/** The coding to answer in: the client's preferred one (q values) among br and gzip, or identity when it takes neither. */
export function negotiate(acceptEncoding: string | undefined): Coding {
  if (!acceptEncoding) return 'identity';
  let coding = negotiated.get(acceptEncoding);
  if (!coding) {
    coding = preferred(acceptEncoding);
    if (negotiated.size < MAX_NEGOTIATED) negotiated.set(acceptEncoding, coding);
  }
  return coding;
}

function preferred(acceptEncoding: string): Coding {
  const accepts = parseAccept(acceptEncoding);
  const wildcard = accepts.find((accept) => accept.type === '*')?.q;
  let best: Coding = 'identity';
  let bestQ = 0;
  for (const encoding of ENCODINGS) {
    const q = accepts.find((accept) => accept.type.toLowerCase() === encoding)?.q ?? wildcard ?? 0;
    if (q > bestQ) [best, bestQ] = [encoding, q];
  }
  return best;
}

export const isCompressible = (type: string | null | undefined) => COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type ?? '');

/** One body, and its compressed variants, each made once, when first asked for. */
export class Encoded {
  private readonly variants = new Map<Encoding, Promise<Bytes>>();
  private readonly madeVariants = new Map<Encoding, Bytes>();

  constructor(
    readonly identity: Bytes,
    private readonly effort: Effort,
    /** False for images, fonts and archives that are compressed already. */
    private readonly compressible = true,
  ) {}

  /** An answer made for this request or this version of a list. */
  static text(text: string): Encoded {
    return new Encoded(Buffer.from(text) as Bytes, 'dynamic');
  }

  /** The coding worth sending to a client that accepts `acceptEncoding`. */
  codingFor(acceptEncoding: string | undefined): Coding {
    return !this.compressible || this.identity.byteLength < MIN_COMPRESSED_BYTES ? 'identity' : negotiate(acceptEncoding);
  }

  body(coding: Coding): Promise<Bytes> {
    if (coding === 'identity') return Promise.resolve(this.identity);
    let variant = this.variants.get(coding);
    if (!variant) {
      variant = compress(this.identity, coding, this.effort);
      variant.then(
        (bytes) => this.madeVariants.set(coding, bytes),
        () => this.variants.delete(coding),
      );
      this.variants.set(coding, variant);
    }
    return variant;
  }

  /** The body in `coding` if it is made already. */
  made(coding: Coding): Bytes | undefined {
    return coding === 'identity' ? this.identity : this.madeVariants.get(coding);
  }

  /** Memory held: the body and the variants made so far. */
  get bytes(): number {
    let bytes = this.identity.byteLength;
    for (const variant of this.madeVariants.values()) bytes += variant.byteLength;
    return bytes;
  }
}

/**
 * Compresses the API answers that did not choose their coding themselves (those send `Vary: Accept-Encoding`):
 * single writes' answers, batches, errors, the OpenAPI document. Server-sent events are left alone.
 */
export function compression(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const { res } = c;
    // Headers only: reading res.body would take an answer off @hono/node-server's fast path.
    if (c.req.method === 'HEAD' || res.headers.has('Content-Encoding') || /accept-encoding/i.test(res.headers.get('Vary') ?? '')) return;
    if (!isCompressible(res.headers.get('Content-Type')) || /no-transform/i.test(res.headers.get('Cache-Control') ?? '')) return;
    const headers = new Headers(res.headers);
    headers.append('Vary', 'Accept-Encoding');
    const identity = new Uint8Array(await res.arrayBuffer());
    const encoded = new Encoded(identity, 'dynamic');
    const coding = encoded.codingFor(c.req.header('Accept-Encoding'));
    if (coding !== 'identity') {
      headers.set('Content-Encoding', coding);
      headers.delete('Content-Length');
    }
    const body = await encoded.body(coding);
    // Unset first: Hono would otherwise copy the old answer's headers (its Content-Length) onto the new one.
    c.res = undefined;
    c.res = new Response(body, { status: res.status, headers });
  };
}
