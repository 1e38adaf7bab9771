import type { OffRecord, RecordKind } from '../model/records.js';
import type { ChangeFeed } from './change-feed.js';
import type { HttpApi } from './http-api.js';
import type { ListCache } from './http-list-cache.js';
import { SeenRecords } from './http-seen.js';
import { LiveStream } from './http-stream.js';
import { ListSync } from './http-sync.js';

export interface MirrorEvents {
  /** The live stream says whether the server can be reached. */
  reachable(reachable: boolean): void;
  /** The stream is back after a drop: what was pending can be sent. */
  reconnected(): void;
}

/**
 * What this page shows of the server: its lists (kept on the device and synced), its live stream,
 * and which version of each record the page has been told about, so none is announced twice.
 */
export class ServerMirror {
  private readonly seen = new SeenRecords();
  private readonly sync: ListSync;
  private readonly stream: LiveStream;
  private streamDropped = false;

  constructor(
    api: HttpApi,
    lists: ListCache,
    private readonly feed: ChangeFeed,
    showKeptListAfterMs: number,
    events: MirrorEvents,
  ) {
    this.sync = new ListSync(api, lists, this.seen, (kind, puts, removedIds) => {
      if (puts.length) this.feed.emit({ type: 'put', kind, records: puts }, { localOnly: true });
      for (const id of removedIds) this.feed.emit({ type: 'remove', kind, id }, { localOnly: true });
    }, showKeptListAfterMs);
    this.stream = new LiveStream(api.streamUrl, {
      onOpen: () => {
        events.reachable(true);
        if (!this.streamDropped) return;
        this.streamDropped = false;
        // Nothing was streamed to us while we were away: send what is pending, fetch what others did.
        events.reconnected();
        void this.sync.catchUp();
      },
      onDown: () => {
        this.streamDropped = true;
        events.reachable(false);
      },
      onPut: (kind, records) => this.announce(kind, records),
      onRemove: (kind, id) => this.announceRemoval(kind, id),
      onReload: () => void this.sync.catchUp(),
    });
  }

  /** Settles at the stream's first open or failure. */
  get firstContact(): Promise<void> {
    return this.stream.firstContact;
  }

  /** The list of one host event (or all): see `ListSync.read`. */
  read(kind: RecordKind, event: string | undefined): Promise<OffRecord[]> {
    return this.sync.read(kind, event);
  }

  /**
   * Announces server records this page has not been told about in this version (ours come back on the stream too);
   * `undefined` stands for a write that left no record (a removal).
   */
  announce(kind: RecordKind, records: (OffRecord | undefined)[]): void {
    const fresh = this.seen.unseen(kind, records.filter((record): record is OffRecord => record !== undefined));
    if (fresh.length) this.feed.emit({ type: 'put', kind, records: fresh }, { localOnly: true });
  }

  announceRemoval(kind: RecordKind, id: string): void {
    if (this.seen.unseenRemoval(kind, id)) this.feed.emit({ type: 'remove', kind, id }, { localOnly: true });
  }

  /** A removal this page made and showed already: the stream's echo of it is not announced again. */
  removalShown(kind: RecordKind, id: string): void {
    this.seen.unseenRemoval(kind, id);
  }

  close(): void {
    this.stream.close();
  }
}
