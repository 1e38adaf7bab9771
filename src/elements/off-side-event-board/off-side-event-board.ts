import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { html as staticHtml, type StaticValue } from 'lit/static-html.js';
import type { Lang } from '../../model/lang.js';
import { storageMessage } from '../../model/messages.js';
import type { SideEvent } from '../../model/records.js';
import { StorageError } from '../../storage/errors.js';
import { downloadText } from '../shared/download.js';
import { OffFilterChangeEvent } from '../shared/events.js';
import { eventDayKey, formatDay, formatDateTime, formatTime, zoneLabel } from '../shared/format.js';
import { plural } from '../shared/i18n.js';
import { LiveListController } from '../shared/live-list-controller.js';
import { memoizeLast } from '../shared/memo.js';
import { headingTag } from '../shared/heading.js';
import { OffElement } from '../shared/off-element.js';
import { safeAuthorHref, safeWebUrl } from '../shared/safe-url.js';
import { themeStyles } from '../shared/theme.styles.js';
import { visuallyHiddenStyles } from '../shared/visually-hidden.styles.js';
import { AdditionsTracker } from './additions.js';
import { dayKeys, filterSideEvents, foldWhenIdle, groupByDay, inDayOrder, searchTexts } from './board-index.js';
import { boardCalendar, ICS_TYPE, sideEventCalendar, type CalendarFile } from './calendar.js';
import { itemKeyTarget } from './item-keys.js';
import { clampWindow, firstWindow, nextWindow, PAGE_SIZE, previousWindow, windowWith, type ItemWindow } from './item-window.js';
import { JsonLdController } from './json-ld-controller.js';
import { boardStyles } from './off-side-event-board.styles.js';
import { strings, type BoardStrings } from './off-side-event-board.strings.js';

/** Enough to catch a word being typed, short enough to feel instant. */
const FILTER_DELAY_MS = 150;
/** Up to this many days the day filter is a list of named days; beyond it, a date picker keeps the DOM small. */
const MAX_DAY_OPTIONS = 62;
/** Descriptions longer than this are clamped with a "Read more" toggle. */
const LONG_DESCRIPTION = 180;
/** How long arrivals gather, and typing pauses, before the board reads them out. */
const ANNOUNCE_EVERY_MS = 1000;
const DEFAULT_CONTRIBUTE_HREF = '#off-contribute';

// Noon UTC of a day key formats as that day, whatever the viewer's zone (format.ts reads the offset, Z).
const dayLabels = memoizeLast((days: string[], lang: Lang) => new Map(days.map((day) => [day, formatDay(`${day}T12:00:00Z`, lang)])));

/**
 * The side events around a host event, by day and time, with text and day
 * filters, live updates (this page and other tabs), add-to-calendar and
 * schema.org JSON-LD for search engines. Renders at most 60 side events at a
 * time (pages of 30), so it stays fast with tens of thousands.
 *
 * Keyboard: when focus is on a side event (its title or one of its controls),
 * ArrowDown/ArrowUp move focus to the next/previous side event's title and
 * Home/End to the first/last one of the filtered list, showing its page if
 * needed; Tab still goes through every control. Keys with a modifier, and keys
 * in the filters, are left alone. A visually hidden hint before the list says so.
 *
 * @summary Side events of an event, grouped by day, filterable, live.
 * @tag off-side-event-board
 *
 * @event off-filter-change - The visitor changed the filters. `detail`: `{ query: string, day: string, count: number }` (`day` is `YYYY-MM-DD` or '' for all days).
 *
 * @csspart board - The whole board.
 * @csspart header - Heading and the "Add all to calendar" button.
 * @csspart heading - The board's heading.
 * @csspart calendar-all-button - Downloads every side event as one .ics file.
 * @csspart warning - A notice that records are not kept on this device, or that the device is offline.
 * @csspart filters - The search form around both filters.
 * @csspart filter-input - The text filter.
 * @csspart day-filter - The day filter (a select, or a date input when there are many days).
 * @csspart status - The count of matching side events (or the loading message); read out once the visitor stops typing.
 * @csspart error - The error message and its retry button.
 * @csspart retry-button - Loads the side events again.
 * @csspart empty - The empty state (no side events yet, or none matching).
 * @csspart contribute-link - The invitation to add a side event.
 * @csspart clear-button - Clears both filters.
 * @csspart list - The days and their side events.
 * @csspart day - A day heading.
 * @csspart day-list - The side events of one day.
 * @csspart item - One side event.
 * @csspart item-title - Its title.
 * @csspart item-time - Its time (and time zone when not the visitor's).
 * @csspart item-place - Its place.
 * @csspart item-organizer - Its organiser.
 * @csspart item-tags - Its tags.
 * @csspart item-description - Its description.
 * @csspart expand-button - Shows a long description in full.
 * @csspart item-actions - The item's link and calendar button.
 * @csspart item-link - The link to the side event's own page.
 * @csspart calendar-button - Downloads the side event as an .ics file.
 * @csspart more-button - Shows the next side events.
 * @csspart earlier-button - Shows the previous side events.
 * @csspart range - "Showing 31–90 of 1,234".
 *
 * @cssproperty --off-color-bg - Background.
 * @cssproperty --off-color-surface - Background of items and controls.
 * @cssproperty --off-color-fg - Text.
 * @cssproperty --off-color-muted - Secondary text (times, places, tags).
 * @cssproperty --off-color-border - Borders.
 * @cssproperty --off-color-accent - Buttons and the #OFF accent.
 * @cssproperty --off-color-accent-fg - Text on the accent.
 * @cssproperty --off-color-danger - Error text.
 * @cssproperty --off-color-focus - Focus ring.
 * @cssproperty --off-radius - Corner radius.
 * @cssproperty --off-space - Base spacing.
 * @cssproperty --off-font - Font family.
 * @cssproperty --off-font-size - Base font size.
 */
