import { Hono, type Context } from 'hono';
import { isSeedUrl } from '../../model/canonical-url.js';
import { isSafeId } from '../../model/ids.js';
import { hostEventOf, LICENSES, type License, type OffRecord, type RecordKind } from '../../model/records.js';
import { stampRecord } from '../../model/stamp.js';
import { isIsoDateTimeWithOffset } from '../../model/iso-date-time.js';
import { referenceIssues, type FindRecord } from '../../model/references.js';
import { LIMITS, type FieldIssue, type Validated } from '../../model/validate.js';
import type { Deps } from '../deps.js';
import { Encoded } from '../encoding.js';
import { HttpError } from '../http-error.js';
import { digest, PUBLIC_SHORT, send } from '../http-cache.js';
import { EVENT_KINDS_PATTERN, KINDS_PATTERN, kindOfSegment } from '../kinds.js';
import type { ListScope, Mutation, SavedResponse } from '../repository.js';
import { batchInputs, bearerToken, checkHoneypot, idempotencyKey, readJson, validInput, withAddressed, type IdempotencyKey } from '../requests.js';
import { editTokenFor, newEditToken, sha256 } from '../tokens.js';
import { changesAnswer, listAnswer, parseCursor } from './list-answers.js';

/** A create's answer from what it saved: one record and its token, or a batch's records (saved as an array) in input order. */
function createdAnswer(secret: string, saved: OffRecord | OffRecord[], key: string) {
  return Array.isArray(saved)
    ? { results: saved.map((record, index) => ({ record, editToken: editTokenFor(secret, key, index) })) }
    : { record: saved, editToken: editTokenFor(secret, key) };
}

/** The answer a write with this idempotency key got the first time. */
function replay(c: Context, secret: string, saved: SavedResponse, idempotency: IdempotencyKey): Response {
  if (saved.status === 201) return c.json(createdAnswer(secret, JSON.parse(saved.body), idempotency.key), 201);
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

const ID_SCOPES = ['event', 'place', 'organizer', 'replantedFrom', 'partOf'] as const;

/** The list a request asks for: its query parameters (and the host event its path names, which wins), checked. */
function listScope(c: Context, pathEvent: string | undefined): ListScope {
  const scope: ListScope = {};
  const issues: FieldIssue[] = [];
  for (const field of ID_SCOPES) {
    const value = field === 'event' && pathEvent !== undefined ? pathEvent : c.req.query(field);
    if (value === undefined) continue;
    // A seed may be replanted from one on another server, named by its canonical URL.
    if (isSafeId(value) || (field === 'replantedFrom' && isSeedUrl(value))) scope[field] = value;
    else issues.push({ field, code: 'invalid-id' });
  }
  const from = c.req.query('from');
  if (from !== undefined && isIsoDateTimeWithOffset(from)) scope.from = from;
  else if (from !== undefined) issues.push({ field: 'from', code: 'invalid-datetime' });
  const license = c.req.query('license');
  if (license !== undefined && (LICENSES as readonly string[]).includes(license)) scope.license = license as License;
  else if (license !== undefined) issues.push({ field: 'license', code: 'unknown-license' });
  for (const [field, limit] of [['tag', LIMITS.tag], ['text', LIMITS.shortText]] as const) {
    const value = c.req.query(field);
    if (value !== undefined && [...value].length <= limit) scope[field] = value;
    else if (value !== undefined) issues.push({ field, code: 'too-long', limit });
  }
  if (issues.length) throw new HttpError('validation', { issues });
  return scope;
}

/** The input of a new record, its event forced from the path when the path names one. */
function createInput<K extends RecordKind>(kind: K, body: unknown, pathEvent: string | undefined): Validated<K> {
  const input = validInput(kind, pathEvent === undefined ? body : withAddressed(body, 'event', pathEvent));
  // Like every store: ids are never taken from the user, an id means "update that record"; a host event's creator chooses its id.
  if (input.id !== undefined && kind !== 'event') throw new HttpError('not-found');
  return input;
}

/**
 * A record's identity across sites is its canonical URL on the server that first held it: only the host (admin token,
 * importing a commons exported elsewhere) may say it is another server's record; anyone else's claim is dropped.
 */
function withoutClaimedIdentity<T extends { canonicalUrl?: string }>(input: T, deps: Deps, c: Context): T {
  if (input.canonicalUrl === undefined || deps.isAdmin(bearerToken(c) ?? '')) return input;
  const { canonicalUrl: _claimed, ...rest } = input;
  return rest as T;
}

/** Runs `check` on the record at `index` of a batch: a refusal names that index. */
function atIndex<T>(index: number, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof HttpError) throw new HttpError(error.code, { ...error.details, index });
    throw error;
  }
}

/**
 * List, create, read, replace and delete records of every kind; side events and seeds also under one host event
 * (`/events/{event}/side-events`), beside that event's own record (`/events/{event}`) and files.
 */
