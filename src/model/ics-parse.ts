import ICAL from 'ical.js';
import { instantToIso, localToIso } from './local-time.js';

type Component = InstanceType<typeof ICAL.Component>;
type Time = InstanceType<typeof ICAL.Time>;
type Event = InstanceType<typeof ICAL.Event>;

/** A side event read from a calendar file, as a contributor would send it: the store validates it. */
export interface IcsSideEventInput {
  event: string;
  title: string;
  start: string;
  end?: string;
  description?: string;
  place?: string;
  url?: string;
  organizer?: string;
  tags: string[];
  /** The event's UID, and for one occurrence of a repeating event its RECURRENCE-ID (UTC): its identity in the feed. */
  sourceId?: string;
}

export interface IcsReadOptions {
  event: string;
  /** IANA zone UTC times are shown in, and floating times read in when the file names none (X-WR-TIMEZONE). */
  timeZone?: string;
  /** Occurrences of repeating events are read from this instant (default: now)… */
  from?: Date;
  /** …for this many months (default 6). Events that do not repeat are read whatever their date. */
  months?: number;
  /** Told of each VEVENT ical.js could not read (a broken rule, a broken date): it is left out, the others are read. */
  onSkipped?: (uid: string | undefined, error: Error) => void;
}

/** A calendar file that ical.js cannot read at all: not iCalendar, or broken beyond reading. */
export class IcsFormatError extends Error {
  override name = 'IcsFormatError';
  readonly code = 'ics-unreadable';
}

export const DEFAULT_WINDOW_MONTHS = 6;
/** Occurrences read per repeating event, and steps of its rule walked: a rule repeating every second stops here. */
const MAX_OCCURRENCES = 500;
const MAX_STEPS = 20_000;

/** The zones the file's own times are read in. */
interface Zones {
  /** Where floating times (no TZID, no Z) and whole days are placed: X-WR-TIMEZONE (Apple), else the option. */
  floating?: string;
  /** Where UTC times are shown. */
  shown?: string;
}

function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0');
}

function wallClock(time: Time): string {
  return `${pad(time.year, 4)}-${pad(time.month)}-${pad(time.day)}T${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}`;
}

