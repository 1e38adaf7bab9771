import type { OffRecord, RecordKind } from '../model/records.js';
import { sortRecords } from '../model/sort.js';
import { ReloadNeeded, type HttpApi } from './http-api.js';
import type { ListCache, SyncedList } from './http-list-cache.js';
import type { SeenRecords } from './http-seen.js';

/** Tells listeners what changed in a list shown already. */
export type AnnounceChanges = (kind: RecordKind, puts: OffRecord[], removedIds: string[]) => void;

/**
 * The lists of one host event (or all), kept on the device with their cursor: a returning visitor
 * downloads only what changed since (`?since=`), and sees the kept list at once, then what changed
 * when it arrives. A server that cannot say what changed is asked for the whole list.
 */
export class ListSync {
  constructor(
    private readonly api: HttpApi,
    private readonly lists: ListCache,
    private readonly seen: SeenRecords,
    private readonly announceChanges: AnnounceChanges,
    /** How long a list kept on the device waits for what changed before it is shown as it is (what changed follows). */
    private readonly showKeptAfterMs: number,
  ) {}

  /**
   * The list as the server has it now, or, the first time this page reads it, if that takes long, as kept (what changed
   * follows). Read again, it is the server's: the page may have written since. Throws when it can be neither.
   */
  async read(kind: RecordKind, event: string | undefined): Promise<OffRecord[]> {
    const kept = await this.lists.load(kind, event);
    if (!kept?.cursor) return this.listed(kind, event, await this.reload(kind, event));
    const fresh = this.refresh(kind, event, kept);
    if (this.seen.hasListed(kind, event)) return this.listed(kind, event, await fresh);
    const late = new Promise<undefined>((resolve) => setTimeout(resolve, this.showKeptAfterMs));
    const first = await Promise.race([fresh, late]);
    if (first) return this.listed(kind, event, first);
    this.listed(kind, event, kept.records);
    fresh.then(
      (records) => this.announceSince(kind, event, records),
      (error: unknown) => console.warn('off-layer: could not read what changed in a list shown from this device.', error),
    );
    return kept.records;
  }

  /** After the live stream was away: what changed in every list shown, announced. */
  async catchUp(): Promise<void> {
    for (const { kind, event } of this.seen.listedQueries()) {
      const kept = await this.lists.load(kind, event);
      try {
        this.announceSince(kind, event, kept?.cursor ? await this.refresh(kind, event, kept) : await this.reload(kind, event));
      } catch (error) {
        // The next reconnection catches up again.
        console.warn('off-layer: could not catch up with changes made while offline.', error);
        return;
      }
    }
  }

  /** The kept list with what changed since its cursor applied, kept in its place. */
  private async refresh(kind: RecordKind, event: string | undefined, kept: SyncedList): Promise<OffRecord[]> {
    let changes;
    try {
      changes = await this.api.changesSince(kind, { event }, kept.cursor);
    } catch (error) {
      if (error instanceof ReloadNeeded) return this.reload(kind, event);
      throw error;
    }
    const byId = new Map(kept.records.map((record) => [record.id, record]));
    for (const id of changes.removes) byId.delete(id);
    for (const record of changes.puts) byId.set(record.id, record);
    const records = sortRecords(kind, [...byId.values()]);
    this.lists.save(kind, event, { cursor: changes.cursor, records });
    return records;
  }

  private async reload(kind: RecordKind, event: string | undefined): Promise<OffRecord[]> {
    const { records, cursor = '' } = await this.api.listWithCursor(kind, { event });
    this.lists.save(kind, event, { cursor, records });
    return records;
  }

  private listed(kind: RecordKind, event: string | undefined, records: OffRecord[]): OffRecord[] {
    this.seen.listed(kind, event, records);
    return records;
  }

  private announceSince(kind: RecordKind, event: string | undefined, records: OffRecord[]): void {
    const { puts, removedIds } = this.seen.changesSince(kind, event, records);
    if (puts.length || removedIds.length) this.announceChanges(kind, puts, removedIds);
  }
}
