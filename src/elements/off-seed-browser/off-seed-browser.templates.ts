import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { html as staticHtml, type StaticValue } from 'lit/static-html.js';
import type { Lang } from '../../model/lang.js';
import { licenseFor } from '../../model/licenses.js';
import type { Seed } from '../../model/records.js';
import { originTemplate, searchFieldTemplate } from '../shared/list-parts.js';
import type { ListViewController } from '../shared/list-view-controller.js';
import { pagedListTemplate } from '../shared/paged-list.js';
import { formatPlantedOn } from '../off-seed-card/seed-view.js';
import type { SeedBrowserStrings } from './off-seed-browser.strings.js';
import type { SeedFilterController } from './seed-filter-controller.js';

/** Where a replanting stands, by the id of the seed replanted. */
export type ReplantState = { kind: 'replanting' | 'replanted' } | { kind: 'error'; message: string };

/** What the items of one list share. */
export interface ItemContext {
  t: SeedBrowserStrings;
  lang: Lang;
  titleHeading: StaticValue;
  /** The event replanting targets; '' offers no replanting. */
  event: string;
  eventName: (id: string) => string;
  replants: ReadonlyMap<string, ReplantState>;
  replant: (seed: Seed) => void;
}

type Filters = Pick<SeedFilterController, 'filter' | 'options' | 'onInput' | 'onSubmit' | 'onSelect'>;

export function filtersTemplate(t: SeedBrowserStrings, lang: Lang, hidden: boolean, eventName: (id: string) => string, filters: Filters): TemplateResult {
  const { tags, licenses, events } = filters.options;
  const select = (name: string, label: string, any: string, values: string[], text: (value: string) => string) => html`
    <div class="field">
      <label for=${name}>${label}</label>
      <select id=${name} name=${name} part="${name}-filter" @change=${filters.onSelect}>
        <option value="">${any}</option>
        ${values.map((value) => html`<option value=${value}>${text(value)}</option>`)}
      </select>
    </div>
  `;
  return html`
    <form part="filters" class="filters" role="search" aria-labelledby="heading" ?hidden=${hidden} @submit=${filters.onSubmit}>
      ${searchFieldTemplate(t, filters.onInput, 'field search')}
      ${select('tag', t.tagLabel, t.anyTag, tags, (tag) => `#${tag}`)}
      ${select('license', t.licenseLabel, t.anyLicense, licenses, (license) => licenseFor(license, lang)?.name ?? license)}
      ${select('event', t.eventLabel, t.anyEvent, [...events].sort((a, b) => eventName(a).localeCompare(eventName(b), lang)), eventName)}
    </form>
  `;
}

/** The matching seeds that `listView` shows, with the hint about keys and the pager buttons. */
export function listTemplate(context: ItemContext, results: Seed[], listView: ListViewController): TemplateResult {
  return pagedListTemplate(context.t, context.lang, listView, results.length, (start, end) => html`
    <ul part="list" class="list" role="list">
      ${repeat(
        results.slice(start, end),
        (seed) => seed.id,
        (seed, offset) => itemTemplate(context, seed, start + offset),
      )}
    </ul>
  `);
}

function itemTemplate(context: ItemContext, seed: Seed, index: number): TemplateResult {
  const { t, lang, titleHeading, eventName } = context;
  const license = licenseFor(seed.license, lang);
  return html`
    <li part="item" class="item" data-index=${index}>
      ${staticHtml`<${titleHeading} part="item-title" class="title" tabindex="-1" dir="auto">${seed.title}</${titleHeading}>`}
      <p part="item-origin" class="meta" dir="auto">
        ${seed.event ? t.plantedAt(eventName(seed.event), formatPlantedOn(seed.createdAt, lang)) : formatPlantedOn(seed.createdAt, lang)}
      </p>
      ${seed.author ? html`<p part="item-author" class="meta" dir="auto">${t.by(seed.author)}</p>` : nothing} ${originTemplate(seed, t)}
      <p part="item-license" class="meta">
        ${t.license}:
        ${license ? html`<a href=${license.url} rel="license noopener noreferrer" target="_blank">${license.name}</a>` : seed.license}
      </p>
      ${seed.tags.length ? html`<p part="item-tags" class="tags">${seed.tags.map((tag) => `#${tag}`).join(' ')}</p>` : nothing}
      <p part="item-body" class="body" dir="auto">${seed.body}</p>
      ${replantTemplate(context, seed)}
    </li>
  `;
}

function replantTemplate({ t, event, eventName, replants, replant }: ItemContext, seed: Seed): TemplateResult | typeof nothing {
  if (!event || seed.event === event) return nothing;
  const state = replants.get(seed.id);
  const name = eventName(event);
  if (state?.kind === 'replanted') return html`<p part="item-replanted" class="replanted">${t.replanted(name)}</p>`;
  // aria-disabled while it works, not disabled: a disabled button sends the keyboard focus back to the page's start.
  return html`
    <div part="item-actions" class="actions">
      <button
        part="replant-button"
        type="button"
        aria-label=${t.replantLabel(seed.title, name)}
        aria-disabled=${state?.kind === 'replanting' ? 'true' : 'false'}
        @click=${() => replant(seed)}
      >
        ${state?.kind === 'replanting' ? t.replanting : t.replant(name)}
      </button>
      ${state?.kind === 'error' ? html`<p part="item-error" class="error">${state.message}</p>` : nothing}
    </div>
  `;
}
