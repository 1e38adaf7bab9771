import type { Lang } from '../../model/lang.js';

const OFFSET = /([+-])(\d{2}):(\d{2})$|Z$/;

/** Minutes east of UTC written in an ISO date-time ("+02:00" → 120, "Z" → 0). */
export function offsetMinutes(iso: string): number {
  const match = OFFSET.exec(iso);
  if (!match || !match[1]) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/**
 * The wall clock of the place where the event happens: the instant shifted by
 * the record's own offset, to format in UTC. Works in every browser, unlike offset time zones in Intl.
 */
function wallClock(iso: string): Date {
  return new Date(Date.parse(iso) + offsetMinutes(iso) * 60000);
}

// Creating an Intl.DateTimeFormat costs far more than using one: lists format hundreds of times per render.
const formatters = new Map<string, Intl.DateTimeFormat>();

function format(iso: string, lang: Lang, options: Intl.DateTimeFormatOptions): string {
  const key = `${lang}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(lang, { ...options, timeZone: 'UTC' });
    formatters.set(key, formatter);
  }
  return formatter.format(wallClock(iso));
}

/** "2026-06-12": the local day of the event, for grouping and day filters. */
export function eventDayKey(iso: string): string {
  // A date-time written with its offset already starts with its wall-clock day.
  if (OFFSET.test(iso) && /^\d{4}-\d{2}-\d{2}T/.test(iso)) return iso.slice(0, 10);
  return wallClock(iso).toISOString().slice(0, 10);
}

export function formatDay(iso: string, lang: Lang): string {
  return format(iso, lang, { weekday: 'long', day: 'numeric', month: 'long' });
}

export function formatTime(iso: string, lang: Lang): string {
  return format(iso, lang, { hour: '2-digit', minute: '2-digit' });
}

export function formatDateTime(iso: string, lang: Lang): string {
  return format(iso, lang, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "UTC+02:00", or '' when the event's offset at that instant is the viewer's own. */
export function zoneLabel(iso: string): string {
  const minutes = offsetMinutes(iso);
  const viewer = -new Date(Date.parse(iso)).getTimezoneOffset();
  if (minutes === viewer) return '';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
