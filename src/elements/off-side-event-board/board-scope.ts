import type { RelatedRecords } from '../../model/jsonld.js';
import type { BoardStrings } from './off-side-event-board.strings.js';

/** What a board shows the side events of: its `event`, `place` and `organizer` attributes (ids, '' when not set). */
export interface BoardScope {
  event: string;
  place: string;
  organizer: string;
}

/** The name of what the board shows, once its record is known: the host event's, else the place's, else the organiser's. */
export function scopeName({ event, place, organizer }: BoardScope, related: RelatedRecords): string | undefined {
  if (event) return related.event(event)?.name;
  if (place) return related.place(place)?.name;
  return organizer ? related.organizer(organizer)?.name : undefined;
}

/** The default heading: it names the event, place or organiser once described, else says "Side events #OFF". */
export function defaultHeading(t: BoardStrings, scope: BoardScope, related: RelatedRecords): string {
  const name = scopeName(scope, related);
  if (!name) return t.heading;
  if (scope.event) return t.headingAround(name);
  return scope.place ? t.headingAt(name) : t.headingBy(name);
}

/** What the board shows, as a key: `g21`, `place-<id>`, `organizer-<id>`; names its calendar file until the place or organiser is described. */
export function calendarScope({ event, place, organizer }: BoardScope): string {
  if (event) return event;
  if (place) return `place-${place}`;
  return organizer ? `organizer-${organizer}` : '';
}
