import { html, nothing, type TemplateResult } from 'lit';
import { openStreetMapUrl } from '../../model/map-link.js';
import type { HostEvent, Organizer, Place, SideEvent } from '../../model/records.js';
import { safeWebUrl } from '../shared/safe-url.js';
import type { BoardStrings } from './off-side-event-board.strings.js';

/** Where a side event happens: its place record's name and address over the free text, and a map link when the place has coordinates. */
export function placeTemplate(t: BoardStrings, { place: text }: SideEvent, place: Place | undefined): TemplateResult | typeof nothing {
  const name = place?.name ?? text;
  if (!name) return nothing;
  const map = place && openStreetMapUrl(place);
  const address = place?.address ? html` · <span part="item-address" dir="auto">${place.address}</span>` : nothing;
  const link = map ? html` · <a part="item-map-link" href=${map} rel="noopener noreferrer" aria-label=${t.onMapLabel(name)}>${t.onMap}</a>` : nothing;
  return html`<p part="item-place" class="meta" dir="auto">${name}${address}${link}</p>`;
}

/** Who organises it: the organiser record's name (and website) over the free text. */
export function organizerTemplate(t: BoardStrings, { organizer: text }: SideEvent, organizer: Organizer | undefined): TemplateResult | typeof nothing {
  const name = organizer?.name ?? text;
  if (!name) return nothing;
  const url = safeWebUrl(organizer?.url);
  const link = url
    ? html` · <a part="item-organizer-link" href=${url} rel="noopener noreferrer nofollow ugc" aria-label=${t.websiteLabel(name)}>${t.website}</a>`
    : nothing;
  return html`<p part="item-organizer" class="meta">${t.by(name)}${link}</p>`;
}

/** On a board across events: the host event a side event belongs to, by name once described. */
export function partOfTemplate(t: BoardStrings, event: string, hostEvent: HostEvent | undefined): TemplateResult {
  return html`<p part="item-event" class="meta" dir="auto">${t.partOf(hostEvent?.name ?? event)}</p>`;
}
