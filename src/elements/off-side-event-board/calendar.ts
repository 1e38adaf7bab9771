// Loaded with the first calendar asked for (`import('./calendar.js')`): most visits never save one.
import { toIcs } from '../../model/ics.js';
import type { Place, SideEvent } from '../../model/records.js';
import { downloadText, fileSlug } from '../shared/download.js';

const ICS_TYPE = 'text/calendar;charset=utf-8';

export interface CalendarFile {
  filename: string;
  text: string;
}

function eventPart(event: string): string {
  return fileSlug(event) || 'events';
}

/** One side event as an .ics file: `off-<event>-<title slug>.ics`. */
export function sideEventCalendar(event: string, sideEvent: SideEvent, now?: Date): CalendarFile {
  const slug = fileSlug(sideEvent.title) || fileSlug(sideEvent.id);
  return { filename: `off-${eventPart(event)}-${slug}.ics`, text: toIcs([sideEvent], { now }) };
}

/** Every side event of the board as one .ics file: `off-<scope>.ics`, the scope being its event (or `place-<id>`…). */
export function boardCalendar(scope: string, sideEvents: SideEvent[], name: string, now?: Date): CalendarFile {
  return { filename: `off-${eventPart(scope)}.ics`, text: toIcs(sideEvents, { name, now }) };
}

/** The side event with its place record's name and address as its place, for a calendar's LOCATION. */
export function withPlaceName(sideEvent: SideEvent, place: Place | undefined): SideEvent {
  if (!place) return sideEvent;
  return { ...sideEvent, place: place.address ? `${place.name}, ${place.address}` : place.name };
}

export function downloadCalendar({ text, filename }: CalendarFile): void {
  downloadText(text, filename, ICS_TYPE);
}
