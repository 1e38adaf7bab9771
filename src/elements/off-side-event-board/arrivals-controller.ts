import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SideEvent } from '../../model/records.js';

/** How long arrivals gather before they are read out: a burst (a queue sent when back online) is read out once. */
const GATHER_MS = 1000;

/**
 * Tells which side events arrived in the list on show since the last look, and hands them to `announce`
 * at most once a second; the first look at a list (another store or event, a reload) finds nothing new.
 */
export class ArrivalsController implements ReactiveController {
  private source?: string;
  private revision = -1;
  // The list as last seen (never edited in place), not a set of its ids: a first look, on the first render, builds nothing.
  private seen: readonly SideEvent[] = [];
  private arrivals: SideEvent[] = [];
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    host: ReactiveControllerHost,
    private readonly announce: (arrivals: SideEvent[]) => void,
  ) {
    host.addController(this);
  }

  /** Looks at the list of `source` (store and event) as loaded now: what was not there at the last look has arrived. */
  look(source: string, records: readonly SideEvent[], revision: number): void {
    if (source === this.source && revision === this.revision) return;
    const firstLook = source !== this.source;
    const previous = this.seen;
    this.source = source;
    this.revision = revision;
    this.seen = records;
    if (firstLook) return;
    const known = new Set(previous.map((record) => record.id));
    const added = records.filter((record) => !known.has(record.id));
    if (added.length === 0) return;
    this.arrivals.push(...added);
    this.timer ??= setTimeout(() => {
      const { arrivals } = this;
      this.arrivals = [];
      this.timer = undefined;
      this.announce(arrivals);
    }, GATHER_MS);
  }

  /** The next look is a first look, and arrivals not yet read out belong to the previous list. */
  forget(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.arrivals = [];
    this.source = undefined;
    this.revision = -1;
  }

  hostDisconnected(): void {
    this.forget();
  }
}
