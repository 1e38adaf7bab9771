import type { HostEvent, Organizer, Place, SideEvent } from './records.js';
import { isWebUrl } from './web-url.js';

/** The records side events name by id, as far as they are known (`undefined`: not described, or not read yet). */
export interface RelatedRecords {
  event(id: string): HostEvent | undefined;
  place(id: string | undefined): Place | undefined;
  organizer(id: string | undefined): Organizer | undefined;
}

export interface JsonLdOptions {
  /** The host event's name, used to name the list ("#OFF G21"). */
  eventName?: string;
  /** At most this many events, so a huge board does not write megabytes into the page. */
  limit?: number;
  /** Events that ended before this instant are left out: search engines only show upcoming events. */
  now?: Date;
  /** Gives each side event its host event (`superEvent`), its place with `geo`, and its organiser. */
  related?: RelatedRecords;
  /**
   * A side event's identity across sites, its `@id`: by default the `canonicalUrl` it kept; a page reading a reference
   * server passes `(sideEvent) => sideEvent.canonicalUrl ?? canonicalUrl(serverBase, 'side-event', sideEvent.id)`.
   */
  canonicalUrlOf?: (sideEvent: SideEvent) => string | undefined;
}

export const JSON_LD_LIMIT = 100;

type JsonObject = Record<string, unknown>;

function withUrl(object: JsonObject, url: string | undefined): JsonObject {
  if (url && isWebUrl(url)) object.url = url;
  return object;
}

function superEventJsonLd({ name, start, end, url }: HostEvent): JsonObject {
  const event: JsonObject = { '@type': 'Event', name };
  if (start) event.startDate = start;
  if (end) event.endDate = end;
  return withUrl(event, url);
}

/** The place record when there is one, with `geo` when it has coordinates; else the free text. */
function placeJsonLd(text: string | undefined, place: Place | undefined): JsonObject | undefined {
  if (!place) return text ? { '@type': 'Place', name: text, address: text } : undefined;
  const location: JsonObject = { '@type': 'Place', name: place.name };
  if (place.address) location.address = place.address;
  if (place.latitude !== undefined && place.longitude !== undefined) {
    location.geo = { '@type': 'GeoCoordinates', latitude: place.latitude, longitude: place.longitude };
  }
  return withUrl(location, place.url);
}

function organizerJsonLd(text: string | undefined, organizer: Organizer | undefined): JsonObject | undefined {
  if (organizer) return withUrl({ '@type': 'Organization', name: organizer.name }, organizer.url);
  return text ? { '@type': 'Organization', name: text } : undefined;
}

function eventJsonLd(sideEvent: SideEvent, related: RelatedRecords | undefined, id: string | undefined): JsonObject {
  const event: JsonObject = {
    ...(id && isWebUrl(id) && { '@id': id }),
    '@type': 'Event',
    name: sideEvent.title,
    startDate: sideEvent.start,
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    eventStatus: 'https://schema.org/EventScheduled',
  };
  if (sideEvent.end) event.endDate = sideEvent.end;
  const location = placeJsonLd(sideEvent.place, related?.place(sideEvent.placeId));
  if (location) event.location = location;
  withUrl(event, sideEvent.url);
  const organizer = organizerJsonLd(sideEvent.organizer, related?.organizer(sideEvent.organizerId));
  if (organizer) event.organizer = organizer;
  const hostEvent = related?.event(sideEvent.event);
  if (hostEvent) event.superEvent = superEventJsonLd(hostEvent);
  if (sideEvent.description) event.description = sideEvent.description;
  if (sideEvent.tags.length) event.keywords = sideEvent.tags.join(', ');
  return event;
}

/**
 * A schema.org `ItemList` of `Event`s for search engines: the upcoming side
 * events in the order given (by start), capped at `limit`.
 */
export function toJsonLd(
  sideEvents: readonly SideEvent[],
  { eventName, limit = JSON_LD_LIMIT, now = new Date(), related, canonicalUrlOf = (sideEvent) => sideEvent.canonicalUrl }: JsonLdOptions = {},
): JsonObject {
  const from = now.getTime();
  const upcoming: SideEvent[] = [];
  for (const sideEvent of sideEvents) {
    if (upcoming.length >= limit) break;
    if (Date.parse(sideEvent.end ?? sideEvent.start) >= from) upcoming.push(sideEvent);
  }
  const list: JsonObject = {
    '@context': 'https://schema.org',
    '@type': 'ItemList',
    numberOfItems: upcoming.length,
    itemListElement: upcoming.map((sideEvent, index) => ({ '@type': 'ListItem', position: index + 1, item: eventJsonLd(sideEvent, related, canonicalUrlOf(sideEvent)) })),
  };
  if (eventName) list.name = `#OFF ${eventName}`;
  return list;
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped, so "</script>" in a title cannot end the script. */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
