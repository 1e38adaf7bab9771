import { nothing, type TemplateResult } from 'lit';
import { html } from 'lit/static-html.js';
import { tokenizeLinks } from '../../model/autolink.js';
import type { Lang } from '../../model/lang.js';
import { licenseFor } from '../../model/licenses.js';
import type { Lineage } from '../../model/lineage.js';
import type { Seed } from '../../model/records.js';
import { originOf } from '../../storage/record-origin.js';
import { headingTag } from '../shared/heading.js';
import type { lineageFigure, LineageNode } from './lineage-picture.js';
import type { SeedCardStrings } from './off-seed-card.strings.js';
import type { OffSeedCard } from './off-seed-card.js';
import { canShare } from './share.js';
import { formatPlantedOn, seedUrl } from './seed-view.js';

const LINK_REL = 'noopener noreferrer nofollow ugc';

/** What a link to a seed names: its id, or its URL when it was read from another server. */
export const linkId = (seed: Seed) => originOf(seed)?.url ?? seed.id;

export type Status = { kind: 'shared' | 'copied' | 'replanting' } | { kind: 'replanted'; seed: Seed } | { kind: 'error'; message: string };

/** What the card shows of a seed, and what its buttons do. */
export interface SeedView {
  seed: Seed;
  lang: Lang;
  text: SeedCardStrings;
  /** The card itself: its heading level and links, and what its buttons do. */
  card: Pick<OffSeedCard, 'headingLevel' | 'seedHref' | 'share' | 'replant' | 'exportJson'>;
  /** The lineage across events, once read. */
  lineage?: Lineage;
  /** Draws it: loaded with the first lineage read. */
  drawLineage?: typeof lineageFigure;
  /** The host event's name, or its id when nobody described it (or while it loads). */
  eventName: (id: string) => string;
  /** The event the seed can be replanted into; '' when there is none (or it is the seed's own). */
  replantInto: string;
  /** Why a seed replanted now may not reach the store (offline, not kept); '' when it will. */
  warning: string;
  status?: Status;
  copyByHand?: string;
}

/** The card while its seed loads, or why it cannot be shown. */
export function messageTemplate(lang: Lang, message: string, failed: boolean): TemplateResult {
  return html`
    <article part="card" class="card" lang=${lang} aria-busy=${!failed}>
      <p class=${failed ? 'message error' : 'message'} role="status">${message}</p>
    </article>
  `;
}

export function seedTemplate(view: SeedView): TemplateResult {
  const { seed, text } = view;
  const heading = headingTag(view.card.headingLevel, 3);
  return html`
    <article part="card" class="card" lang=${view.lang} aria-labelledby="title">
      <${heading} part="title" class="title" id="title" dir="auto">${seed.title}</${heading}>
      ${parentTemplate(view)}
      <p part="body" class="body" dir="auto">${tokenizeLinks(seed.body).map((token) =>
        token.type === 'url' ? html`<a href=${token.href} rel=${LINK_REL} target="_blank">${token.text}</a>` : token.text,
      )}</p>
      ${metaTemplate(view)}
      ${lineageTemplate(view)}
      ${seed.tags.length
        ? html`<ul part="tags" class="tags" aria-label=${text.tags}>${seed.tags.map((tag) => html`<li>#${tag}</li>`)}</ul>`
        : nothing}
      ${actionsTemplate(view)}
    </article>
  `;
}

function parentTemplate({ seed, lineage, text, card }: SeedView) {
  const parentId = seed.replantedFrom;
  if (!parentId) return nothing;
  const parent = lineage?.ancestors[0];
  // While the next parent loads, the link is named with its id, not with the previous parent's title.
  const title = (parent?.id === parentId && parent.seed?.title) || parentId;
  return html`
    <p part="lineage" class="lineage">
      ${text.replantedFrom} <a href=${seedUrl(card.seedHref, parentId)} dir="auto">${title}</a>
    </p>
  `;
}

/** The lineage across events, drawn and listed, once read. */
function lineageTemplate(view: SeedView) {
  const { seed, lineage, drawLineage, text, card } = view;
  if (!lineage || !drawLineage) return nothing;
  return drawLineage(seed, lineage, text.lineage, {
    title: (node) => (node.seed ? node.seed.title : text.lineageGap),
    detail: (node) => nodeDetail(view, node),
    href: (node) => seedUrl(card.seedHref, node.seed ? linkId(node.seed) : node.id),
  });
}

/** "G21 Summit 2026 · 12 June 2026", and "this seed" for the one on show. */
function nodeDetail({ lang, text, eventName }: SeedView, { seed, place }: LineageNode): string {
  if (!seed) return '';
  const parts = [seed.event ? eventName(seed.event) : '', formatPlantedOn(seed.createdAt, lang), place === 'current' ? text.thisSeed : ''];
  return parts.filter(Boolean).join(' · ');
}

function metaTemplate({ seed, lang, text, eventName }: SeedView) {
  const license = licenseFor(seed.license, lang);
  const source = seed.sourceUrl ? tokenizeLinks(seed.sourceUrl).find((token) => token.type === 'url') : undefined;
  const entry = (term: string, value: unknown) => html`<div><dt>${term}</dt><dd dir="auto">${value}</dd></div>`;
  return html`
    <dl part="meta" class="meta">
      ${seed.author ? entry(text.author, seed.author) : nothing}
      ${seed.event ? entry(text.event, eventName(seed.event)) : nothing}
      ${entry(text.created, html`<time datetime=${seed.createdAt}>${formatPlantedOn(seed.createdAt, lang)}</time>`)}
      ${entry(
        text.license,
        license
          ? html`<a part="license" href=${license.url} rel="license noopener noreferrer" target="_blank">${license.name}</a>`
          : html`<span part="license">${seed.license}</span>`,
      )}
      ${source ? entry(text.source, html`<a href=${source.href} rel=${LINK_REL} target="_blank">${source.text}</a>`) : nothing}
    </dl>
  `;
}

function actionsTemplate(view: SeedView) {
  const { text, card, replantInto, status, copyByHand } = view;
  // Replant is aria-disabled while it works, not disabled: a disabled button sends the keyboard focus back to the page's start.
  return html`
    <div part="actions" class="actions" role="group" aria-label=${text.actions}>
      <button type="button" @click=${card.share}>${canShare() ? text.share : text.copy}</button>
      ${replantInto
        ? html`<button type="button" class="primary" aria-disabled=${status?.kind === 'replanting'} @click=${card.replant}>
            ${text.replant(view.eventName(replantInto))}
          </button>`
        : nothing}
      <button type="button" @click=${card.exportJson}>${text.exportJson}</button>
    </div>
    ${replantInto && view.warning ? html`<p class="warning">${view.warning}</p>` : nothing}
    ${copyByHand ? html`<label class="copy-by-hand">${text.copyByHand}<input readonly .value=${copyByHand} /></label>` : nothing}
    <p class="status ${status?.kind ?? ''}" role="status">${statusTemplate(view)}</p>
  `;
}

function statusTemplate({ status, text, eventName, card }: SeedView) {
  switch (status?.kind) {
    case undefined:
      return nothing;
    case 'shared':
    case 'copied':
      return text[status.kind];
    case 'replanting':
      return text.replanting;
    case 'replanted':
      return html`${text.replanted(eventName(status.seed.event ?? ''))}
        <a href=${seedUrl(card.seedHref, status.seed.id)}>${text.openReplanted}</a>`;
    case 'error':
      return status.message;
  }
}