function formatOffset(seconds: number): string {
  const minutes = Math.round(Math.abs(seconds) / 60);
  return `${seconds < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

const isUtc = (time: Time) => time.zone?.tzid === 'UTC' || time.zone === ICAL.Timezone.utcTimezone;
/** ical.js places a time whose TZID it has no VTIMEZONE for in its "floating" zone. */
const isFloating = (time: Time) => !time.zone || time.zone === ICAL.Timezone.localTimezone || time.zone.tzid === 'floating';

/**
 * A DTSTART, DTEND or occurrence as ISO 8601 with offset. A time in a zone the file defines (a VTIMEZONE, as
 * Outlook writes for "Romance Standard Time") keeps its wall clock with that zone's offset then; a TZID the file
 * does not define is read as an IANA zone when it is one (Google, Apple), else as floating.
 */
function toIso(time: Time, tzid: string | undefined, zones: Zones): string {
  if (time.isDate) return localToIso(`${pad(time.year, 4)}-${pad(time.month)}-${pad(time.day)}T00:00:00`, tzid ?? zones.floating);
  if (isUtc(time)) return instantToIso(time.toUnixTime() * 1000, zones.shown);
  if (isFloating(time)) return localToIso(wallClock(time), tzid ?? zones.floating);
  const offset = offsetOf(time);
  // Before the zone's first observance in the file, an IANA name says more than the file does.
  if (offset === undefined) return tzid && isIanaZone(tzid) ? localToIso(wallClock(time), tzid) : `${wallClock(time)}${formatOffset(time.utcOffset())}`;
  return `${wallClock(time)}${formatOffset(offset)}`;
}

const FIELDS = ['year', 'month', 'day', 'hour', 'minute', 'second'] as const;

/**
 * The offset of the zone the file defines at `time`; undefined before its first observance (RFC 5545's own New
 * York example starts in October 1998 and holds a meeting in March), where ical.js answers 0.
 */
function offsetOf(time: Time): number | undefined {
  const offset = time.utcOffset();
  const [first] = (time.zone as unknown as { changes?: Record<(typeof FIELDS)[number], number>[] }).changes ?? [];
  const difference = first && FIELDS.map((field) => time[field] - first[field]).find((each) => each !== 0);
  return difference !== undefined && difference < 0 ? undefined : offset;
}

/** A time zone name this runtime knows (IANA: `Europe/Paris`). */
export function isIanaZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function text(component: Component, name: string): string | undefined {
  const value = component.getFirstPropertyValue(name);
  return typeof value === 'string' ? value : undefined;
}

function organizerOf(component: Component): string | undefined {
  const own = text(component, 'x-off-organizer');
  if (own) return own;
  const property = component.getFirstProperty('organizer');
  if (!property) return undefined;
  const name = property.getParameter('cn');
  return typeof name === 'string' && name ? name : String(property.getFirstValue() ?? '').replace(/^mailto:/i, '');
}

function tagsOf(component: Component): string[] {
  return component
    .getAllProperties('categories')
    .flatMap((property) => property.getValues().map(String))
    .map((tag) => tag.trim())
    .filter(Boolean);
}

const isCancelled = (component: Component) => text(component, 'status')?.toUpperCase() === 'CANCELLED';

function tzidOf(component: Component, name: string): string | undefined {
  const tzid = component.getFirstProperty(name)?.getParameter('tzid');
  return typeof tzid === 'string' ? tzid : undefined;
}

/** What the VEVENT says besides its times. */
function describe(component: Component, event: string): IcsSideEventInput {
  const input: IcsSideEventInput = { event, title: text(component, 'summary') ?? '', start: '', tags: tagsOf(component) };
  const fields = { description: text(component, 'description'), place: text(component, 'location'), url: text(component, 'url'), organizer: organizerOf(component) };
  for (const [field, value] of Object.entries(fields)) if (value !== undefined) input[field as keyof typeof fields] = field === 'url' ? value.trim() : value;
  return input;
}

/** One occurrence: `item` is the VEVENT that describes it (the override for a changed occurrence). */
function occurrence(item: Event, start: Time | null, end: Time | null, event: string, zones: Zones, recurrenceId?: Time): IcsSideEventInput {
  const { component } = item;
  const input = describe(component, event);
  const startZone = tzidOf(component, 'dtstart');
  input.start = start ? toIso(start, startZone, zones) : '';
  // ical.js gives every event an end; the file may have none (a moment, or a whole day without DTEND).
  const hasEnd = component.hasProperty('dtend') || component.hasProperty('duration');
  if (end && hasEnd) input.end = toIso(end, tzidOf(component, 'dtend') ?? startZone, zones);
  const uid = item.uid;
  if (uid) input.sourceId = recurrenceId ? `${uid}/${recurrenceId.convertToZone(ICAL.Timezone.utcTimezone).toICALString()}` : uid;
  return input;
}

/** The starts of a repeating event's occurrences up to `until`, at most MAX_OCCURRENCES, walking at most MAX_STEPS. */
function startsOf(master: Event, until: number): Time[] {
  const starts: Time[] = [];
  const iterator = master.iterator();
  for (let steps = 0, next = iterator.next(); next && steps < MAX_STEPS && starts.length < MAX_OCCURRENCES; steps += 1, next = iterator.next()) {
    if (next.toUnixTime() * 1000 > until) break;
    starts.push(next);
  }
  // DTSTART is the first occurrence (RFC 5545, 3.8.5.2); ical.js leaves it out of a set made of RDATEs only.
  const { startDate } = master;
  const excluded = master.component.getAllProperties('exdate').flatMap((property) => property.getValues() as Time[]);
  const listed = (time: Time) => (other: Time) => other.compare(time) === 0;
  if (startDate && !master.component.hasProperty('rrule') && !starts.some(listed(startDate)) && !excluded.some(listed(startDate))) starts.unshift(startDate);
  return starts;
}

/** The occurrences of a repeating event from `from` to `until`, each changed one as its override says. */
function occurrences(master: Event, event: string, zones: Zones, from: number, until: number): IcsSideEventInput[] {
  const length = master.duration ? master.duration.toSeconds() * 1000 : 0;
  return startsOf(master, until).flatMap((start) => {
    if (start.toUnixTime() * 1000 + length < from) return [];
    const details = master.getOccurrenceDetails(start);
    if (isCancelled(details.item.component)) return [];
    return [occurrence(details.item, details.startDate, details.endDate, event, zones, details.recurrenceId)];
  });
}

/** An event that does not repeat, or an override read alone; without DTSTART, with an empty start the store refuses. */
function single(item: Event, event: string, zones: Zones): IcsSideEventInput {
  const start = item.startDate ?? null;
  return occurrence(item, start, start && item.endDate, event, zones, item.recurrenceId ?? undefined);
}

function calendarsOf(text: string): Component[] {
  let parsed: unknown;
  try {
    parsed = ICAL.parse(text);
  } catch (error) {
    throw new IcsFormatError((error as Error).message);
  }
  const list = (Array.isArray(parsed) && typeof parsed[0] === 'string' ? [parsed] : (parsed as unknown[])) as unknown[];
  const calendars = list.map((jcal) => new ICAL.Component(jcal as never)).filter((component) => component.name === 'vcalendar');
  if (!calendars.length) throw new IcsFormatError('No VCALENDAR in this file.');
  return calendars;
}

function addMonths(date: Date, months: number): number {
  const later = new Date(date);
  later.setUTCMonth(later.getUTCMonth() + months);
  return later.getTime();
}

/**
 * Reads the VEVENTs of an iCalendar file as side events of `event`, with ical.js (Thunderbird's parser): time
 * zones the file defines (VTIMEZONE), repeating events (RRULE, RDATE, EXDATE) as their occurrences within the
 * window, each occurrence a RECURRENCE-ID override changes as the override says, whole days and floating times.
 * Cancelled events and occurrences are left out. Fields the calendar lacks stay absent; what the model refuses
 * is refused when stored. Throws `IcsFormatError` when the text is not iCalendar.
 */
export function parseIcs(ics: string, { event, timeZone, from = new Date(), months = DEFAULT_WINDOW_MONTHS, onSkipped }: IcsReadOptions): IcsSideEventInput[] {
  const inputs: IcsSideEventInput[] = [];
  const until = addMonths(from, months);
  for (const calendar of calendarsOf(ics)) {
    const fileZone = text(calendar, 'x-wr-timezone');
    const zones: Zones = { floating: fileZone ?? timeZone, shown: timeZone ?? fileZone };
    const vevents = calendar.getAllSubcomponents('vevent');
    const overridesOf = new Map<string, Component[]>();
    for (const vevent of vevents.filter((each) => each.hasProperty('recurrence-id'))) {
      const uid = text(vevent, 'uid') ?? '';
      overridesOf.set(uid, [...(overridesOf.get(uid) ?? []), vevent]);
    }
    const repeating = new Set<string>();
    for (const vevent of vevents.filter((each) => !each.hasProperty('recurrence-id'))) {
      const uid = text(vevent, 'uid');
      if (isCancelled(vevent)) continue;
      try {
        // Related by UID only: ical.js would otherwise take every override in the file as one of this event's.
        const master = new ICAL.Event(vevent, { strictExceptions: true, exceptions: (uid && overridesOf.get(uid)) || [] });
        if (master.startDate && master.isRecurring()) {
          if (uid) repeating.add(uid);
          inputs.push(...occurrences(master, event, zones, from.getTime(), until));
        } else inputs.push(single(master, event, zones));
      } catch (error) {
        onSkipped?.(uid, error as Error);
      }
    }
    // An override without its repeating event (Google shares a single occurrence that way) is an event of its own.
    for (const [uid, overrides] of overridesOf) {
      if (repeating.has(uid)) continue;
      for (const override of overrides.filter((each) => !isCancelled(each))) {
        try {
          inputs.push(single(new ICAL.Event(override, { exceptions: [] }), event, zones));
        } catch (error) {
          onSkipped?.(uid, error as Error);
        }
      }
    }
  }
  return inputs;
}
