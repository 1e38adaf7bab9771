import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { html as staticHtml } from 'lit/static-html.js';
import { headingTag } from '../shared/heading.js';
import { plural } from '../shared/i18n.js';
import { errorTemplate, statusTemplate, statusText, warningsTemplate } from '../shared/list-parts.js';
import { listStyles } from '../shared/list.styles.js';
import { LiveListController } from '../shared/live-list-controller.js';
import { memoizeLast } from '../shared/memo.js';
import { OffElement } from '../shared/off-element.js';
import { RecordLookupController } from '../shared/record-lookup-controller.js';
import { safeAuthorHref } from '../shared/safe-url.js';
import { sideEventQuery } from '../shared/side-event-query.js';
import { storeKey } from '../shared/store-controller.js';
import { themeStyles } from '../shared/theme.styles.js';
import { visuallyHiddenStyles } from '../shared/visually-hidden.styles.js';
import { WindowedListController } from '../shared/windowed-list-controller.js';
import { AnnouncementController } from '../shared/announcement-controller.js';
import { LoadedOnPress } from '../shared/loaded-on-press.js';
import { ArrivalsController } from './arrivals-controller.js';
import { inDayOrder } from './board-index.js';
import { calendarScope, defaultHeading, scopeName } from './board-scope.js';
import { FilterController } from './filter-controller.js';
import { JsonLdController } from './json-ld-controller.js';
import { boardStyles } from './off-side-event-board.styles.js';
import { strings, type BoardStrings } from './off-side-event-board.strings.js';
import { calendarErrorTemplate, emptyTemplate, filtersTemplate, listTemplate, noMatchTemplate } from './off-side-event-board.templates.js';

const DEFAULT_CONTRIBUTE_HREF = '#off-contribute';
/** The "Add all to calendar" button, for `calendarErrorTemplate`; the others are named by their side event's id. */
const WHOLE_LIST = '';
/** Properties that choose which side events are listed: a change starts the list afresh. */
const SCOPE_ATTRIBUTES = ['event', 'place', 'organizer', 'past', 'store', 'sources'] as const;

