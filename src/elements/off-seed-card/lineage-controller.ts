import { Task, TaskStatus } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import type { Descendant, Lineage } from '../../model/lineage.js';
import type { Seed } from '../../model/records.js';
import type { OffStore, StoreChange } from '../../storage/store.js';
import type { lineageFigure } from './lineage-picture.js';
import { lineageSources } from './lineage-sources.js';

/** How a lineage is read and drawn, loaded with the first seed a card shows: a page whose cards show none never downloads it. */
const lineageCode = () => Promise.all([import('../../model/lineage.js'), import('./lineage-picture.js')]);

interface ReadLineage {
  lineage: Lineage;
  draw: typeof lineageFigure;
}

/**
 * Generations of replantings read below the seed on show: each is one list per seed of the generation above, so a
 * page of cards on a server stays at a few requests a card; children and grandchildren tell where a seed went.
 */
const DESCENDANT_DEPTH = 2;

export interface LineageSeed {
  /** The seed on show, if any. */
  seed: () => Seed | undefined;
  store: () => OffStore;
  /** The `store` attribute: another store reads the lineage again. */
  storeSpec: () => string;
}

/** The ids of every seed in `lineage`. */
function idsIn({ ancestors, descendants }: Lineage): string[] {
  const ids = ancestors.map(({ id }) => id);
  const visit = (level: Descendant[]) => level.forEach(({ seed, replantings }) => (ids.push(seed.id), visit(replantings)));
  visit(descendants);
  return ids;
}

/**
 * A seed's lineage across events, read from the host's store (the chain it was replanted from, a gap where a parent
 * is missing or hidden, and two generations of its replantings) and read again when a change reaches it.
 */
export class LineageController {
  private readonly task: Task<readonly [Seed | undefined, string], ReadLineage | undefined>;

  constructor(
    host: ReactiveControllerHost,
    private readonly sources: LineageSeed,
  ) {
    this.task = new Task(host, {
      task: async ([seed]) => {
        if (!seed) return undefined;
        const [{ lineageOf }, { lineageFigure }] = await lineageCode();
        return { lineage: await lineageOf(seed, lineageSources(sources.store(), seed), { descendantDepth: DESCENDANT_DEPTH }), draw: lineageFigure };
      },
      args: () => [sources.seed(), sources.storeSpec()] as const,
      // A fresh copy of the same seed (a framework rendering again, a changed title) has the same lineage.
      argsEqual: ([seed, spec], [previous, previousSpec]) => spec === previousSpec && seed?.id === previous?.id && seed?.replantedFrom === previous?.replantedFrom,
    });
  }

  /** The lineage once read; undefined while the first one loads. */
  get value(): Lineage | undefined {
    return this.task.value?.lineage;
  }

  /** Draws the lineage, once its code has loaded with the first one read. */
  get draw(): typeof lineageFigure | undefined {
    return this.task.value?.draw;
  }

  get failed(): boolean {
    return this.task.status === TaskStatus.ERROR;
  }

  /** Reads it again. */
  run(): void {
    void this.task.run();
  }

  /** Reads it again when a change of seeds touches one of it (the seed, its parent, any shown) or replants one of them. */
  changed(change: Extract<StoreChange, { type: 'put' | 'remove' }>): void {
    const seed = this.sources.seed();
    if (!seed || change.kind !== 'seed') return;
    const shown = new Set([seed.id, seed.replantedFrom ?? '', ...(this.value ? idsIn(this.value) : [])]);
    const reached =
      change.type === 'remove' ? shown.has(change.id) : change.records.some((record) => shown.has(record.id) || shown.has((record as Seed).replantedFrom ?? ''));
    if (reached) this.run();
  }
}
