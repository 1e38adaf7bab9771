// Requests whose bytes the tests see as sent: fetch would decompress them and hide Content-Encoding's effect.
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

export interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The status line and headers, as received. */
  headBytes: number;
  /** The bytes on the wire. */
  bytes: Buffer;
  /** The body once its Content-Encoding is undone. */
  text: string;
}

export function decoded(bytes: Buffer, encoding: string | undefined): Buffer {
  if (encoding === 'br') return brotliDecompressSync(bytes);
  if (encoding === 'gzip') return gunzipSync(bytes);
  if (encoding === undefined) return bytes;
  throw new Error(`unexpected Content-Encoding ${encoding}`);
}

export function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const bytes = Buffer.concat(chunks);
        const encoding = response.headers['content-encoding'];
        const head = `HTTP/1.1 ${response.statusCode} ${response.statusMessage}\r\n${response.rawHeaders.map((value, index) => (index % 2 ? `${value}\r\n` : `${value}: `)).join('')}\r\n`;
        const text = decoded(bytes, encoding).toString('utf8');
        resolve({ status: response.statusCode!, headers: response.headers, headBytes: Buffer.byteLength(head), bytes, text });
      });
      response.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}
