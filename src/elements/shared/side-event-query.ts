import type { ListQuery } from '../../storage/store.js';

/** The current minute: every visitor's list is the same, and caches share it. */
function currentMinute(): string {
  const now = new Date();
  now.setSeconds(0, 0);
  return now.toISOString();
}

/**
 * The list an element follows, from its `event`, `place`, `organizer` and `past` attributes: a host event's side
 * events, all of them; or, without an event, a place's or an organiser's across events, upcoming (from now) unless
 * `past` asks for those over too. Elements memoise it (`memoizeLast`): the same query, and the same `from`, until an
 * attribute changes.
 */
export function sideEventQuery(event: string, place: string, organizer: string, past: boolean): ListQuery {
  const acrossEvents = !event && Boolean(place || organizer);
  return {
    event: event || undefined,
    place: place || undefined,
    organizer: organizer || undefined,
    from: acrossEvents && !past ? currentMinute() : undefined,
  };
}
