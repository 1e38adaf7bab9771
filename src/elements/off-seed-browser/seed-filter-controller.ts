import type { LitElement, ReactiveController } from 'lit';
import type { Seed } from '../../model/records.js';
import { memoizeLast } from '../shared/memo.js';
import { filterOptions, filterSeeds, NO_FILTER, seedTexts, type FilterOptions, type SeedFilter } from './seed-index.js';

/** Enough to catch a word being typed, short enough to feel instant (the board's too). */
const TYPING_PAUSE_MS = 150;
/** How long after a change the filters are `settled`: long enough to tell a finished word from a pause between keys. */
const SETTLE_MS = 1000;

/** The filters' selects, each named after its field of `SeedFilter`. */
type SelectName = Exclude<keyof SeedFilter, 'query'>;
const SELECTS: readonly SelectName[] = ['tag', 'license', 'event'];

export interface SeedFilterSources {
  /** The seeds to filter, in the order shown. */
  records: () => Seed[];
  /** The filters changed. */
  changed: () => void;
  /** A second has passed since the filters changed, without typing: time to read the count out. */
  settled: () => void;
}

/**
 * The seed browser's filters, rendered by the host as `#filter` and the selects `#tag`, `#license`, `#event`: the
 * text applies once typing pauses, a select at once.
 */
export class SeedFilterController implements ReactiveController {
  filter: SeedFilter = NO_FILTER;

  private typingTimer?: ReturnType<typeof setTimeout>;
  private settleTimer?: ReturnType<typeof setTimeout>;
  private foldedRecords?: Seed[];
  /** The seeds the options are read from: those of the previous render, so that counting tags waits until the list is on screen. */
  private optionRecords: Seed[] = [];
  private readonly matching = memoizeLast(filterSeeds);
  private readonly choices = memoizeLast(filterOptions);

  constructor(
    private readonly host: LitElement,
    private readonly sources: SeedFilterSources,
  ) {
    host.addController(this);
  }

  /** The seeds that match the filters. */
  get results(): Seed[] {
    return this.matching(this.sources.records(), this.filter);
  }

  /** What the selects offer; read from the seeds as they were at the previous render (one task later), not on the first render's path. */
  get options(): FilterOptions {
    const { tag, license, event } = this.filter;
    return this.choices(this.optionRecords, tag, license, event);
  }


  readonly onInput = (): void => {
    this.cancelTimers();
    this.typingTimer = setTimeout(() => this.apply({}), TYPING_PAUSE_MS);
  };

  readonly onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    this.apply({});
  };

  readonly onSelect = (event: Event): void => {
    const select = event.target as HTMLSelectElement;
    this.apply({ [select.name as SelectName]: select.value });
  };

  /** Empties the text filter and every select. */
  readonly clear = (): void => {
    const input = this.input;
    if (input) input.value = '';
    this.apply(NO_FILTER);
  };

  hostUpdated(): void {
    const records = this.sources.records();
    if (records !== this.foldedRecords) {
      this.foldedRecords = records;
      seedTexts.foldWhenIdle(records);
      setTimeout(() => {
        this.optionRecords = records;
        this.host.requestUpdate();
      });
    }
    // Options re-rendered in place, or once picked by the visitor (HTML's "dirtiness"), ignore `selected`: set after every render.
    for (const name of SELECTS) {
      const select = this.host.renderRoot.querySelector<HTMLSelectElement>(`select#${name}`);
      if (select) select.value = this.filter[name];
    }
  }

  hostDisconnected(): void {
    this.cancelTimers();
  }

  private get input(): HTMLInputElement | null {
    return this.host.renderRoot.querySelector('#filter');
  }

  /** Takes the text filter's value and `change`. */
  private apply(change: Partial<SeedFilter>): void {
    this.cancelTimers();
    const next = { ...this.filter, query: this.input?.value ?? '', ...change };
    if (SELECTS.every((name) => next[name] === this.filter[name]) && next.query === this.filter.query) return;
    this.filter = next;
    this.host.requestUpdate();
    this.sources.changed();
    this.settleTimer = setTimeout(this.sources.settled, SETTLE_MS);
  }

  private cancelTimers(): void {
    clearTimeout(this.typingTimer);
    clearTimeout(this.settleTimer);
  }
}
