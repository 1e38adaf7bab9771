/** Where a subscription reads: a public iCalendar feed, or a host event on another off-layer server. */
export type FeedKind = 'ics' | 'off-layer';

/** What the last sync found, for the host to read (GET /api/admin/subscriptions). */
export interface SyncStatus {
  lastAttemptAt?: string;
  lastSuccessAt?: string;
  /** Why the last attempt changed nothing: the records stay as the last good sync left them. */
  error?: { code: SyncErrorCode; message: string };
  /** Of the last attempt that read the feed. */
  counts?: { inFeed: number; added: number; updated: number; removed: number; unchanged: number; skipped: number; keptHidden: number };
  /** Events of the feed left out, with the reason (at most 20 listed). */
  skipped?: { sourceId?: string; title?: string; issues: string[] }[];
}

export type SyncErrorCode = 'unreachable' | 'http-status' | 'too-large' | 'unreadable' | 'empty-feed' | 'not-off-layer' | 'sync-failed';

export interface Subscription {
  id: string;
  /** The host event its side events go to. */
  event: string;
  kind: FeedKind;
  url: string;
  intervalSeconds: number;
  /** IANA zone UTC times are shown in and floating times read in (when the feed names none); absent: the server's. */
  timeZone?: string;
  createdAt: string;
  nextSyncAt: string;
  status: SyncStatus;
}

/** What a conditional fetch sends again, and where an off-layer feed's changes were last read up to. */
export interface FeedCursor {
  etag?: string;
  lastModified?: string;
  cursor?: string;
}

/** A record a subscription brought: its key in the feed, the side event it is here, what it last was. */
export interface SyncedItem {
  sourceKey: string;
  recordId: string;
  fingerprint: string;
}
