import { Hono, type Context } from 'hono';
import { isSafeId } from '../../model/ids.js';
import type { RecordKind } from '../../model/records.js';
import { stampRecord } from '../../model/stamp.js';
import type { Deps } from '../deps.js';
import { HttpError } from '../http-error.js';
import { KINDS_PATTERN, kindOfSegment } from '../kinds.js';
import type { Mutation, SavedResponse } from '../repository.js';
import { checkAntiBot, idempotencyKey, readJson, validInput, withAddressed, type IdempotencyKey } from '../requests.js';
import { editTokenFor, newEditToken, sha256 } from '../tokens.js';

/** The answer a write with this idempotency key got the first time. */
function replay(c: Context, saved: SavedResponse, idempotency: IdempotencyKey): Response {
  if (saved.status === 201) return c.json({ record: JSON.parse(saved.body), editToken: editTokenFor(idempotency.key) }, 201);
  if (saved.status === 204) return c.body(null, 204);
  return c.body(saved.body, 200, { 'Content-Type': 'application/json' });
}

/** An event named in the URL: one that cannot exist is simply not there. */
export function eventParam(c: Context): string {
  const event = c.req.param('event') ?? '';
  if (!isSafeId(event)) throw new HttpError('not-found');
  return event;
}

function kindParam(c: Context): RecordKind {
  return kindOfSegment(c.req.param('kinds') ?? '');
}

/** List, create, read, replace and delete side events and seeds, globally or under one host event. */
export function recordRoutes(deps: Deps): Hono {
  const { repository, hub } = deps;
  const routes = new Hono();

  /** Applies a write; answers `fresh()` the first time, the saved answer to a retry with the same key. */
  async function write(
    c: Context,
    mutation: Mutation,
    idempotency: IdempotencyKey | undefined,
    saved: SavedResponse,
    fresh: () => Response,
  ): Promise<Response> {
    const outcome = await repository.apply(kindParam(c), mutation, idempotency && { keyHash: idempotency.hash, response: saved });
    if (outcome.status === 'not-found') throw new HttpError('not-found');
    if (outcome.status === 'replayed') return replay(c, outcome.response, idempotency!);
    hub.poke();
    return fresh();
  }

  /** A retry with a key already used gets the first answer back, whatever its body or the record say now. */
  const earlierAnswer = async (c: Context, idempotency: IdempotencyKey | undefined) => {
    const saved = idempotency && (await repository.savedResponse(idempotency.hash));
    return saved && replay(c, saved, idempotency);
  };

  /** What a create or a replace sends, checked for bots; or the first answer, when it is a retry. */
  async function contribution(c: Context, kind: RecordKind) {
    const body = await readJson(c);
    checkAntiBot(c);
    const idempotency = idempotencyKey(c, kind);
    return { body, idempotency, earlier: await earlierAnswer(c, idempotency) };
  }

  async function visible(kind: RecordKind, id: string) {
    const stored = await repository.find(kind, id);
    if (!stored || stored.hidden) throw new HttpError('not-found');
    return stored;
  }

  async function list(c: Context, event: string | undefined) {
    if (event !== undefined && !isSafeId(event)) {
      throw new HttpError('validation', { issues: [{ field: 'event', code: 'invalid-id' }] });
    }
    return c.body(await repository.listJson(kindParam(c), { event }), 200, { 'Content-Type': 'application/json' });
  }

  async function create(c: Context, pathEvent: string | undefined) {
    const kind = kindParam(c);
    const { body, idempotency, earlier } = await contribution(c, kind);
    if (earlier) return earlier;
    const input = validInput(kind, pathEvent === undefined ? body : withAddressed(body, 'event', pathEvent));
    // Like every store: ids are never taken from the user, an id means "update that record".
    if (input.id !== undefined) throw new HttpError('not-found');
    deps.limitEvent(input.event);
    const record = stampRecord(input, undefined);
    const editToken = idempotency ? editTokenFor(idempotency.key) : newEditToken();
    return write(c, { op: 'insert', record, tokenHash: sha256(editToken) }, idempotency, { status: 201, body: JSON.stringify(record) }, () =>
      c.json({ record, editToken }, 201),
    );
  }

  routes.get(`/${KINDS_PATTERN}`, (c) => list(c, c.req.query('event')));
  routes.get(`/events/:event/${KINDS_PATTERN}`, (c) => list(c, eventParam(c)));
  routes.post(`/${KINDS_PATTERN}`, (c) => create(c, undefined));
  routes.post(`/events/:event/${KINDS_PATTERN}`, (c) => create(c, eventParam(c)));

  routes.get(`/${KINDS_PATTERN}/:id`, async (c) => c.json((await visible(kindParam(c), c.req.param('id'))).record));

  routes.put(`/${KINDS_PATTERN}/:id`, async (c) => {
    const kind = kindParam(c);
    const id = c.req.param('id');
    const { body, idempotency, earlier } = await contribution(c, kind);
    if (earlier) return earlier;
    // Validation first, as in every store: a bad record is refused whoever sends it.
    const input = validInput(kind, withAddressed(body, 'id', id));
    const stored = await visible(kind, id);
    deps.requireOwner(c, stored.tokenHash);
    deps.limitEvent(input.event);
    const record = stampRecord(input, stored.record);
    return write(c, { op: 'update', record }, idempotency, { status: 200, body: JSON.stringify(record) }, () => c.json(record));
  });

  routes.delete(`/${KINDS_PATTERN}/:id`, async (c) => {
    const kind = kindParam(c);
    const id = c.req.param('id');
    const idempotency = idempotencyKey(c, kind);
    const earlier = await earlierAnswer(c, idempotency);
    if (earlier) return earlier;
    const stored = await visible(kind, id);
    deps.requireOwner(c, stored.tokenHash);
    deps.limitEvent(stored.record.event);
    return write(c, { op: 'delete', id }, idempotency, { status: 204, body: '' }, () => c.body(null, 204));
  });

  return routes;
}
