import { Hono, type Context } from 'hono';
import { exportCommons, namedRecords, withCanonicalUrls, type CommonsRelations } from '../../model/commons.js';
import { toIcs } from '../../model/ics.js';
import { isSafeId } from '../../model/ids.js';
import type { RecordKind, RecordOf, Seed, SideEvent } from '../../model/records.js';
import { MAX_CHAIN } from '../../model/references.js';
import type { Deps } from '../deps.js';
import { HttpError } from '../http-error.js';
import type { ListScope, Repository } from '../repository.js';
import { Encoded } from '../encoding.js';
import { digest, PUBLIC_SHORT, send } from '../http-cache.js';
import { publicBase } from '../public-url.js';
import { eventParam } from './records.js';

/** The visible records of `kind` with these ids; the others (deleted, hidden) are left out. */
async function visibleRecords<K extends RecordKind>(repository: Repository, kind: K, ids: string[]): Promise<RecordOf[K][]> {
  const found = await Promise.all(ids.map((id) => repository.find(kind, id)));
  return found.flatMap((stored) => (stored && !stored.hidden ? [stored.record as RecordOf[K]] : []));
}

/** The seeds of other events that `seeds` descend from, nearest first, up to the first one missing or hidden. */
async function ancestorsOf(repository: Repository, seeds: Seed[]): Promise<Seed[]> {
  const seen = new Set(seeds.map(({ id }) => id));
  const ancestors: Seed[] = [];
  for (const seed of seeds) {
    for (let id = seed.replantedFrom; id !== undefined && !seen.has(id) && ancestors.length < MAX_CHAIN; ) {
      seen.add(id);
      const [parent] = await visibleRecords(repository, 'seed', [id]);
      if (parent) ancestors.push(parent);
      id = parent?.replantedFrom;
    }
  }
  return ancestors;
}

/** What an export carries beside the event's own records: the records they name. */
async function relationsOf(repository: Repository, event: string, sideEvents: SideEvent[], seeds: Seed[]): Promise<CommonsRelations> {
  const named = namedRecords(sideEvents);
  const [[hostEvent], places, organizers, ancestors] = await Promise.all([
    visibleRecords(repository, 'event', [event]),
    visibleRecords(repository, 'place', named.places),
    visibleRecords(repository, 'organizer', named.organizers),
    ancestorsOf(repository, seeds),
  ]);
  return { hostEvent, places, organizers, ancestors };
}

/**
 * One host event's commons as files: its calendar and a JSON export; a place's calendar across events. Their entity
 * tags are weak, a digest of the records they hold: the calendar's DTSTAMP and the export's exportedAt change with
 * every request, the content does not.
 */
export function eventFileRoutes({ repository, options }: Deps): Hono {
  const routes = new Hono();

  /** The side events of `scope` as a calendar: those not over yet, or all of them with `?all=1`. */
  async function calendar(c: Context, scope: ListScope, name: string, fileName: string): Promise<Response> {
    const now = new Date();
    const upcoming = c.req.query('all') === '1' ? scope : { ...scope, from: now.toISOString() };
    const shown = (await repository.list('side-event', upcoming)) as SideEvent[];
    return send(c, {
      encoded: Encoded.text(toIcs(shown, { name: `#OFF ${name}`, now })),
      type: 'text/calendar; charset=utf-8',
      tag: `c1.${digest(JSON.stringify([name, shown]))}`,
      weak: true,
      cacheControl: PUBLIC_SHORT,
      headers: { 'Content-Disposition': `inline; filename="${fileName}"` },
    });
  }

  routes.get('/events/:event/calendar.ics', async (c) => {
    const event = eventParam(c);
    const [hostEvent] = await visibleRecords(repository, 'event', [event]);
    return calendar(c, { event }, hostEvent?.name ?? event, `off-${event}.ics`);
  });

  routes.get('/places/:id/calendar.ics', async (c) => {
    const id = c.req.param('id');
    const [place] = isSafeId(id) ? await visibleRecords(repository, 'place', [id]) : [];
    if (!place) throw new HttpError('not-found');
    return calendar(c, { place: id }, place.name, `off-place-${id}.ics`);
  });

  routes.get('/events/:event/export.json', async (c) => {
    const event = eventParam(c);
    const [sideEvents, seeds] = (await Promise.all([repository.list('side-event', { event }), repository.list('seed', { event })])) as [SideEvent[], Seed[]];
    const relations = await relationsOf(repository, event, sideEvents, seeds);
    const base = publicBase(c, options);
    return send(c, {
      encoded: Encoded.text(JSON.stringify(withCanonicalUrls(exportCommons(event, sideEvents, seeds, relations), base))),
      type: 'application/json',
      tag: `x3.${digest(JSON.stringify([base, sideEvents, seeds, relations]))}`,
      weak: true,
      cacheControl: PUBLIC_SHORT,
    });
  });

  return routes;
}
