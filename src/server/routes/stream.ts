import { Hono, type Context } from 'hono';
import { streamSSE, type SSEMessage } from 'hono/streaming';
import type { Deps } from '../deps.js';
import type { Change } from '../repository.js';
import { eventParam } from './records.js';

/** How many missed changes a reconnecting client (Last-Event-ID) is sent at most; beyond that it should reload. */
const MAX_REPLAY = 1000;

/** Records one `put` message carries at most. */
const MAX_RECORDS_PER_PUT = 500;

type Put = Extract<Change, { op: 'put' }>;

/**
 * Consecutive puts of one kind travel as one message (a batch create logs hundreds at once), its id the last one's seq.
 * A remove followed straight by a put of the same record (a move between host events, on a stream that sees both) is that put alone.
 */
function toMessages(changes: Change[]): SSEMessage[] {
  const messages: SSEMessage[] = [];
  let puts: Put[] = [];
  const sendPuts = () => {
    if (puts.length === 0) return;
    const data = { kind: puts[0].kind, records: puts.map((put) => put.record) };
    messages.push({ event: 'put', id: String(puts.at(-1)!.seq), data: JSON.stringify(data) });
    puts = [];
  };
  for (const [index, change] of changes.entries()) {
    if (change.op === 'put' && puts.length > 0 && (puts[0].kind !== change.kind || puts.length === MAX_RECORDS_PER_PUT)) sendPuts();
    if (change.op === 'put') {
      puts.push(change);
      continue;
    }
    const next = changes[index + 1];
    if (next?.op === 'put' && next.kind === change.kind && next.record.id === change.id) continue;
    sendPuts();
    messages.push({ event: 'remove', id: String(change.seq), data: JSON.stringify({ kind: change.kind, id: change.id }) });
  }
  sendPuts();
  return messages;
}

/** Live changes as server-sent events: every host event, or one. Hidden records never appear. */
export function streamRoutes({ repository, hub, options }: Deps): Hono {
  const routes = new Hono();

  function stream(c: Context, event: string | undefined) {
    const wanted = (change: Change) => event === undefined || change.event === event;
    const lastEventId = Number(c.req.header('Last-Event-ID') ?? NaN);
    c.header('X-Accel-Buffering', 'no');

    return streamSSE(c, async (sse) => {
      const pending: Change[] = [];
      let wake = () => {};
      const unsubscribe = hub.subscribe((change) => {
        if (!wanted(change)) return;
        pending.push(change);
        wake();
      });
      const stop = () => wake();
      sse.onAbort(stop);
      options.shutdown.addEventListener('abort', stop);
      const heartbeat = setInterval(() => void sse.write(': heartbeat\n\n').catch(stop), options.heartbeatMs);
      try {
        await sse.write('retry: 2000\n\n');
        if (Number.isSafeInteger(lastEventId) && lastEventId >= 0) {
          // Subscribed first, then read the log: a change in both is sent once (by seq).
          pending.unshift(...(await repository.changesSince(lastEventId, MAX_REPLAY)).filter(wanted));
        }
        let sent = Number.isSafeInteger(lastEventId) ? lastEventId : 0;
        while (!sse.aborted && !sse.closed && !options.shutdown.aborted) {
          const unsent: Change[] = [];
          for (const change of pending.splice(0)) {
            if (change.seq <= sent) continue;
            unsent.push(change);
            sent = change.seq;
          }
          for (const message of toMessages(unsent)) await sse.writeSSE(message);
          await new Promise<void>((resolve) => {
            wake = resolve;
            if (pending.length || sse.aborted || options.shutdown.aborted) resolve();
          });
        }
      } finally {
        clearInterval(heartbeat);
        unsubscribe();
        options.shutdown.removeEventListener('abort', stop);
      }
    });
  }

  routes.get('/stream', (c) => stream(c, undefined));
  routes.get('/events/:event/stream', (c) => stream(c, eventParam(c)));
  return routes;
}