export function recordRoutes(deps: Deps): Hono {
  const { repository, hub, secret } = deps;
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
    if (outcome.status === 'conflict') throw new HttpError('conflict', { issues: [{ field: 'id', code: 'taken' }] });
    if (outcome.status === 'replayed') return replay(c, secret, outcome.response, idempotency!);
    await hub.poke();
    return fresh();
  }

  /** A retry with a key already used gets the first answer back, whatever its body or the record say now. */
  const earlierAnswer = async (c: Context, idempotency: IdempotencyKey | undefined) => {
    const saved = idempotency && (await repository.savedResponse(idempotency.hash));
    return saved && replay(c, secret, saved, idempotency);
  };

  /**
   * What a create or a replace sends, checked for bots; or the first answer, when it is a retry of a write in `scope`
   * (a retry of a create is answered whatever form token it carries now).
   */
  async function contribution(c: Context, scope: string, create: boolean) {
    const body = await readJson(c);
    checkHoneypot(c);
    const idempotency = idempotencyKey(c, scope);
    const earlier = await earlierAnswer(c, idempotency);
    if (create && !earlier) deps.requireFormToken(c);
    return { body, idempotency, earlier };
  }

  async function visible(kind: RecordKind, id: string) {
    const stored = await repository.find(kind, id);
    if (!stored || stored.hidden) throw new HttpError('not-found');
    return stored;
  }

  async function list(c: Context, pathEvent: string | undefined) {
    const scope = listScope(c, pathEvent);
    const since = c.req.query('since');
    if (since === undefined) return listAnswer(c, deps, kindParam(c), scope);
    return changesAnswer(c, deps, kindParam(c), scope, parseCursor(since));
  }

  /** Refuses records naming a place or organizer that is not there, or closing a lineage or series cycle (see referenceIssues). */
  async function checkReferences(kind: RecordKind, inputs: Validated<RecordKind>[], batch: boolean): Promise<void> {
    const find: FindRecord = (each, id) => repository.find(each, id);
    for (const [index, input] of inputs.entries()) {
      const issues = await referenceIssues(kind, input as Record<string, unknown>, find);
      if (issues.length) throw new HttpError('validation', batch ? { issues, index } : { issues });
    }
  }

  /**
   * Stores new records, all or none. Each edit token is derived from the idempotency
   * key when there is one (per index in a batch), so that a replay gives it again.
   */
  async function insert(c: Context, inputs: Validated<RecordKind>[], idempotency: IdempotencyKey | undefined, batch: boolean) {
    const kind = kindParam(c);
    await checkReferences(kind, inputs, batch);
    const created = inputs.map((input, index) => ({
      // A host event keeps the id its creator chose.
      record: stampRecord(input, kind === 'event' ? { id: input.id! } : undefined),
      editToken: idempotency ? editTokenFor(secret, idempotency.key, batch ? index : undefined) : newEditToken(),
    }));
    deps.limitEvents(created.map(({ record }) => hostEventOf(kind, record)));
    const records = created.map(({ record }) => record);
    const saved = { status: 201, body: JSON.stringify(batch ? records : records[0]) };
    const inserted = created.map(({ record, editToken }) => ({ record, tokenHash: sha256(editToken) }));
    return write(c, { op: 'insert', records: inserted }, idempotency, saved, () => c.json(batch ? { results: created } : created[0], 201));
  }

  async function create(c: Context, pathEvent: string | undefined) {
    const kind = kindParam(c);
    const { body, idempotency, earlier } = await contribution(c, kind, true);
    if (earlier) return earlier;
    return insert(c, [withoutClaimedIdentity(createInput(kind, body, pathEvent), deps, c)], idempotency, false);
  }

  async function createBatch(c: Context, pathEvent: string | undefined) {
    const kind = kindParam(c);
    const { body, idempotency, earlier } = await contribution(c, `${kind} batch`, true);
    if (earlier) return earlier;
    const inputs = batchInputs(body).map((each, index) => atIndex(index, () => withoutClaimedIdentity(createInput(kind, each, pathEvent), deps, c)));
    // The app counted the request as one write already; each further record is one more.
    deps.limitClient(c, inputs.length - 1);
    return insert(c, inputs, idempotency, true);
  }

  routes.get(`/${KINDS_PATTERN}`, (c) => list(c, undefined));
  routes.get(`/events/:event/${EVENT_KINDS_PATTERN}`, (c) => list(c, eventParam(c)));
  routes.post(`/${KINDS_PATTERN}`, (c) => create(c, undefined));
  routes.post(`/events/:event/${EVENT_KINDS_PATTERN}`, (c) => create(c, eventParam(c)));
  routes.post(`/${KINDS_PATTERN}/batch`, (c) => createBatch(c, undefined));
  routes.post(`/events/:event/${EVENT_KINDS_PATTERN}/batch`, (c) => createBatch(c, eventParam(c)));

  routes.get(`/${KINDS_PATTERN}/:id`, async (c) => {
    const json = JSON.stringify((await visible(kindParam(c), c.req.param('id'))).record);
    return send(c, { encoded: Encoded.text(json), type: 'application/json', tag: `r1.${digest(json)}`, cacheControl: PUBLIC_SHORT });
  });

  routes.put(`/${KINDS_PATTERN}/:id`, async (c) => {
    const kind = kindParam(c);
    const id = c.req.param('id');
    const { body, idempotency, earlier } = await contribution(c, kind, false);
    if (earlier) return earlier;
    // Validation first, as in every store: a bad record is refused whoever sends it.
    const input = validInput(kind, withAddressed(body, 'id', id));
    const stored = await visible(kind, id);
    deps.requireOwner(c, stored.tokenHash);
    // An edit keeps the identity the record has; only the host may change it.
    if (!deps.isAdmin(bearerToken(c) ?? '')) input.canonicalUrl = stored.record.canonicalUrl;
    await checkReferences(kind, [input], false);
    const record = stampRecord(input, stored.record);
    deps.limitEvents([hostEventOf(kind, record)]);
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
    deps.limitEvents([hostEventOf(kind, stored.record)]);
    return write(c, { op: 'delete', id }, idempotency, { status: 204, body: '' }, () => c.body(null, 204));
  });

  return routes;
}
