import type { SideEvent } from './records.js';
import { isWebUrl } from './web-url.js';

export interface JsonLdOptions {
  /** The host event's name, used to name the list ("#OFF G21"). */
  eventName?: string;
  /** At most this many events, so a huge board does not write megabytes into the page. */
  limit?: number;
  /** Events that ended before this instant are left out: search engines only show upcoming events. */
  now?: Date;
}

export const JSON_LD_LIMIT = 100;

type JsonObject = Record<string, unknown>;

function eventJsonLd(sideEvent: SideEvent): JsonObject {
  const event: JsonObject = {
    '@type': 'Event',
    name: sideEvent.title,
    startDate: sideEvent.start,
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    eventStatus: 'https://schema.org/EventScheduled',
  };
  if (sideEvent.end) event.endDate = sideEvent.end;
  if (sideEvent.place) event.location = { '@type': 'Place', name: sideEvent.place, address: sideEvent.place };
  if (sideEvent.url && isWebUrl(sideEvent.url)) event.url = sideEvent.url;
  if (sideEvent.organizer) event.organizer = { '@type': 'Organization', name: sideEvent.organizer };
  if (sideEvent.description) event.description = sideEvent.description;
  if (sideEvent.tags.length) event.keywords = sideEvent.tags.join(', ');
  return event;
}

/**
 * A schema.org `ItemList` of `Event`s for search engines: the upcoming side
 * events in the order given (by start), capped at `limit`.
 */
export function toJsonLd(sideEvents: readonly SideEvent[], { eventName, limit = JSON_LD_LIMIT, now = new Date() }: JsonLdOptions = {}): JsonObject {
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
    itemListElement: upcoming.map((sideEvent, index) => ({ '@type': 'ListItem', position: index + 1, item: eventJsonLd(sideEvent) })),
  };
  if (eventName) list.name = `#OFF ${eventName}`;
  return list;
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped, so "</script>" in a title cannot end the script. */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
