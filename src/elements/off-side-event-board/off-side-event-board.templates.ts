import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { html as staticHtml, type StaticValue } from 'lit/static-html.js';
import type { RelatedRecords } from '../../model/jsonld.js';
import type { Lang } from '../../model/lang.js';
import type { SideEvent } from '../../model/records.js';
import { eventDayKey, formatDay, formatDateTime, formatTime, zoneLabel } from '../shared/format.js';
import { headingTag } from '../shared/heading.js';
import { originTemplate, searchFieldTemplate } from '../shared/list-parts.js';
import type { LoadedOnPress } from '../shared/loaded-on-press.js';
import { memoizeLast } from '../shared/memo.js';
import { pagedListTemplate } from '../shared/paged-list.js';
import { safeWebUrl } from '../shared/safe-url.js';
import { groupByDay } from './board-index.js';
import type { FilterController } from './filter-controller.js';
import type { ListViewController } from '../shared/list-view-controller.js';
import { organizerTemplate, partOfTemplate, placeTemplate } from './network-templates.js';
import type { BoardStrings } from './off-side-event-board.strings.js';

type ListView = Pick<ListViewController, 'shown' | 'showMore' | 'showEarlier' | 'expanded' | 'toggle'>;

/** What the items of one list share. */
type CalendarWriter = typeof import('./calendar.js');

export interface ItemContext {
  t: BoardStrings;
  lang: Lang;
  /** The host event, which names the calendar files; '' on a board across events, whose items each say theirs. */
  event: string;
  /** The host events, places and organisers the side events name, as far as they are known. */
  related: RelatedRecords;
  listView: ListView;
  /** The calendar files' writer, loaded with the first calendar asked for. */
  calendar: LoadedOnPress<CalendarWriter>;
  titleHeading: StaticValue;
}

/** Up to this many days the day filter is a list of named days; beyond it, a date picker keeps the DOM small. */
const MAX_DAY_OPTIONS = 62;
/** Descriptions longer than this are clamped with a "Read more" toggle. */
const LONG_DESCRIPTION = 180;

// Noon UTC of a day key formats as that day, whatever the viewer's zone (format.ts reads the offset, Z).
const dayLabels = memoizeLast((days: string[], lang: Lang) => new Map(days.map((day) => [day, formatDay(`${day}T12:00:00Z`, lang)])));

type Filters = Pick<FilterController, 'day' | 'days' | 'onInput' | 'onSubmit' | 'onDayChange'>;

export function filtersTemplate(t: BoardStrings, lang: Lang, hidden: boolean, filters: Filters): TemplateResult {
  return html`
    <form part="filters" class="filters" role="search" aria-labelledby="heading" ?hidden=${hidden} @submit=${filters.onSubmit}>
      ${searchFieldTemplate(t, filters.onInput)}
      <div class="field">
        <label for="day">${t.dayLabel}</label>
        ${dayFilterTemplate(t, lang, filters)}
      </div>
    </form>
  `;
}

function dayFilterTemplate(t: BoardStrings, lang: Lang, { days, day, onDayChange }: Filters): TemplateResult {
  if (days.length > MAX_DAY_OPTIONS) {
    return html`<input id="day" part="day-filter" type="date" min=${days[0]!} max=${days.at(-1)!} .value=${day} @change=${onDayChange} />`;
  }
  const labels = dayLabels(days, lang);
  return html`
    <select id="day" part="day-filter" @change=${onDayChange}>
      <option value="">${t.allDays}</option>
      ${days.map((key) => html`<option value=${key}>${labels.get(key)}</option>`)}
    </select>
  `;
}

/** No side events yet: an invitation to add one at `contributeHref`. */
export function emptyTemplate(t: BoardStrings, contributeHref: string): TemplateResult {
  return html`
    <div part="empty" class="empty">
      <p class="empty-title">${t.emptyTitle}</p>
      <p>${t.emptyText}</p>
      <a part="contribute-link" class="button" href=${contributeHref}>${t.contribute}</a>
    </div>
  `;
}

