import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { html as staticHtml } from 'lit/static-html.js';
import { headingTag } from '../shared/heading.js';
import { plural } from '../shared/i18n.js';
import { LiveListController } from '../shared/live-list-controller.js';
import { memoizeLast } from '../shared/memo.js';
import { OffElement } from '../shared/off-element.js';
import { safeAuthorHref } from '../shared/safe-url.js';
import { themeStyles } from '../shared/theme.styles.js';
import { visuallyHiddenStyles } from '../shared/visually-hidden.styles.js';
import { AnnouncementController } from './announcement-controller.js';
import { ArrivalsController } from './arrivals-controller.js';
import { inDayOrder } from './board-index.js';
import { boardCalendar, downloadCalendar } from './calendar.js';
import { FilterController } from './filter-controller.js';
import { JsonLdController } from './json-ld-controller.js';
import { ListViewController } from './list-view-controller.js';
import { boardStyles } from './off-side-event-board.styles.js';
import { strings, type BoardStrings } from './off-side-event-board.strings.js';
import { emptyTemplate, errorTemplate, filtersTemplate, listTemplate, noMatchTemplate, warningsTemplate } from './off-side-event-board.templates.js';
import { RovingFocusController } from './roving-focus-controller.js';

const DEFAULT_CONTRIBUTE_HREF = '#off-contribute';

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
  static override strings = strings;

  /** Id of the host event whose side events are shown, e.g. `g21`; empty shows every event's. */
  @property() event = '';

  /** The board's heading, "Side events #OFF" in its language by default; two boards on one page need different ones. */
  @property() label = '';

  /** Level of the board's heading, 1 to 6 (default 2); day headings and side event titles take the next levels. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Where the empty state's "Add your side event" link leads: a relative or http(s) URL. */
  @property({ attribute: 'contribute-href' }) contributeHref = DEFAULT_CONTRIBUTE_HREF;

  private readonly list = new LiveListController(this, 'side-event', () => this.event || undefined);
  private readonly ordered = memoizeLast(inDayOrder);
  private readonly announcer = new AnnouncementController(this);
  private readonly arrivals = new ArrivalsController(this, (arrivals) =>
    this.announcer.announce(arrivals.length === 1 ? this.t.addedOne(arrivals[0]!.title) : plural(this.language, arrivals.length, this.t.added)),
  );
  private readonly filters = new FilterController(this, {
    records: () => this.ordered(this.list.records),
    changed: () => this.listView.reset(),
    // The count is no live region: read out at every pause between keys, it would talk over the typing.
    settled: () => this.announcer.announce(this.statusText()),
  });
  private readonly listView = new ListViewController(this, {
    count: () => this.filters.results.length,
    focusItem: (index) => this.itemFocus.focusAfterUpdate(index),
  });
  private readonly itemFocus = new RovingFocusController(this, {
    count: () => this.filters.results.length,
    reveal: (index) => this.listView.reveal(index),
    // The search is hidden while the list loads (after "Try again"): the board's heading then.
    fallbacks: () => [this.filters.input, this.renderRoot.querySelector('#heading')],
  });

  constructor() {
    super();
    new JsonLdController(this, () =>
      this.list.state === 'ready' ? { event: this.event, revision: this.list.revision, records: this.list.records } : undefined,
    );
  }

  /** Loads the side events again from the store (after an error, say). */
  reload(): void {
    this.arrivals.forget();
    this.list.reload();
  }

  private get t(): BoardStrings {
    return strings[this.language];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('event') || changed.has('store')) {
      this.listView.reset();
      this.arrivals.forget();
    } else if (this.list.state === 'ready') {
      this.arrivals.look(`${this.store}\n${this.event}`, this.list.records, this.list.revision);
    }
  }

  private downloadAll(): void {
    downloadCalendar(boardCalendar(this.event, this.list.records, this.t.calendarName(this.event || 'OFF')));
  }

  private statusText(): string {
    if (this.list.state === 'loading') return this.t.loading;
    if (this.list.state === 'error') return '';
    return plural(this.language, this.filters.results.length, this.t.count);
  }

  override render(): TemplateResult {
    const t = this.t;
    const hasRecords = this.list.state === 'ready' && this.list.records.length > 0;
    const heading = headingTag(this.headingLevel, 2);
    return html`
      <section part="board" class="board" lang=${this.language} aria-labelledby="heading" aria-busy=${this.list.state === 'loading' ? 'true' : 'false'}>
        <header part="header" class="header">
          ${staticHtml`<${heading} id="heading" part="heading" tabindex="-1">${this.label || t.heading}</${heading}>`}
          ${hasRecords
            ? html`<button part="calendar-all-button" class="secondary" type="button" @click=${this.downloadAll}>
                ${t.addAllToCalendar}
              </button>`
            : nothing}
        </header>
        ${warningsTemplate(this.list.storeStatus, t)}
        ${filtersTemplate(t, this.language, !hasRecords, this.filters)}
        <p part="status" class="status">${this.statusText()}</p>
        <p class="visually-hidden" aria-live="polite">${this.announcer.text}</p>
        ${this.renderBody()}
      </section>
    `;
  }

  private renderBody(): TemplateResult | typeof nothing {
    const { t, list, filters } = this;
    if (list.state === 'loading') return nothing;
    if (list.state === 'error') return errorTemplate(t, this.language, list.error, () => this.reload());
    if (list.records.length === 0) return emptyTemplate(t, safeAuthorHref(this.contributeHref, DEFAULT_CONTRIBUTE_HREF));
    if (filters.results.length === 0) return noMatchTemplate(t, filters.query.trim(), filters.clear);
    return listTemplate(t, this.language, this.event, this.headingLevel, filters, this.listView);
  }
}