export class OffSideEventBoard extends OffElement {
  static override styles = [themeStyles, visuallyHiddenStyles, boardStyles];

  /** Id of the host event whose side events are shown, e.g. `g21`; empty shows every event's. */
  @property() event = '';

  /** The board's heading, "Side events #OFF" in its language by default; two boards on one page need different ones. */
  @property() label = '';

  /** Level of the board's heading, 1 to 6 (default 2); day headings and side event titles take the next levels. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Where the empty state's "Add your side event" link leads: a relative or http(s) URL. */
  @property({ attribute: 'contribute-href' }) contributeHref = DEFAULT_CONTRIBUTE_HREF;

  @state() private query = '';
  @state() private day = '';
  @state() private shown: ItemWindow = firstWindow();
  @state() private expanded = new Set<string>();
  @state() private announcement = '';

  @query('#filter') private filterInput?: HTMLInputElement;

  private readonly list = new LiveListController(this, 'side-event', () => this.event || undefined);
  private readonly additions = new AdditionsTracker();
  /** The typing pause before a filter applies, then the pause before its count is read out. */
  private filterTimer?: ReturnType<typeof setTimeout>;
  /** Side events arrived since the last announcement, and the timer that will announce them. */
  private arrivals: SideEvent[] = [];
  private arrivalsTimer?: ReturnType<typeof setTimeout>;
  private foldedRecords?: SideEvent[];
  /** Position in the filtered list of the item to focus after the next render. */
  private focusIndex?: number;

  private readonly days = memoizeLast(dayKeys);
  private readonly ordered = memoizeLast(inDayOrder);
  // Folded by the first query, or in idle time after a render (`updated`), so that the first render need not.
  private readonly searchTexts = memoizeLast(searchTexts);
  private readonly matching = memoizeLast((records: SideEvent[], query: string, day: string) =>
    filterSideEvents(records, () => this.searchTexts(records), { query, day }),
  );

  constructor() {
    super();
    new JsonLdController(this, () =>
      this.list.state === 'ready' ? { event: this.event, revision: this.list.revision, records: this.list.records } : undefined,
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.filterTimer);
    this.forgetArrivals();
  }

  /** Loads the side events again from the store (after an error, say). */
  reload(): void {
    this.forgetArrivals();
    this.list.reload();
  }

  /** The next list is a first look: nothing in it is new, and arrivals not yet read out belong to the previous one. */
  private forgetArrivals(): void {
    clearTimeout(this.arrivalsTimer);
    this.arrivalsTimer = undefined;
    this.arrivals = [];
    this.additions.reset();
  }

  private get t(): BoardStrings {
    return strings[this.language];
  }

