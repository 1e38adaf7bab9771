import { toIcs } from '../../model/ics.js';
import type { SideEvent } from '../../model/records.js';
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

/** Every side event of the board as one .ics file: `off-<event>.ics`. */
export function boardCalendar(event: string, sideEvents: SideEvent[], name: string, now?: Date): CalendarFile {
  return { filename: `off-${eventPart(event)}.ics`, text: toIcs(sideEvents, { name, now }) };
}

export function downloadCalendar({ text, filename }: CalendarFile): void {
  downloadText(text, filename, ICS_TYPE);
}
