import type { LitElement, ReactiveController } from 'lit';
import type { SideEvent } from '../../model/records.js';
import { OffFilterChangeEvent } from '../shared/events.js';
import { memoizeLast } from '../shared/memo.js';
import { dayKeys, filterSideEvents, foldWhenIdle, searchTexts } from './board-index.js';

/** Enough to catch a word being typed, short enough to feel instant. */
const TYPING_PAUSE_MS = 150;
/** How long after a change the filters are `settled`: long enough to tell a finished word from a pause between keys. */
const SETTLE_MS = 1000;

export interface FilterSources {
  /** The side events to filter, in the order shown. */
  records: () => SideEvent[];
  /** The filters changed; called before `off-filter-change` is dispatched with the new count. */
  changed: () => void;
  /** A second has passed since the filters changed, without typing (which cancels it): time to read the count out. */
  settled: () => void;
}

/**
 * The board's text and day filters, rendered by the host as `#filter` and `#day`: the text applies once
 * typing pauses, the day at once; each change dispatches `off-filter-change` from the host.
 */
export class FilterController implements ReactiveController {
  /** Words typed by the visitor, as last applied. */
  query = '';
  /** A day key, or '' for all days. */
  day = '';

  private typingTimer?: ReturnType<typeof setTimeout>;
  private settleTimer?: ReturnType<typeof setTimeout>;
  private foldedRecords?: SideEvent[];
  // Folded by the first query, or in idle time after a render (`hostUpdated`), so that the first render need not.
  private readonly searchTexts = memoizeLast(searchTexts);
  private readonly dayKeys = memoizeLast(dayKeys);
  private readonly matching = memoizeLast((records: SideEvent[], query: string, day: string) =>
    filterSideEvents(records, () => this.searchTexts(records), { query, day }),
  );

  constructor(
    private readonly host: LitElement,
    private readonly sources: FilterSources,
  ) {
    host.addController(this);
  }

  /** The side events that match the filters. */
  get results(): SideEvent[] {
    return this.matching(this.sources.records(), this.query, this.day);
  }

  /** The days to choose from, in calendar order: those of the side events, and the day chosen even once none is left on it. */
  get days(): string[] {
    return this.dayKeys(this.sources.records(), this.day);
  }

  get input(): HTMLInputElement | null {
    return this.host.renderRoot.querySelector('#filter');
  }

  readonly onInput = (): void => {
    this.cancelTimers();
    this.typingTimer = setTimeout(() => this.apply(), TYPING_PAUSE_MS);
  };

  readonly onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    this.apply();
  };

  readonly onDayChange = (event: Event): void => {
    this.apply((event.target as HTMLInputElement | HTMLSelectElement).value);
  };

  /** Empties the text filter and shows every day. */
  readonly clear = (): void => {
    const { input } = this;
    if (input) input.value = '';
    this.apply('');
  };

  hostUpdated(): void {
    const records = this.sources.records();
    if (records !== this.foldedRecords) {
      this.foldedRecords = records;
      foldWhenIdle(records);
    }
    // Set after every render: options re-rendered in place, or once picked by the visitor (HTML's "dirtiness"), ignore `selected`.
    const daySelect = this.host.renderRoot.querySelector<HTMLSelectElement>('select#day');
    if (daySelect) daySelect.value = this.day;
  }

  hostDisconnected(): void {
    this.cancelTimers();
  }

  /** Takes the text filter's value and `day`. */
  private apply(day = this.day): void {
    this.cancelTimers();
    const query = this.input?.value ?? '';
    if (query === this.query && day === this.day) return;
    this.query = query;
    this.day = day;
    this.host.requestUpdate();
    this.sources.changed();
    this.host.dispatchEvent(new OffFilterChangeEvent(query, day, this.results.length));
    this.settleTimer = setTimeout(this.sources.settled, SETTLE_MS);
  }

  private cancelTimers(): void {
    clearTimeout(this.typingTimer);
    clearTimeout(this.settleTimer);
  }
}
