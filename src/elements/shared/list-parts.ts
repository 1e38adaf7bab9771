import { html, nothing, type TemplateResult } from 'lit';
import type { Lang } from '../../model/lang.js';
import type { OffRecord } from '../../model/records.js';
import { storageMessage } from '../../model/messages.js';
import { StorageError } from '../../storage/errors.js';
import { originOf } from '../../storage/record-origin.js';
import type { StoreStatus } from '../../storage/store.js';
import { plural } from './i18n.js';
import type { ListState } from './live-query-controller.js';
import { safeWebUrl } from './safe-url.js';

/* Parts of a list element (the board, the seed browser), each in the words of its own catalogue. */

/** The host name of a server address, as a person recognises it: `https://other.example/api` gives `other.example`. */
export const serverName = (address: string) => new URL(address).host;

export function warningsTemplate(
  { persistent, online, unreachableSources }: StoreStatus,
  t: { offline: string; notKept: string; sourcesMissing: (servers: string) => string },
): TemplateResult {
  return html`
    ${online ? nothing : html`<p part="warning" class="warning">${t.offline}</p>`}
    ${persistent ? nothing : html`<p part="warning" class="warning">${t.notKept}</p>`}
    ${unreachableSources?.length ? html`<p part="warning" class="warning">${t.sourcesMissing(unreachableSources.map(serverName).join(', '))}</p>` : nothing}
  `;
}

/** On an item read from another server (an element's `sources`): where it comes from, linked to its canonical URL. */
export function originTemplate(record: OffRecord, t: { fromServer: (server: string) => string }): TemplateResult | typeof nothing {
  const origin = originOf(record);
  // Without an http(s) URL the anchor has no href: a placeholder, not a link.
  return origin
    ? html`<p part="item-source" class="meta"><a href=${safeWebUrl(origin.url) ?? nothing} rel="noopener noreferrer nofollow ugc">${t.fromServer(serverName(origin.address))}</a></p>`
    : nothing;
}

/** The text filter, `#filter`, which the element's filter controller reads. */
export function searchFieldTemplate(t: { filterLabel: string; filterPlaceholder: string }, onInput: () => void, className = 'field'): TemplateResult {
  return html`
    <div class=${className}>
      <label for="filter">${t.filterLabel}</label>
      <input id="filter" part="filter-input" type="search" autocomplete="off" placeholder=${t.filterPlaceholder} @input=${onInput} />
    </div>
  `;
}

/** Why the list could not be read, and a button to try again. */
export function errorTemplate(t: { retry: string }, lang: Lang, error: unknown, retry: () => void): TemplateResult {
  return html`
    <div part="error" class="error" role="alert">
      <p>${error instanceof StorageError ? error.messageIn(lang) : storageMessage('unavailable', lang)}</p>
      <button part="retry-button" type="button" @click=${retry}>${t.retry}</button>
    </div>
  `;
}

/** The status line: how many items match, "Loading…" while the list loads, nothing after an error (which says why). */
export function statusText(state: ListState, matching: number, lang: Lang, t: { loading: string; count: { one: string; other: string } }): string {
  if (state === 'loading') return t.loading;
  if (state === 'error') return '';
  return plural(lang, matching, t.count);
}

/**
 * The status line, and apart from it the polite live region that reads announcements out: the count is no live
 * region, read out at every pause between keys it would talk over the typing.
 */
export function statusTemplate(status: string, announcement: string): TemplateResult {
  return html`
    <p part="status" class="status">${status}</p>
    <p class="visually-hidden" aria-live="polite">${announcement}</p>
  `;
}
