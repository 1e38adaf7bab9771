import { canonicalUrl, parseCanonicalUrl } from '../../model/canonical-url.js';
import { IcsFormatError, parseIcs } from '../../model/ics-parse.js';
import type { SideEvent } from '../../model/records.js';
import { fetchFeed, SyncError } from './fetch-feed.js';
import type { FeedCursor, Subscription } from './types.js';

/** One event of a feed as a side event to validate, under the key that finds it again at the next sync. */
export interface FeedEntry {
  key: string;
  input: Record<string, unknown> & { title?: string };
}

export type FeedRead =
  | { notModified: true }
  | {
      notModified: false;
      entries: FeedEntry[];
      /** The whole feed: what it no longer holds was dropped. Otherwise changes only, with `removes`. */
      complete: boolean;
      removes: string[];
      cursor: FeedCursor;
      /** VEVENTs ical.js could not read at all. */
      unreadable: { sourceId?: string; issues: string[] }[];
    };

export interface WindowOptions {
  /** Occurrences of repeating events are read from this instant… */
  from: Date;
  /** …for this many months. */
  months: number;
}

const cursorOf = (headers: Headers, cursor?: string): FeedCursor => ({
  etag: headers.get('ETag') ?? undefined,
  lastModified: headers.get('Last-Modified') ?? undefined,
  cursor,
});

/** A public .ics feed: each event (each occurrence of a repeating one) by its UID, else its page, else title and start. */
export async function readIcsFeed(subscription: Subscription, cursor: FeedCursor, window: WindowOptions): Promise<FeedRead> {
  const fetched = await fetchFeed(subscription.url, cursor);
  if (fetched.notModified) return fetched;
  const unreadable: { sourceId?: string; issues: string[] }[] = [];
  let inputs;
  try {
    inputs = parseIcs(fetched.text, {
      event: subscription.event,
      timeZone: subscription.timeZone,
      ...window,
      onSkipped: (uid, error) => unreadable.push({ sourceId: uid, issues: [`unreadable: ${error.message.slice(0, 200)}`] }),
    });
  } catch (error) {
    if (error instanceof IcsFormatError) throw new SyncError('unreadable', `The feed is not an iCalendar file (${error.message.slice(0, 200)}).`);
    throw error;
  }
  const entries = inputs.map((input) => ({
    key: input.sourceId ?? input.url ?? `${input.title}\n${input.start}`,
    // Links back to the event's own page when the feed gives one (Gancio, Mobilizon), else to the feed.
    input: { ...input, sourceUrl: input.url ?? subscription.url },
  }));
  return { notModified: false, entries, complete: true, removes: [], cursor: cursorOf(fetched.headers), unreadable };
}

/** Where an off-layer server keeps a host event's side events, from that event's canonical URL. */
export function offLayerList(url: string): { base: string; event: string } | undefined {
  const named = parseCanonicalUrl(url);
  if (named?.kind !== 'event') return undefined;
  return { base: url.slice(0, url.lastIndexOf('/api/events/')), event: named.id };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new SyncError('not-off-layer', 'The answer is not JSON: is this the URL of a host event on an off-layer server (…/api/events/ID)?');
  }
}

/** A side event of the other server as one of this host's: its own place and organizer records stay there. */
function entryOf(base: string, event: string, record: SideEvent): FeedEntry {
  const key = canonicalUrl(base, 'side-event', record.id);
  const { title, description, start, end, place, url, organizer, tags } = record;
  // The same record, held there first: its identity across sites stays that server's.
  return { key, input: { event, title, description, start, end, place, url, organizer, tags, sourceUrl: key, sourceId: key, canonicalUrl: key } };
}

function isRecordList(value: unknown): value is SideEvent[] {
  return Array.isArray(value) && value.every((record) => typeof record === 'object' && record !== null && typeof record.id === 'string');
}

/**
 * A host event on another off-layer server, through its list API: the whole list the first time (and whenever the
 * other server no longer knows the cursor: 410), then only what changed since the cursor it gave (`?since=`).
 */
export async function readOffLayerFeed(subscription: Subscription, cursor: FeedCursor): Promise<FeedRead> {
  const list = offLayerList(subscription.url);
  if (!list) throw new SyncError('not-off-layer', 'An off-layer subscription takes the URL of a host event: https://…/api/events/ID.');
  const listUrl = `${list.base}/api/events/${encodeURIComponent(list.event)}/side-events`;
  if (cursor.cursor) {
    const fetched = await fetchFeed(`${listUrl}?since=${encodeURIComponent(cursor.cursor)}`, {}, [400, 410]);
    if (!fetched.notModified && fetched.status === 200) {
      const changes = parseJson(fetched.text) as { cursor?: unknown; puts?: unknown; removes?: unknown };
      if (typeof changes.cursor !== 'string' || !isRecordList(changes.puts) || !Array.isArray(changes.removes)) {
        throw new SyncError('not-off-layer', 'The answer to ?since= is not an off-layer list of changes.');
      }
      const removes = changes.removes.filter((id): id is string => typeof id === 'string').map((id) => canonicalUrl(list.base, 'side-event', id));
      const entries = changes.puts.map((record) => entryOf(list.base, subscription.event, record));
      return { notModified: false, entries, complete: false, removes, cursor: { cursor: changes.cursor }, unreadable: [] };
    }
  }
  const fetched = await fetchFeed(listUrl, cursor.cursor ? {} : cursor);
  if (fetched.notModified) return fetched;
  const records = parseJson(fetched.text);
  if (!isRecordList(records)) throw new SyncError('not-off-layer', 'The answer is not an off-layer list of side events.');
  const entries = records.map((record) => entryOf(list.base, subscription.event, record));
  return { notModified: false, entries, complete: true, removes: [], cursor: cursorOf(fetched.headers, fetched.headers.get('X-Off-Cursor') ?? undefined), unreadable: [] };
}
