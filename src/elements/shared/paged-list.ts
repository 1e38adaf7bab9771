import { html, nothing, type TemplateResult } from 'lit';
import type { Lang } from '../../model/lang.js';
import { PAGE_SIZE } from './item-window.js';
import type { ListViewController } from './list-view-controller.js';

/** The words of a paged list, in the element's catalogue. */
export interface PagerStrings {
  showMore: (count: string, left: string) => string;
  showEarlier: (count: string) => string;
  showing: (from: string, to: string, total: string) => string;
  keysHint: string;
}

type ListView = Pick<ListViewController, 'shown' | 'showMore' | 'showEarlier'>;

/**
 * A list of `total` items of which `listView` shows a window: `items(start, end)` renders the items in it (each
 * with its position as `data-index`), between the "earlier" button and the hint about keys before, the range and
 * the "more" button after.
 */
export function pagedListTemplate(t: PagerStrings, lang: Lang, listView: ListView, total: number, items: (start: number, end: number) => TemplateResult): TemplateResult {
  const { start } = listView.shown;
  const end = Math.min(listView.shown.end, total);
  const number = (value: number) => new Intl.NumberFormat(lang).format(value);
  const left = total - end;
  return html`
    ${start > 0
      ? html`<button part="earlier-button" class="secondary pager" type="button" @click=${listView.showEarlier}>
          ${t.showEarlier(number(Math.min(PAGE_SIZE, start)))}
        </button>`
      : nothing}
    <p class="visually-hidden">${t.keysHint}</p>
    ${items(start, end)}
    ${total > end - start ? html`<p part="range" class="range">${t.showing(number(start + 1), number(end), number(total))}</p>` : nothing}
    ${left > 0
      ? html`<button part="more-button" class="secondary pager" type="button" @click=${listView.showMore}>
          ${t.showMore(number(Math.min(PAGE_SIZE, left)), number(left))}
        </button>`
      : nothing}
  `;
}
