import { Hono } from 'hono';
import { RECORD_KINDS } from '../../model/records.js';
import type { Deps } from '../deps.js';
import { HttpError } from '../http-error.js';
import { KINDS_PATTERN, KIND_SEGMENTS, kindOfSegment } from '../kinds.js';

/** The host's moderators (admin token) hide and unhide records and list what is hidden. */
export function moderationRoutes(deps: Deps): Hono {
  const { repository, hub } = deps;
  const routes = new Hono();

  for (const op of ['hide', 'unhide'] as const) {
    routes.post(`/${KINDS_PATTERN}/:id/${op}`, async (c) => {
      deps.requireAdmin(c);
      const outcome = await repository.apply(kindOfSegment(c.req.param('kinds') ?? ''), { op, id: c.req.param('id') });
      if (outcome.status !== 'applied') throw new HttpError('not-found');
      await hub.poke();
      return c.json(outcome.record);
    });
  }

  routes.get('/hidden', async (c) => {
    deps.requireAdmin(c);
    const entries = await Promise.all(
      RECORD_KINDS.map(async (kind) => [KIND_SEGMENTS[kind], await repository.list(kind, { hidden: true })] as const),
    );
    return c.json(Object.fromEntries(entries));
  });

  return routes;
}
