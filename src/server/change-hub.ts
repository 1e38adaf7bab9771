import type { Change, Repository } from './repository.js';

const BATCH = 500;

export type ChangeListener = (change: Change) => void;

/**
 * Reads the change log after each local write and each notice from another
 * process, and hands every new entry, once and in order, to the live streams.
 */
export class ChangeHub {
  private readonly listeners = new Set<ChangeListener>();
  private lastSeq = 0;
  private pumping?: Promise<void>;
  private again?: Promise<void>;

  constructor(private readonly repository: Repository) {}

  async start(): Promise<void> {
    this.lastSeq = (await this.repository.logState()).latest;
    this.repository.onExternalChanges(() => void this.poke());
  }

  /** The last seq handed to listeners: every change up to it has been. */
  get seq(): number {
    return this.lastSeq;
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Something may have been committed: read the log. Resolves once what was committed before the call is handed on,
   * so that a write answered after it is in every list this process keeps in memory (a client reads its own writes).
   * Overlapping pokes coalesce: one more read after the running one covers them all.
   */
  poke(): Promise<void> {
    if (!this.pumping) {
      this.pumping = this.pump().finally(() => (this.pumping = undefined));
      return this.pumping;
    }
    this.again ??= this.pumping.then(() => {
      this.again = undefined;
      return this.poke();
    });
    return this.again;
  }

  private async pump(): Promise<void> {
    try {
      let page;
      do {
        page = await this.repository.changesSince(this.lastSeq, BATCH);
        for (const change of page.changes) {
          this.lastSeq = change.seq;
          for (const listener of this.listeners) listener(change);
        }
        this.lastSeq = page.until;
      } while (page.more);
    } catch (error) {
      // The database is away; the reconnecting listener pokes again when it is back.
      console.warn(`Could not read the change log: ${(error as Error).message}`);
    }
  }
}
