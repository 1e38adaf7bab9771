import { stampRecord } from '../../model/stamp.js';
import type { SideEvent } from '../../model/records.js';
import { validate } from '../../model/validate.js';
import type { Repository } from '../repository.js';
import { newEditToken, sha256 } from '../tokens.js';
import { SyncError } from './fetch-feed.js';
import type { FeedRead } from './feeds.js';
import type { Subscription, SyncedItem, SyncStatus } from './types.js';

const MAX_SKIPPED_LISTED = 20;

type Read = Extract<FeedRead, { notModified: false }>;
type Counts = NonNullable<SyncStatus['counts']>;

/**
 * Brings the host event's side events in line with what the feed holds now: adds the new ones, changes in place
 * those that changed (a new SEQUENCE, LAST-MODIFIED or anything else in them), removes those the feed dropped.
 * What the model refuses is left out and listed, the rest goes on. A record a moderator hid is neither changed nor
 * removed, and stays hidden. A past side event the window no longer covers stays. A feed that suddenly holds
 * nothing while it brought records before is taken for a broken one: nothing is removed.
 */
export async function reconcile(
  repository: Repository,
  subscription: Subscription,
  read: Read,
  windowFrom: number,
): Promise<Pick<SyncStatus, 'counts' | 'skipped'> & { changed: boolean }> {
  const store = repository.subscriptions;
  const items = new Map((await store.items(subscription.id)).map((item) => [item.sourceKey, item]));
  if (read.complete && read.entries.length === 0 && items.size > 0) {
    throw new SyncError('empty-feed', `The feed holds no events any more, where it had ${items.size}: taken for a broken feed, nothing was removed.`);
  }
  const counts: Counts = { inFeed: read.entries.length, added: 0, updated: 0, removed: 0, unchanged: 0, skipped: read.unreadable.length, keptHidden: 0 };
  const skipped: NonNullable<SyncStatus['skipped']> = [...read.unreadable];
  const fresh: { record: SideEvent; item: Omit<SyncedItem, 'recordId'> }[] = [];
  const inFeed = new Set<string>();

  for (const { key, input } of read.entries) {
    inFeed.add(key);
    const checked = validate('side-event', input);
    if (!checked.ok) {
      counts.skipped += 1;
      skipped.push({ sourceId: key, title: typeof input.title === 'string' ? input.title.slice(0, 140) : undefined, issues: checked.issues.map(({ field, code }) => `${field}: ${code}`) });
      continue;
    }
    const fingerprint = sha256(JSON.stringify(checked.value));
    const known = items.get(key);
    if (!known) {
      fresh.push({ record: stampRecord(checked.value, undefined) as SideEvent, item: { sourceKey: key, fingerprint } });
      continue;
    }
    if (known.fingerprint === fingerprint) {
      counts.unchanged += 1;
      continue;
    }
    const stored = await repository.find('side-event', known.recordId);
    // Deleted here by the host: not brought back. Hidden: stays as the moderator left it.
    if (!stored) continue;
    if (stored.hidden) {
      counts.keptHidden += 1;
      continue;
    }
    const outcome = await repository.apply('side-event', { op: 'update', record: stampRecord(checked.value, stored.record) });
    if (outcome.status === 'applied') {
      counts.updated += 1;
      await store.putItem(subscription.id, { ...known, fingerprint });
    }
  }

  if (fresh.length) {
    // Nobody holds these records' edit token: the feed is their author, moderators may still edit or hide them.
    const records = fresh.map(({ record }) => ({ record, tokenHash: sha256(newEditToken()) }));
    const outcome = await repository.apply('side-event', { op: 'insert', records });
    if (outcome.status === 'applied') {
      counts.added = fresh.length;
      for (const { record, item } of fresh) await store.putItem(subscription.id, { ...item, recordId: record.id });
    }
  }

  const dropped = read.complete ? [...items.keys()].filter((key) => !inFeed.has(key)) : read.removes.filter((key) => items.has(key));
  for (const key of dropped) {
    const item = items.get(key)!;
    const stored = await repository.find('side-event', item.recordId);
    if (!stored) {
      await store.removeItem(subscription.id, key);
      continue;
    }
    if (stored.hidden) {
      counts.keptHidden += 1;
      continue;
    }
    const { start, end } = stored.record as SideEvent;
    if (Date.parse(end ?? start) < windowFrom) continue;
    const outcome = await repository.apply('side-event', { op: 'delete', id: item.recordId });
    if (outcome.status === 'applied') counts.removed += 1;
    await store.removeItem(subscription.id, key);
  }

  const changed = counts.added + counts.updated + counts.removed > 0;
  return { counts, skipped: skipped.slice(0, MAX_SKIPPED_LISTED), changed };
}
