import { Hono } from 'hono';
import { exportCommons } from '../../model/commons.js';
import { toIcs } from '../../model/ics.js';
import type { Seed, SideEvent } from '../../model/records.js';
import type { Deps } from '../deps.js';
import { eventParam } from './records.js';

/** One host event's commons as files: its calendar and a JSON export. */
export function eventFileRoutes({ repository }: Deps): Hono {
  const routes = new Hono();

  routes.get('/events/:event/calendar.ics', async (c) => {
    const event = eventParam(c);
    const now = new Date();
    const sideEvents = (await repository.list('side-event', { event })) as SideEvent[];
    const shown = c.req.query('all') === '1' ? sideEvents : sideEvents.filter((item) => Date.parse(item.end ?? item.start) >= now.getTime());
    return c.body(toIcs(shown, { name: `#OFF ${event}`, now }), 200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `inline; filename="off-${event}.ics"`,
    });
  });

  routes.get('/events/:event/export.json', async (c) => {
    const event = eventParam(c);
    const [sideEvents, seeds] = await Promise.all([repository.list('side-event', { event }), repository.list('seed', { event })]);
    return c.json(exportCommons(event, sideEvents as SideEvent[], seeds as Seed[]));
  });

  return routes;
}
