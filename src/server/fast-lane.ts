import type { IncomingMessage, ServerResponse } from 'node:http';
import { isSafeId } from '../model/ids.js';
import type { Deps } from './deps.js';
import { answerHeaders, namesTag } from './http-cache.js';
import { kindOfSegment } from './kinds.js';
import { listRepresentation } from './routes/list-answers.js';

/** A whole list's URL, of one host event or of every event; anything more (since, other parameters) is not matched. */
const LIST_URL = /^\/api\/(?:events\/([^/?]+)\/)?(side-events|seeds)(?:\?event=([^&]*))?$/;

/**
 * The rush, answered by node:http itself: a GET of a whole list that is in memory, with a 304 or the bytes in the
 * coding asked for, made already. Through Hono and @hono/node-server a 304 took 35 to 40 µs of CPU, three times what
 * node:http alone takes (npm run bench:crowd), and 2,000 phones revalidating a board are mostly that. Anything else,
 * or a list not read or not compressed yet, goes on to the app (false), which answers the same with the same headers.
 */
export function listsFromMemory({ lists, cors }: Deps): (request: IncomingMessage, response: ServerResponse) => boolean {
  return (request, response) => {
    const match = request.method === 'GET' ? LIST_URL.exec(request.url ?? '') : null;
    if (!match) return false;
    const [, pathEvent, segment, queryEvent] = match;
    const event = pathEvent ?? queryEvent;
    if (pathEvent !== undefined && queryEvent !== undefined) return false;
    if (event !== undefined && !isSafeId(event)) return false;
    const list = lists.peek(kindOfSegment(segment!), { event });
    if (!list) return false;
    const representation = listRepresentation(lists, list);
    const coding = list.encoded.codingFor(request.headers['accept-encoding']);
    const notModified = namesTag(request.headers['if-none-match'], list.tag);
    const body = notModified ? undefined : list.encoded.made(coding);
    if (!notModified && !body) return false;
    const { Vary: varyOrigin, ...corsHeaders } = cors(request.headers.origin, true);
    response.writeHead(notModified ? 304 : 200, {
      ...corsHeaders,
      ...answerHeaders(representation, coding, !notModified),
      Vary: varyOrigin ? `${varyOrigin}, Accept-Encoding` : 'Accept-Encoding',
      ...(body && { 'Content-Length': body.byteLength }),
    });
    response.end(body);
    return true;
  };
}
