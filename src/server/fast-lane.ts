import type { IncomingMessage, ServerResponse } from 'node:http';
import { isSafeId } from '../model/ids.js';
import type { Deps } from './deps.js';
import type { Coding } from './encoding.js';
import { answerHeaders, namesTag } from './http-cache.js';
import { kindOfSegment } from './kinds.js';
import type { CachedList } from './list-cache.js';
import { listRepresentation } from './routes/list-answers.js';

/** A whole list's URL, of one host event or of every event; anything more (since, other parameters) is not matched. */
const LIST_URL = /^\/api\/(?:events\/([^/?]+)\/)?(side-events|seeds)(?:\?event=([^&]*))?$/;

/** The head of one answer as node:http writes it fastest, a flat array of names and values, and the tag it names. */
interface Head {
  cursor: number;
  fields: string[];
  /** The entity tag as sent: an If-None-Match equal to it is a 304 without parsing. */
  etag: string;
}

/**
 * The rush, answered by node:http itself: a GET of a whole list that is in memory, with a 304 or the bytes in the
 * coding asked for, made already. Through Hono and @hono/node-server a 304 took 35 to 40 µs of CPU, three times what
 * node:http alone takes (npm run bench:crowd), and 2,000 phones revalidating a board are mostly that. Anything else,
 * or a list not read or not compressed yet, goes on to the app (false), which answers the same with the same headers.
 * The headers of each list, status and coding are made once per cursor: built for every answer, as an object of a
 * shape that varies, they took 4 µs of a 304's 15 µs of CPU.
 */
export function listsFromMemory({ lists, cors }: Deps): (request: IncomingMessage, response: ServerResponse) => boolean {
  const heads = new WeakMap<CachedList, Map<string, Head>>();

  const headOf = (list: CachedList, coding: Coding, body: Uint8Array | undefined): Head => {
    const cursor = lists.cursorOf(list);
    let made = heads.get(list);
    if (!made) heads.set(list, (made = new Map()));
    const key = `${coding}${body ? '' : ' 304'}`;
    let head = made.get(key);
    if (head?.cursor === cursor) return head;
    // A public read: the same CORS headers whatever the page's origin (cors.ts).
    const { Vary: varyOrigin, ...corsHeaders } = cors(undefined, true);
    const headers: Record<string, string | number> = {
      ...corsHeaders,
      ...answerHeaders(listRepresentation(lists, list), coding, body !== undefined),
      Vary: varyOrigin ? `${varyOrigin}, Accept-Encoding` : 'Accept-Encoding',
      ...(body && { 'Content-Length': body.byteLength }),
    };
    head = { cursor, fields: Object.entries(headers).flatMap(([name, value]) => [name, String(value)]), etag: String(headers.ETag) };
    made.set(key, head);
    return head;
  };

  return (request, response) => {
    const match = request.method === 'GET' ? LIST_URL.exec(request.url ?? '') : null;
    if (!match) return false;
    const [, pathEvent, segment, queryEvent] = match;
    const event = pathEvent ?? queryEvent;
    if (pathEvent !== undefined && queryEvent !== undefined) return false;
    if (event !== undefined && !isSafeId(event)) return false;
    const list = lists.peek(kindOfSegment(segment!), { event });
    if (!list) return false;
    const coding = list.encoded.codingFor(request.headers['accept-encoding']);
    const ifNoneMatch = request.headers['if-none-match'];
    const notModified = ifNoneMatch !== undefined && (ifNoneMatch === headOf(list, coding, undefined).etag || namesTag(ifNoneMatch, list.tag));
    const body = notModified ? undefined : list.encoded.made(coding);
    if (!notModified && !body) return false;
    response.writeHead(notModified ? 304 : 200, headOf(list, coding, body).fields);
    response.end(body);
    return true;
  };
}
