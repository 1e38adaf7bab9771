import { Hono } from 'hono';
import { exportCommons } from '../../model/commons.js';
import { toIcs } from '../../model/ics.js';
import type { Seed, SideEvent } from '../../model/records.js';
import type { Deps } from '../deps.js';
import { Encoded } from '../encoding.js';
import { digest, PUBLIC_SHORT, send } from '../http-cache.js';
import { eventParam } from './records.js';

/**
 * One host event's commons as files: its calendar and a JSON export. Their entity tags are weak, a digest of the
 * records they hold: the calendar's DTSTAMP and the export's exportedAt change with every request, the content does not.
 */
export function eventFileRoutes({ repository }: Deps): Hono {
  const routes = new Hono();

  routes.get('/events/:event/calendar.ics', async (c) => {
    const event = eventParam(c);
    const now = new Date();
    const sideEvents = (await repository.list('side-event', { event })) as SideEvent[];
    const shown = c.req.query('all') === '1' ? sideEvents : sideEvents.filter((item) => Date.parse(item.end ?? item.start) >= now.getTime());
    return send(c, {
      encoded: Encoded.text(toIcs(shown, { name: `#OFF ${event}`, now })),
      type: 'text/calendar; charset=utf-8',
      tag: `c1.${digest(JSON.stringify(shown))}`,
      weak: true,
      cacheControl: PUBLIC_SHORT,
      headers: { 'Content-Disposition': `inline; filename="off-${event}.ics"` },
    });
  });

  routes.get('/events/:event/export.json', async (c) => {
    const event = eventParam(c);
    const [sideEvents, seeds] = await Promise.all([repository.list('side-event', { event }), repository.list('seed', { event })]);
    return send(c, {
      encoded: Encoded.text(JSON.stringify(exportCommons(event, sideEvents as SideEvent[], seeds as Seed[]))),
      type: 'application/json',
      tag: `x1.${digest(JSON.stringify([sideEvents, seeds]))}`,
      weak: true,
      cacheControl: PUBLIC_SHORT,
    });
  });

  return routes;
}
