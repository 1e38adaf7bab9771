import { instantToIso, localToIso } from './local-time.js';

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
}

interface Property {
  name: string;
  params: Record<string, string>;
  value: string;
}

/** RFC 5545 §3.1: a line starting with a space or a tab continues the previous one. */
function unfold(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').replace(/\n[ \t]/g, '').split('\n').filter(Boolean);
}

function parseLine(line: string): Property | undefined {
  // The value starts at the first colon outside a quoted parameter value.
  let quoted = false;
  let colon = -1;
  for (let index = 0; index < line.length; index += 1) {
    if (line[index] === '"') quoted = !quoted;
    else if (line[index] === ':' && !quoted) {
      colon = index;
      break;
    }
  }
  if (colon < 0) return undefined;
  const [name = '', ...rawParams] = line.slice(0, colon).split(';');
  const params = Object.fromEntries(
    rawParams.map((param) => {
      const [key = '', ...rest] = param.split('=');
      return [key.toUpperCase(), rest.join('=').replace(/^"|"$/g, '')];
    }),
  );
  return { name: name.toUpperCase(), params, value: line.slice(colon + 1) };
}

export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, char: string) => (char === 'n' || char === 'N' ? '\n' : char));
}

/** Splits a TEXT list on commas that are not escaped. */
function splitList(value: string): string[] {
  return value.split(/(?<!\\),/).map(unescapeText).map((item) => item.trim()).filter(Boolean);
}

const DATE_TIME = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/;

/**
 * DTSTART/DTEND in any of RFC 5545's forms: UTC ("…Z", shown in `timeZone`),
 * local with TZID, floating (read in `timeZone`), or a whole day (VALUE=DATE).
 */
function toIso({ params, value }: Property, timeZone: string | undefined): string {
  const match = DATE_TIME.exec(value.trim());
  if (!match) return '';
  const [, year, month, day, hour = '00', minute = '00', second = '00', utc] = match;
  if (utc) return instantToIso(Date.UTC(+year!, +month! - 1, +day!, +hour, +minute, +second), timeZone);
  return localToIso(`${year}-${month}-${day}T${hour}:${minute}:${second}`, params.TZID ?? timeZone);
}

function organizerOf(property: Property): string {
  return property.params.CN ?? property.value.replace(/^mailto:/i, '');
}

/**
 * Reads the VEVENTs of an iCalendar file as side events of `event`, leaving out cancelled ones.
 * Fields the calendar lacks stay absent; what the model refuses is refused when stored.
 * A repeating event (RRULE) is read as its first occurrence.
 */
export function parseIcs(text: string, { event, timeZone }: { event: string; timeZone?: string }): IcsSideEventInput[] {
  const inputs: IcsSideEventInput[] = [];
  let current: Property[] | undefined;
  // Components inside the event (VALARM reminders) have properties of their own: a DESCRIPTION, a SUMMARY.
  let nested = 0;
  for (const line of unfold(text)) {
    const property = parseLine(line);
    if (!property) continue;
    const component = property.value.toUpperCase();
    if (property.name === 'BEGIN' && component === 'VEVENT') current = [];
    else if (property.name === 'END' && component === 'VEVENT' && current) {
      if (!isCancelled(current)) inputs.push(toInput(current, event, timeZone));
      current = undefined;
      nested = 0;
    } else if (current && property.name === 'BEGIN') nested += 1;
    else if (current && property.name === 'END') nested = Math.max(0, nested - 1);
    else if (nested === 0) current?.push(property);
  }
  return inputs;
}

function isCancelled(properties: Property[]): boolean {
  return properties.some(({ name, value }) => name === 'STATUS' && value.trim().toUpperCase() === 'CANCELLED');
}

const DAY = 24 * 60 * 60 * 1000;

const DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/**
 * The end of an event given by DURATION ("PT1H30M") instead of DTEND, shown in `timeZone`; '' if unreadable.
 * `inUtc`: DTSTART was written in UTC ("…Z"), whose days all have 24 hours.
 */
function endAfter(start: string, { value }: Property, timeZone: string | undefined, inUtc: boolean): string {
  const match = DURATION.exec(value.trim());
  const startMs = Date.parse(start);
  if (!match || Number.isNaN(startMs)) return '';
  const [weeks, days, hours, minutes, seconds] = match.slice(1).map((group) => Number(group ?? 0)) as [number, number, number, number, number];
  const dayCount = weeks * 7 + days;
  // Weeks and days are nominal (RFC 5545, 3.3.6): the same time on the wall clock of the start's zone days later,
  // 23 or 25 hours over a change of time. `start` is written in its zone, so its first 19 characters are that wall clock.
  const wallClockLater = new Date(Date.parse(`${start.slice(0, 19)}Z`) + dayCount * DAY).toISOString().slice(0, 19);
  const daysLater = dayCount && !inUtc ? Date.parse(localToIso(wallClockLater, timeZone)) : startMs + dayCount * DAY;
  return Number.isNaN(daysLater) ? '' : instantToIso(daysLater + ((hours * 60 + minutes) * 60 + seconds) * 1000, timeZone);
}

function toInput(properties: Property[], event: string, timeZone: string | undefined): IcsSideEventInput {
  const input: IcsSideEventInput = { event, title: '', start: '', tags: [] };
  let startZone = timeZone;
  let startInUtc = false;
  let duration: Property | undefined;
  for (const property of properties) {
    switch (property.name) {
      case 'SUMMARY':
        input.title = unescapeText(property.value);
        break;
      case 'DESCRIPTION':
        input.description = unescapeText(property.value);
        break;
      case 'LOCATION':
        input.place = unescapeText(property.value);
        break;
      case 'URL':
        input.url = property.value.trim();
        break;
      case 'DTSTART':
        input.start = toIso(property, timeZone);
        startZone = property.params.TZID ?? timeZone;
        startInUtc = property.value.trim().endsWith('Z');
        break;
      case 'DURATION':
        duration = property;
        break;
      case 'DTEND':
        input.end = toIso(property, timeZone);
        break;
      case 'ORGANIZER':
        input.organizer ??= organizerOf(property);
        break;
      case 'X-OFF-ORGANIZER':
        input.organizer = unescapeText(property.value);
        break;
      case 'CATEGORIES':
        input.tags.push(...splitList(property.value));
        break;
    }
  }
  if (duration && input.end === undefined) input.end = endAfter(input.start, duration, startZone, startInUtc);
  return input;
}
