/**
 * The reference server's HTTP app, on Hono: small (no dependencies of its
 * own), built on the web-standard Request/Response the browser code already
 * speaks, with CORS, body limits and server-sent-event streaming built in, and
 * running on Node through @hono/node-server (or on other runtimes unchanged).
 */
import { Hono } from 'hono';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { bodyLimit } from 'hono/body-limit';
import { corsMiddleware } from './cors.js';
import { Deps, type AppOptions } from './deps.js';
import { compression } from './encoding.js';
import { privateByDefault } from './http-cache.js';
import { listsFromMemory } from './fast-lane.js';
import { HttpError } from './http-error.js';
import openapi from './openapi.json' with { type: 'json' };
import { MAX_BATCH_BODY_BYTES, MAX_BODY_BYTES } from './requests.js';
import { eventFileRoutes } from './routes/event-files.js';
import { formTokenRoutes } from './routes/form-token.js';
import { moderationRoutes } from './routes/moderation.js';
import { recordRoutes } from './routes/records.js';
import { streamRoutes } from './routes/stream.js';
import { subscriptionRoutes } from './routes/subscriptions.js';
import { staticFiles } from './static-files.js';

export type { AppOptions } from './deps.js';

const WRITE_METHODS = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);
/** bodyLimit reads the request as a web Request, which costs a GET as much as the rest of its answer. */
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);
const BATCH_PATH = /\/batch$/;

function bodyLimitOf(maxSize: number) {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new HttpError('payload-too-large');
    },
  });
}

export interface App {
  app: Hono;
  /** Answers what it can from memory before the app, on node:http; false for the app to answer. */
  fromMemory: (request: IncomingMessage, response: ServerResponse) => boolean;
}

export function createApp(options: AppOptions): App {
  const deps = new Deps(options);
  const { repository } = deps;
  const app = new Hono();

  app.onError((error, c) => {
    if (error instanceof HttpError) return c.json(error.body, error.status, error.headers);
    if (repository.isUnavailable(error)) {
      const unavailable = new HttpError('unavailable', { retryAfterSeconds: 2 });
      return c.json(unavailable.body, unavailable.status, unavailable.headers);
    }
    console.error(error);
    return c.json(new HttpError('internal').body, 500);
  });
  app.notFound((c) => c.json(new HttpError('not-found').body, 404));

  app.use('/api/*', corsMiddleware(options.allowedOrigins, deps.cors));
  app.use('/api/*', privateByDefault(), compression());
  app.use('/api/*', (c, next) => {
    if (WRITE_METHODS.has(c.req.method)) deps.limitClient(c);
    return next();
  });
  const recordLimit = bodyLimitOf(MAX_BODY_BYTES);
  const batchLimit = bodyLimitOf(MAX_BATCH_BODY_BYTES);
  app.use('/api/*', (c, next) => {
    if (!BODY_METHODS.has(c.req.method)) return next();
    return (c.req.method === 'POST' && BATCH_PATH.test(c.req.path) ? batchLimit : recordLimit)(c, next);
  });

  const api = new Hono();
  api.get('/health', async (c) => {
    await repository.ping();
    return c.json({ ok: true, database: repository.dialect });
  });
  api.get('/openapi.json', (c) => c.json(openapi, 200, { 'Cache-Control': 'public, max-age=300' }));
  api.route('/', formTokenRoutes(deps));
  api.route('/', moderationRoutes(deps));
  api.route('/', subscriptionRoutes(deps));
  api.route('/', eventFileRoutes(deps));
  api.route('/', streamRoutes(deps));
  api.route('/', recordRoutes(deps));
  app.route('/api', api);

  if (options.staticDir) app.use('/*', staticFiles(options.staticDir));
  return { app, fromMemory: listsFromMemory(deps) };
}