export function noMatchTemplate(t: BoardStrings, query: string, clear: () => void): TemplateResult {
  return html`
    <div part="empty" class="empty">
      <p>${t.noMatch(query)}</p>
      <button part="clear-button" class="secondary" type="button" @click=${clear}>${t.clearFilters}</button>
    </div>
  `;
}

/** The matching side events that `listView` shows, grouped by day, with the hint about keys and the pager buttons. */
export function listTemplate(
  items: Omit<ItemContext, 'titleHeading'>,
  headingLevel: number,
  { results, days }: Pick<FilterController, 'results' | 'days'>,
): TemplateResult {
  const { t, lang, listView } = items;
  const labels = dayLabels(days, lang);
  const dayHeading = headingTag(headingLevel, 2, 1);
  const context: ItemContext = { ...items, titleHeading: headingTag(headingLevel, 2, 2) };
  return pagedListTemplate(t, lang, listView, results.length, (start, end) => html`
    <div part="list" class="list">
      ${repeat(
        groupByDay(results.slice(start, end), start),
        (group) => group.day,
        (group) => html`
          ${staticHtml`<${dayHeading} part="day" class="day">${labels.get(group.day)}</${dayHeading}>`}
          <ul part="day-list" class="day-list" role="list">
            ${repeat(
              group.items,
              (item) => item.record.id,
              (item) => itemTemplate(context, item.record, item.index),
            )}
          </ul>
        `,
      )}
    </div>
  `);
}

function itemTemplate({ t, lang, event, related, listView, calendar, titleHeading }: ItemContext, sideEvent: SideEvent, index: number): TemplateResult {
  const url = safeWebUrl(sideEvent.url);
  const place = related.place(sideEvent.placeId);
  const zone = zoneLabel(sideEvent.start);
  const long = (sideEvent.description?.length ?? 0) > LONG_DESCRIPTION;
  const expanded = listView.expanded.has(sideEvent.id);
  return html`
    <li part="item" class="item" data-index=${index}>
      ${staticHtml`<${titleHeading} part="item-title" class="title" tabindex="-1" dir="auto">${sideEvent.title}</${titleHeading}>`}
      <p part="item-time" class="meta">
        <time datetime=${sideEvent.start}>${timeRange(sideEvent, lang)}</time>${zone ? ` · ${zone}` : nothing}
      </p>
      ${event ? nothing : partOfTemplate(t, sideEvent.event, related.event(sideEvent.event))} ${placeTemplate(t, sideEvent, place)}
      ${organizerTemplate(t, sideEvent, related.organizer(sideEvent.organizerId))} ${originTemplate(sideEvent, t)}
      ${sideEvent.tags.length ? html`<p part="item-tags" class="tags">${sideEvent.tags.map((tag) => `#${tag}`).join(' ')}</p>` : nothing}
      ${sideEvent.description
        ? html`<p part="item-description" class=${long && !expanded ? 'description clamped' : 'description'} dir="auto">${sideEvent.description}</p>`
        : nothing}
      ${long
        ? html`<button part="expand-button" class="link" type="button" aria-expanded=${expanded ? 'true' : 'false'} @click=${() => listView.toggle(sideEvent.id)}>
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
          @click=${() =>
            calendar.run(
              ({ downloadCalendar, sideEventCalendar, withPlaceName }) => downloadCalendar(sideEventCalendar(sideEvent.event, withPlaceName(sideEvent, place))),
              sideEvent.id,
            )}
        >
          ${t.addToCalendar}
        </button>
      </div>
      ${calendarErrorTemplate(t, calendar, sideEvent.id)}
    </li>
  `;
}

/** Beside the calendar button of `id` pressed last: its file could not be made (the writer did not load). */
export function calendarErrorTemplate(t: BoardStrings, calendar: LoadedOnPress<CalendarWriter>, id: string): TemplateResult | typeof nothing {
  return calendar.failedFor === id ? html`<p part="calendar-error" class="warning" role="alert">${t.calendarUnavailable}</p>` : nothing;
}

function timeRange({ start, end }: SideEvent, lang: Lang): string {
  const from = formatTime(start, lang);
  if (!end) return from;
  const to = eventDayKey(end) === eventDayKey(start) ? formatTime(end, lang) : formatDateTime(end, lang);
  return `${from} – ${to}`;
}
