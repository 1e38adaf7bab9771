/** What `<input type="datetime-local">` gives: "2026-06-12T08:30", seconds optional. */
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

const MINUTE = 60000;
const DAY = 24 * 60 * MINUTE;

/** Minutes east of UTC in effect at an instant. */
type OffsetAt = (instant: number) => number;

const formatters = new Map<string, Intl.DateTimeFormat>();

function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function zoneOffset(timeZone: string): OffsetAt {
  const formatter = zoneFormatter(timeZone);
  return (instant) => {
    const part = Object.fromEntries(formatter.formatToParts(instant).map(({ type, value }) => [type, Number(value)]));
    const wall = Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!);
    return Math.round((wall - Math.floor(instant / MINUTE) * MINUTE) / MINUTE);
  };
}

const browserOffset: OffsetAt = (instant) => -new Date(instant).getTimezoneOffset();

/** An IANA zone the browser knows, else undefined. */
function knownZone(timeZone: string | undefined): string | undefined {
  if (!timeZone) return undefined;
  try {
    zoneFormatter(timeZone);
    return timeZone;
  } catch {
    return undefined;
  }
}

function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0');
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * The instant a wall-clock time names, the way Temporal's "compatible" option
 * resolves it: a time that happens twice (clocks going back) is the first one;
 * a time skipped by clocks going forward moves forward by the gap.
 */
function resolveInstant(wall: number, offsetAt: OffsetAt): number {
  const candidates = [...new Set([offsetAt(wall - DAY), offsetAt(wall + DAY)])]
    .map((offset) => wall - offset * MINUTE)
    .filter((instant) => wall - offsetAt(instant) * MINUTE === instant);
  if (candidates.length) return Math.min(...candidates);
  return wall - offsetAt(wall - DAY) * MINUTE;
}

/**
 * Turns a `datetime-local` value into ISO 8601 with the offset of `timeZone`
 * (an IANA name such as "Europe/Paris") at that date, or of the browser when
 * no known zone is given: "2026-06-12T08:30" → "2026-06-12T08:30:00+02:00".
 * Returns '' for anything that is not a real date and time, so validation reports it.
 */
export function localToIso(local: string, timeZone?: string): string {
  const match = LOCAL_DATE_TIME.exec(local.trim());
  if (!match) return '';
  const [year, month, day, hour, minute, second] = match.slice(1).map((part = '0') => Number(part)) as [number, number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wall);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1 || check.getUTCHours() !== hour) return '';
  return instantToIso(resolveInstant(wall, offsetFor(timeZone)), timeZone);
}

function offsetFor(timeZone: string | undefined): OffsetAt {
  const zone = knownZone(timeZone);
  return zone ? zoneOffset(zone) : browserOffset;
}

/** An instant (ms since the epoch) as ISO 8601 with the offset `timeZone` (or the browser) has then. */
export function instantToIso(instant: number, timeZone?: string): string {
  const offset = offsetFor(timeZone)(instant);
  const shown = new Date(instant + offset * MINUTE);
  const date = `${pad(shown.getUTCFullYear(), 4)}-${pad(shown.getUTCMonth() + 1)}-${pad(shown.getUTCDate())}`;
  const time = `${pad(shown.getUTCHours())}:${pad(shown.getUTCMinutes())}:${pad(shown.getUTCSeconds())}`;
  return `${date}T${time}${formatOffset(offset)}`;
}