  private get results(): SideEvent[] {
    return this.matching(this.ordered(this.list.records), this.query, this.day);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('event') || changed.has('store')) {
      this.shown = firstWindow();
      this.forgetArrivals();
    } else if (this.list.state === 'ready') {
      this.announceAdditions(this.additions.added(`${this.store}\n${this.event}`, this.list.records, this.list.revision));
    }
    this.shown = clampWindow(this.shown, this.results.length);
  }

  protected override update(changed: PropertyValues<this>): void {
    const root = this.renderRoot as ShadowRoot;
    const focused = root.activeElement;
    super.update(changed);
    // A render that took the focus away (its side event removed, filtered out or moved to another day; its button gone)
    // leaves it in the board, not at the page's start: on the side event now in that place, else in the search.
    if (focused && !root.activeElement) {
      this.focusIndex ??= Math.min(Number(focused.closest<HTMLElement>('[data-index]')?.dataset.index ?? -1), this.results.length - 1);
    }
  }

  protected override updated(): void {
    if (this.list.records !== this.foldedRecords) {
      this.foldedRecords = this.list.records;
      foldWhenIdle(this.foldedRecords);
    }
    // Set after every render: options re-rendered in place, or once picked by the visitor (HTML's "dirtiness"), ignore `selected`.
    const daySelect = this.renderRoot.querySelector('select');
    if (daySelect) daySelect.value = this.day;
    if (this.focusIndex === undefined) return;
    const title = this.renderRoot.querySelector<HTMLElement>(`[data-index="${this.focusIndex}"] [part='item-title']`);
    this.focusIndex = undefined;
    (title ?? this.filterInput)?.focus();
    // The search is hidden while the list loads (after "Try again"): the board's heading then.
    if (!(this.renderRoot as ShadowRoot).activeElement) this.renderRoot.querySelector<HTMLElement>('#heading')!.focus();
  }

  private onListKeydown(event: KeyboardEvent): void {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const item = (event.target as Element).closest<HTMLElement>('[data-index]');
    const total = this.results.length;
    const target = item ? itemKeyTarget(event.key, Number(item.dataset.index), total) : undefined;
    if (target === undefined) return;
    event.preventDefault();
    this.focusIndex = target;
    this.shown = windowWith(this.shown, target, total);
    this.requestUpdate();
  }

  private announceAdditions(added: SideEvent[]): void {
    if (added.length === 0) return;
    this.arrivals.push(...added);
    // One announcement a second at most: a burst of arrivals (a queue sent when back online) is read out once.
    this.arrivalsTimer ??= setTimeout(() => {
      const { arrivals } = this;
      this.arrivals = [];
      this.arrivalsTimer = undefined;
      this.announce(arrivals.length === 1 ? this.t.addedOne(arrivals[0]!.title) : plural(this.language, arrivals.length, this.t.added));
    }, ANNOUNCE_EVERY_MS);
  }

  /** Screen readers read a live region out only when its text changes: the same text again ends with a no-break space. */
  private announce(text: string): void {
    this.announcement = text === this.announcement ? `${text}\u00a0` : text;
  }

  private onFilterInput(): void {
    clearTimeout(this.filterTimer);
    this.filterTimer = setTimeout(() => this.applyFilter(), FILTER_DELAY_MS);
  }

  private onFilterSubmit(event: SubmitEvent): void {
    event.preventDefault();
    this.applyFilter();
  }

  private onDayChange(event: Event): void {
    this.applyFilter((event.target as HTMLInputElement | HTMLSelectElement).value);
  }

  private clearFilters(): void {
    if (this.filterInput) this.filterInput.value = '';
    this.applyFilter('');
  }

  private applyFilter(day = this.day): void {
    clearTimeout(this.filterTimer);
    const query = this.filterInput?.value ?? '';
    if (query === this.query && day === this.day) return;
    this.query = query;
    this.day = day;
    this.shown = firstWindow();
    const filterChange = new OffFilterChangeEvent(query, day, this.results.length);
    this.dispatchEvent(filterChange);
    // The count is no live region: read out at every pause between keys, it would talk over the typing. Typing again cancels this.
    this.filterTimer = setTimeout(() => this.announce(this.statusText()), ANNOUNCE_EVERY_MS);
  }

  private showMore(): void {
    const next = nextWindow(this.shown, this.results.length);
    this.focusIndex = this.shown.end;
    this.shown = next;
  }

  private showEarlier(): void {
    const previous = previousWindow(this.shown);
    this.focusIndex = previous.start;
    this.shown = previous;
  }

  private toggleDescription(id: string): void {
    const expanded = new Set(this.expanded);
    if (!expanded.delete(id)) expanded.add(id);
    this.expanded = expanded;
  }

  private download({ text, filename }: CalendarFile): void {
    downloadText(text, filename, ICS_TYPE);
  }

  private downloadAll(): void {
    this.download(boardCalendar(this.event, this.list.records, this.t.calendarName(this.event || 'OFF')));
  }

  private errorMessage(): string {
    const error = this.list.error;
    return error instanceof StorageError ? error.messageIn(this.language) : storageMessage('unavailable', this.language);
  }

  private statusText(): string {
    if (this.list.state === 'loading') return this.t.loading;
    if (this.list.state === 'error') return '';
    return plural(this.language, this.results.length, this.t.count);
  }

  override render(): TemplateResult {
    const t = this.t;
    const loading = this.list.state === 'loading';
    const hasRecords = this.list.state === 'ready' && this.list.records.length > 0;
    const heading = headingTag(this.headingLevel, 2);
    return html`
      <section part="board" class="board" aria-labelledby="heading" aria-busy=${loading ? 'true' : 'false'}>
        <header part="header" class="header">
          ${staticHtml`<${heading} id="heading" part="heading" tabindex="-1">${this.label || t.heading}</${heading}>`}
          ${hasRecords
            ? html`<button part="calendar-all-button" class="secondary" type="button" @click=${this.downloadAll}>
                ${t.addAllToCalendar}
              </button>`
            : nothing}
        </header>
        ${this.renderWarnings()}
        <form part="filters" class="filters" role="search" aria-labelledby="heading" ?hidden=${!hasRecords} @submit=${this.onFilterSubmit}>
          <div class="field">
            <label for="filter">${t.filterLabel}</label>
            <input
              id="filter"
              part="filter-input"
              type="search"
              autocomplete="off"
              placeholder=${t.filterPlaceholder}
              @input=${this.onFilterInput}
            />
          </div>
          <div class="field">
            <label for="day">${t.dayLabel}</label>
            ${this.renderDayFilter()}
          </div>
        </form>
        <p part="status" class="status">${this.statusText()}</p>
        <p class="visually-hidden" aria-live="polite">${this.announcement}</p>
        ${this.renderBody()}
      </section>
    `;
  }

  private renderWarnings(): TemplateResult[] {
    const { persistent, online } = this.list.storeStatus;
    const warnings: TemplateResult[] = [];
    if (!online) warnings.push(html`<p part="warning" class="warning">${this.t.offline}</p>`);
    if (!persistent) warnings.push(html`<p part="warning" class="warning">${this.t.notKept}</p>`);
    return warnings;
  }

  private renderDayFilter(): TemplateResult {
    const days = this.days(this.list.records, this.day);
    if (days.length > MAX_DAY_OPTIONS) {
      return html`<input id="day" part="day-filter" type="date" min=${days[0]!} max=${days.at(-1)!} .value=${this.day} @change=${this.onDayChange} />`;
    }
    const labels = dayLabels(days, this.language);
    return html`
      <select id="day" part="day-filter" @change=${this.onDayChange}>
        <option value="">${this.t.allDays}</option>
        ${days.map((day) => html`<option value=${day}>${labels.get(day)}</option>`)}
      </select>
    `;
  }

  private renderBody(): TemplateResult | typeof nothing {
    const t = this.t;
    if (this.list.state === 'loading') return nothing;
    if (this.list.state === 'error') {
      return html`
        <div part="error" class="error" role="alert">
          <p>${this.errorMessage()}</p>
          <button part="retry-button" type="button" @click=${this.reload}>${t.retry}</button>
        </div>
      `;
    }
    if (this.list.records.length === 0) {
      return html`
        <div part="empty" class="empty">
          <p class="empty-title">${t.emptyTitle}</p>
          <p>${t.emptyText}</p>
          <a part="contribute-link" class="button" href=${safeAuthorHref(this.contributeHref, DEFAULT_CONTRIBUTE_HREF)}>${t.contribute}</a>
        </div>
      `;
    }
    if (this.results.length === 0) {
      return html`
        <div part="empty" class="empty">
          <p>${t.noMatch(this.query.trim())}</p>
          <button part="clear-button" class="secondary" type="button" @click=${this.clearFilters}>${t.clearFilters}</button>
        </div>
      `;
    }
    return this.renderList();
  }

  private renderList(): TemplateResult {
    const t = this.t;
    const total = this.results.length;
    const start = this.shown.start;
    const end = Math.min(this.shown.end, total);
    const groups = groupByDay(this.results.slice(start, end), start);
    const labels = dayLabels(this.days(this.list.records, this.day), this.language);
    const number = (value: number) => new Intl.NumberFormat(this.language).format(value);
    const left = total - end;
    const dayHeading = headingTag(this.headingLevel, 2, 1);
    const titleHeading = headingTag(this.headingLevel, 2, 2);
    return html`
      ${start > 0
        ? html`<button part="earlier-button" class="secondary pager" type="button" @click=${this.showEarlier}>
            ${t.showEarlier(number(Math.min(PAGE_SIZE, start)))}
          </button>`
        : nothing}
      <p class="visually-hidden">${t.keysHint}</p>
      <div part="list" class="list" @keydown=${this.onListKeydown}>
        ${repeat(
          groups,
          (group) => group.day,
          (group) => html`
            ${staticHtml`<${dayHeading} part="day" class="day">${labels.get(group.day)}</${dayHeading}>`}
            <ul part="day-list" class="day-list" role="list">
              ${repeat(
                group.items,
                (item) => item.record.id,
                (item) => this.renderItem(item.record, item.index, titleHeading),
              )}
            </ul>
          `,
        )}
      </div>
      ${total > end - start ? html`<p part="range" class="range">${t.showing(number(start + 1), number(end), number(total))}</p>` : nothing}
      ${left > 0
        ? html`<button part="more-button" class="secondary pager" type="button" @click=${this.showMore}>
            ${t.showMore(number(Math.min(PAGE_SIZE, left)), number(left))}
          </button>`
        : nothing}
    `;
  }

  private renderItem(sideEvent: SideEvent, index: number, titleHeading: StaticValue): TemplateResult {
    const t = this.t;
    const url = safeWebUrl(sideEvent.url);
    const zone = zoneLabel(sideEvent.start);
    const long = (sideEvent.description?.length ?? 0) > LONG_DESCRIPTION;
    const expanded = this.expanded.has(sideEvent.id);
    return html`
      <li part="item" class="item" data-index=${index}>
        ${staticHtml`<${titleHeading} part="item-title" class="title" tabindex="-1" dir="auto">${sideEvent.title}</${titleHeading}>`}
        <p part="item-time" class="meta">
          <time datetime=${sideEvent.start}>${this.timeRange(sideEvent)}</time>${zone ? ` · ${zone}` : nothing}
        </p>
        ${sideEvent.place ? html`<p part="item-place" class="meta" dir="auto">${sideEvent.place}</p>` : nothing}
        ${sideEvent.organizer ? html`<p part="item-organizer" class="meta">${t.by(sideEvent.organizer)}</p>` : nothing}
        ${sideEvent.tags.length ? html`<p part="item-tags" class="tags">${sideEvent.tags.map((tag) => `#${tag}`).join(' ')}</p>` : nothing}
        ${sideEvent.description
          ? html`<p part="item-description" class=${long && !expanded ? 'description clamped' : 'description'} dir="auto">${sideEvent.description}</p>`
          : nothing}
        ${long
          ? html`<button part="expand-button" class="link" type="button" aria-expanded=${expanded ? 'true' : 'false'} @click=${() => this.toggleDescription(sideEvent.id)}>
              ${expanded ? t.collapse : t.expand}
            </button>`
          : nothing}
        <div part="item-actions" class="actions">
          ${url
            ? html`<a part="item-link" href=${url} rel="noopener noreferrer nofollow ugc" aria-label=${t.moreInfoLabel(sideEvent.title)}>${t.moreInfo}</a>`
            : nothing}
          <button
            part="calendar-button"
            class="secondary"
            type="button"
            aria-label=${t.addToCalendarLabel(sideEvent.title)}
            @click=${() => this.download(sideEventCalendar(this.event, sideEvent))}
          >
            ${t.addToCalendar}
          </button>
        </div>
      </li>
    `;
  }

  private timeRange({ start, end }: SideEvent): string {
    const from = formatTime(start, this.language);
    if (!end) return from;
    const to = eventDayKey(end) === eventDayKey(start) ? formatTime(end, this.language) : formatDateTime(end, this.language);
    return `${from} – ${to}`;
  }
}
