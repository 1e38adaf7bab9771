import type { Context } from 'hono';
import type { RecordKind } from '../../model/records.js';
import type { Deps } from '../deps.js';
import type { ListScope } from '../repository.js';
import { Encoded } from '../encoding.js';
import { HttpError } from '../http-error.js';
import { PUBLIC_SHORT, send, type Representation } from '../http-cache.js';
import type { CachedList, ListCache } from '../list-cache.js';

const JSON_TYPE = 'application/json';
/** Changes with the JSON of since answers, so that a cached copy from before never matches. */
const SINCE_FORMAT = 's1';

/** A cursor as the server gives them: the digits of a change-log seq. */
export function parseCursor(value: string): number {
  if (!/^\d{1,15}$/.test(value)) throw new HttpError('bad-cursor');
  return Number(value);
}

/** A whole list as sent, with its cursor (X-Off-Cursor) and entity tag. */
export function listRepresentation(lists: ListCache, list: CachedList): Representation {
  return { encoded: list.encoded, type: JSON_TYPE, tag: list.tag, cacheControl: PUBLIC_SHORT, headers: { 'X-Off-Cursor': String(lists.cursorOf(list)) } };
}

/** The whole list, from memory once read. */
export async function listAnswer(c: Context, { lists }: Deps, kind: RecordKind, scope: ListScope): Promise<Response> {
  return send(c, listRepresentation(lists, await lists.get(kind, scope)));
}

/**
 * What changed in the list after `since`: `{ cursor, puts, removes }`, each record once as it now stands; a record
 * deleted, hidden or moved to another event is a remove. A cursor the log no longer covers (older than its floor) or
 * has not reached (from the future: another database, a restored backup) is refused with 410 `reload`.
 */
export async function changesAnswer(c: Context, { lists, repository }: Deps, kind: RecordKind, scope: ListScope, since: number): Promise<Response> {
  const cached = lists.peek(kind, scope);
  const cursor = cached && lists.cursorOf(cached);
  // Nothing changed since (known from memory while the cached list is current), or ask the database.
  const state =
    cached && cursor !== undefined && since >= cached.version && since <= cursor
      ? { version: cached.version, latest: cursor, floor: 0 }
      : await repository.listState(kind, scope.event);
  if (since > state.latest) throw new HttpError('reload');
  let puts: string[] = [];
  let removes: string[] = [];
  if (since < state.version) {
    if (since < state.floor) throw new HttpError('reload');
    ({ puts, removes } = await repository.listChanges(kind, scope, since));
    // Pruned meanwhile: what was read may lack what the pruning took.
    if (since < (await repository.logState()).floor) throw new HttpError('reload');
  }
  const json = `{"cursor":"${state.latest}","puts":[${puts.join(',')}],"removes":${JSON.stringify(removes)}}`;
  return send(c, {
    encoded: Encoded.text(json),
    type: JSON_TYPE,
    // Weak: the cursor in the body moves on with other events' changes, the changes themselves do not.
    tag: `${SINCE_FORMAT}.${state.version}.${since}`,
    weak: true,
    cacheControl: PUBLIC_SHORT,
    headers: { 'X-Off-Cursor': String(state.latest) },
  });
}
