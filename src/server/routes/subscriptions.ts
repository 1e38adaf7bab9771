import { Hono } from 'hono';
import { isIanaZone } from '../../model/ics-parse.js';
import { isSafeId, newId } from '../../model/ids.js';
import type { FieldIssue } from '../../model/validate.js';
import { isWebUrl } from '../../model/web-url.js';
import type { Deps } from '../deps.js';
import { HttpError } from '../http-error.js';
import { readJson } from '../requests.js';
import { offLayerList } from '../subscriptions/feeds.js';
import type { FeedKind } from '../subscriptions/types.js';

const DEFAULT_INTERVAL_SECONDS = 3600;
const MAX_INTERVAL_SECONDS = 7 * 24 * 3600;

interface SubscriptionInput {
  event: string;
  url: string;
  kind: FeedKind;
  intervalSeconds: number;
  timeZone?: string;
}

/** The body of a new subscription, checked; `kind` defaults from the URL (a host event's canonical URL: off-layer). */
function subscriptionInput(body: unknown, minIntervalSeconds: number): SubscriptionInput {
  const { event, url, kind, intervalSeconds = DEFAULT_INTERVAL_SECONDS, timeZone } = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const issues: FieldIssue[] = [];
  if (typeof event !== 'string' || !isSafeId(event)) issues.push({ field: 'event', code: event === undefined ? 'required' : 'invalid-id' });
  if (typeof url !== 'string' || url.length > 2048 || !URL.canParse(url)) issues.push({ field: 'url', code: url === undefined ? 'required' : 'invalid-url' });
  else if (!isWebUrl(url)) issues.push({ field: 'url', code: 'unsafe-url' });
  const resolvedKind = kind ?? (typeof url === 'string' && offLayerList(url) ? 'off-layer' : 'ics');
  if (resolvedKind !== 'ics' && resolvedKind !== 'off-layer') issues.push({ field: 'kind', code: 'wrong-type' });
  else if (resolvedKind === 'off-layer' && typeof url === 'string' && !offLayerList(url)) issues.push({ field: 'url', code: 'invalid-url' });
  if (typeof intervalSeconds !== 'number' || !Number.isSafeInteger(intervalSeconds) || intervalSeconds < minIntervalSeconds || intervalSeconds > MAX_INTERVAL_SECONDS) {
    issues.push({ field: 'intervalSeconds', code: 'out-of-range' });
  }
  if (timeZone !== undefined && (typeof timeZone !== 'string' || !isIanaZone(timeZone))) issues.push({ field: 'timeZone', code: 'wrong-type' });
  if (issues.length) throw new HttpError('validation', { issues });
  return { event, url, kind: resolvedKind, intervalSeconds, ...(timeZone !== undefined && { timeZone }) } as SubscriptionInput;
}

/**
 * The host's subscriptions (admin token): one of its events kept in sync with a public .ics feed or with a host event
 * on another off-layer server. A new subscription is synced at once, so that its status says at once whether it works.
 */
export function subscriptionRoutes(deps: Deps): Hono {
  const { repository, syncer } = deps;
  const store = repository.subscriptions;
  const routes = new Hono();
  routes.use('/admin/*', async (c, next) => {
    deps.requireAdmin(c);
    await next();
  });

  async function syncNow(id: string) {
    const synced = await syncer.sync(id);
    if (synced) return synced;
    if (!(await store.get(id))) throw new HttpError('not-found');
    throw new HttpError('busy');
  }

  routes.post('/admin/subscriptions', async (c) => {
    const input = subscriptionInput(await readJson(c), syncer.options.minIntervalSeconds);
    const id = newId();
    // Not due before its interval: the sync below is its first, and the scheduler must not take it meanwhile.
    await store.create({ id, ...input, createdAt: new Date().toISOString() }, Date.now() + input.intervalSeconds * 1000);
    return c.json(await syncNow(id), 201);
  });

  routes.get('/admin/subscriptions', async (c) => c.json(await store.list()));

  routes.get('/admin/subscriptions/:id', async (c) => {
    const subscription = await store.get(c.req.param('id'));
    if (!subscription) throw new HttpError('not-found');
    return c.json(subscription);
  });

  routes.post('/admin/subscriptions/:id/sync', async (c) => c.json(await syncNow(c.req.param('id'))));

  routes.delete('/admin/subscriptions/:id', async (c) => {
    if (!(await store.remove(c.req.param('id')))) throw new HttpError('not-found');
    return c.body(null, 204);
  });

  return routes;
}
