import type { SideEvent } from './records.js';
import { isWebUrl } from './web-url.js';

const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;
const encoder = new TextEncoder();

/** RFC 5545 §3.3.11: backslash, semicolon, comma and newlines are escaped in TEXT values. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** RFC 5545 §3.1: lines longer than 75 octets continue on lines starting with a space, never inside a UTF-8 sequence. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = parts.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** "2026-06-12T08:30:00+02:00" → "20260612T063000Z". */
export function toIcsUtc(iso: string): string {
  return new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export interface CalendarOptions {
  /** Shown by calendar apps as the calendar's name. */
  name?: string;
  /** DTSTAMP of every item; defaults to now. */
  now?: Date;
}

function eventLines(sideEvent: SideEvent, stamp: string): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${sideEvent.id}@off-layer`,
    `DTSTAMP:${stamp}`,
    `DTSTART:${toIcsUtc(sideEvent.start)}`,
  ];
  if (sideEvent.end) lines.push(`DTEND:${toIcsUtc(sideEvent.end)}`);
  lines.push(`SUMMARY:${escapeText(sideEvent.title)}`);
  if (sideEvent.description) lines.push(`DESCRIPTION:${escapeText(sideEvent.description)}`);
  if (sideEvent.place) lines.push(`LOCATION:${escapeText(sideEvent.place)}`);
  if (sideEvent.url && isWebUrl(sideEvent.url)) lines.push(`URL:${sideEvent.url}`);
  if (sideEvent.organizer) lines.push(`X-OFF-ORGANIZER:${escapeText(sideEvent.organizer)}`);
  if (sideEvent.tags.length) lines.push(`CATEGORIES:${sideEvent.tags.map(escapeText).join(',')}`);
  lines.push(`LAST-MODIFIED:${toIcsUtc(sideEvent.updatedAt)}`, 'END:VEVENT');
  return lines;
}

/** An RFC 5545 calendar (CRLF line ends, folded lines) that Google, Apple and Outlook calendars import. */
export function toIcs(sideEvents: SideEvent[], { name, now = new Date() }: CalendarOptions = {}): string {
  const stamp = toIcsUtc(now.toISOString());
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//off-layer//off-layer//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (name) lines.push(`X-WR-CALNAME:${escapeText(name)}`);
  for (const sideEvent of sideEvents) lines.push(...eventLines(sideEvent, stamp));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
