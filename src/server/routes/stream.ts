import { Hono, type Context } from 'hono';
import { streamSSE, type SSEMessage } from 'hono/streaming';
import type { Deps } from '../deps.js';
import type { Change } from '../repository.js';
import { eventParam } from './records.js';

/** How many missed changes a reconnecting client (Last-Event-ID) is sent at most; beyond that it should reload. */
const MAX_REPLAY = 1000;

function toMessage(change: Change): SSEMessage {
  const data = change.op === 'put' ? { kind: change.kind, records: [change.record] } : { kind: change.kind, id: change.id };
  return { event: change.op, id: String(change.seq), data: JSON.stringify(data) };
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
          for (const change of pending.splice(0)) {
            if (change.seq <= sent) continue;
            await sse.writeSSE(toMessage(change));
            sent = change.seq;
          }
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
