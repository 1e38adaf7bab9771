import { Hono, type Context } from 'hono';
import { streamSSE, type SSEMessage, type SSEStreamingApi } from 'hono/streaming';
import type { Deps } from '../deps.js';
import type { Change } from '../repository.js';
import { parseCursor } from './list-answers.js';
import { eventParam } from './records.js';

/** How many missed changes a resuming client (Last-Event-ID, since) is sent at most; beyond that it is told to reload. */
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

/**
 * Where a stream starts: after Last-Event-ID (an EventSource reconnecting) or else after `?since=` (a page showing a
 * list it kept, from that list's cursor); from now without either. A Last-Event-ID that is no seq cannot be followed: -1.
 */
function startOf(c: Context): number | undefined {
  const lastEventId = c.req.header('Last-Event-ID');
  if (lastEventId !== undefined) return /^\d{1,15}$/.test(lastEventId) ? Number(lastEventId) : -1;
  const since = c.req.query('since');
  return since === undefined ? undefined : parseCursor(since);
}

/** Live changes as server-sent events: every host event, or one. Hidden records never appear. */
export function streamRoutes({ repository, hub, options }: Deps): Hono {
  const routes = new Hono();

  /**
   * The missed changes to send first, or a `reload` event (its id and cursor: the log's last seq) when the log no longer
   * holds them all, or holds more than MAX_REPLAY: the client fetches the list again, the stream goes on from there.
   */
  async function replay(sse: SSEStreamingApi, start: number, event: string | undefined): Promise<{ missed: Change[]; sent: number }> {
    const { latest, floor } = await repository.logState();
    const page = start >= floor && start <= latest ? await repository.changesSince(start, MAX_REPLAY, event) : undefined;
    if (page && !page.more) return { missed: page.changes, sent: start };
    await sse.writeSSE({ event: 'reload', id: String(latest), data: JSON.stringify({ cursor: String(latest) }) });
    return { missed: [], sent: latest };
  }

  function stream(c: Context, event: string | undefined) {
    const wanted = (change: Change) => event === undefined || change.event === event;
    const start = startOf(c);
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
        let sent = 0;
        if (start !== undefined) {
          // Subscribed first, then read the log: a change in both is sent once (by seq).
          const resumed = await replay(sse, start, event);
          pending.unshift(...resumed.missed);
          sent = resumed.sent;
        }
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