/**
 * The side events around a host event (or at a place, or by an organiser, across events), by day and time, with text and day
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
 * @summary Side events of an event, a place or an organiser, grouped by day, filterable, live.
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
 * @csspart item-event - On a board across events: the host event it belongs to.
 * @csspart item-place - Its place: the place record's name and address, or the text given.
 * @csspart item-address - The place record's address.
 * @csspart item-map-link - Opens the place on OpenStreetMap (only when it has coordinates; no map is loaded in the page).
 * @csspart item-organizer - Its organiser.
 * @csspart item-organizer-link - The organiser record's website.
 * @csspart item-tags - Its tags.
 * @csspart item-description - Its description.
 * @csspart expand-button - Shows a long description in full.
 * @csspart item-actions - The item's link and calendar button.
 * @csspart item-link - The link to the side event's own page.
 * @csspart calendar-button - Downloads the side event as an .ics file.
 * @csspart calendar-error - Beside a calendar button pressed offline: the file could not be made (role="alert").
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
  static override styles = [themeStyles, visuallyHiddenStyles, listStyles, boardStyles];
  static override strings = strings;

  /** Id of the host event whose side events are shown, e.g. `g21`; empty shows every event's. */
  @property() event = '';

  /** Id of a place record: the side events held there, across events without `event` (upcoming ones, unless `past`). */
  @property() place = '';

  /** Id of an organiser record: their side events, across events without `event` (upcoming ones, unless `past`). */
  @property() organizer = '';

  /** With `place` or `organizer` and no `event`: side events already over are shown too (by default only those to come). */
  @property({ type: Boolean }) past = false;

  /** Other reference servers read alongside `store`, read-only: their addresses (`https://…/api`), space-separated. Their records show with where they come from. */
  @property() sources = '';

  /** The board's heading; by default "Side events #OFF" in its language, naming the event, place or organiser once described. Two boards on one page need different ones. */
  @property() label = '';

  /** Level of the board's heading, 1 to 6 (default 2); day headings and side event titles take the next levels. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Where the empty state's "Add your side event" link leads: a relative or http(s) URL. */
  @property({ attribute: 'contribute-href' }) contributeHref = DEFAULT_CONTRIBUTE_HREF;

  private readonly query = memoizeLast(sideEventQuery);
  private readonly list = new LiveListController(this, 'side-event', () => this.query(this.event, this.place, this.organizer, this.past));
  private readonly related = new RecordLookupController(this);
  private readonly ordered = memoizeLast(inDayOrder);
  private readonly announcer = new AnnouncementController(this);
  /** The calendar files' writer. */
  private readonly calendar = new LoadedOnPress(this, () => import('./calendar.js'));
  private readonly arrivals = new ArrivalsController(this, (arrivals) =>
    this.announcer.announce(arrivals.length === 1 ? this.t.addedOne(arrivals[0]!.title) : plural(this.language, arrivals.length, this.t.added)),
  );
  private readonly filters = new FilterController(this, {
    records: () => this.ordered(this.list.records),
    changed: () => this.windowed.view.reset(),
    // The count is no live region: read out at every pause between keys, it would talk over the typing.
    settled: () => this.announcer.announce(this.statusText()),
  });
  private readonly windowed = new WindowedListController(this, {
    count: () => this.filters.results.length,
    // The search is hidden while the list loads (after "Try again"): the board's heading then.
    fallbacks: () => [this.filters.input, this.renderRoot.querySelector('#heading')],
  });

  constructor() {
    super();
    new JsonLdController(this, () =>
      this.list.state === 'ready'
        ? { event: this.event, revision: `${this.list.revision}\n${this.related.revision}`, records: this.list.records, related: this.related }
        : undefined,
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
    if (SCOPE_ATTRIBUTES.some((name) => changed.has(name))) {
      this.windowed.view.reset();
      this.arrivals.forget();
    } else if (this.list.state === 'ready') {
      this.arrivals.look(`${storeKey(this)}\n${calendarScope(this)}\n${this.past}`, this.list.records, this.list.revision);
    }
  }

  private downloadAll(): Promise<void> {
    return this.calendar.run(({ boardCalendar, downloadCalendar, withPlaceName }) => {
      const records = this.list.records.map((record) => withPlaceName(record, this.related.place(record.placeId)));
      const name = scopeName(this, this.related);
      // A venue's or organiser's file is named after it: "off-cafe-du-port.ics".
      downloadCalendar(boardCalendar(this.event || (name ?? calendarScope(this)), records, this.t.calendarName(name ?? (this.event || 'OFF'))));
    }, WHOLE_LIST);
  }

  private statusText(): string {
    return statusText(this.list.state, this.filters.results.length, this.language, this.t);
  }

  override render(): TemplateResult {
    const t = this.t;
    const hasRecords = this.list.state === 'ready' && this.list.records.length > 0;
    const heading = headingTag(this.headingLevel, 2);
    return html`
      <section part="board" class="frame" lang=${this.language} aria-labelledby="heading" aria-busy=${this.list.state === 'loading' ? 'true' : 'false'}>
        <header part="header" class="header">
          ${staticHtml`<${heading} id="heading" part="heading" tabindex="-1">${this.label || defaultHeading(t, this, this.related)}</${heading}>`}
          ${hasRecords
            ? html`<button part="calendar-all-button" class="secondary" type="button" @click=${this.downloadAll}>
                ${t.addAllToCalendar}
              </button>`
            : nothing}
        </header>
        ${calendarErrorTemplate(t, this.calendar, WHOLE_LIST)} ${warningsTemplate(this.list.storeStatus, t)}
        ${filtersTemplate(t, this.language, !hasRecords, this.filters)}
        ${statusTemplate(this.statusText(), this.announcer.text)}
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
    const items = { t, lang: this.language, event: this.event, related: this.related, listView: this.windowed.view, calendar: this.calendar };
    return listTemplate(items, this.headingLevel, filters);
  }
}
