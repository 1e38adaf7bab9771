import * as v from 'valibot';
import { isSeedUrl } from './canonical-url.js';
import { isSafeId } from './ids.js';
import { toLine } from './line.js';
import type { FieldCode } from './field-messages.js';
import { DEFAULT_LICENSE, LICENSES, type InputOf, type RecordKind } from './records.js';
import { isIsoDateTimeWithOffset, toEpoch } from './iso-date-time.js';

export const LIMITS = {
  title: 140,
  longText: 4000,
  shortText: 200,
  url: 2048,
  tags: 10,
  tag: 32,
  /** A name of a host event, a place or an organizer. */
  name: 140,
  /** An organizer's description: a line or two, not a biography. */
  shortDescription: 500,
} as const;

// Newlines and tabs survive in long texts; every other C0/C1 control character is dropped.
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/**
 * At most `max` characters, counted in code points as JSON Schema's `maxLength` counts them (an emoji is
 * one), not in UTF-16 units as `v.maxLength` does: every record the published schema accepts is accepted.
 */
const maxCharacters = (max: number) =>
  v.rawCheck<string>(({ dataset, addIssue }) => {
    // `length` counts code units, never fewer than code points: only a text past it is counted again.
    if (dataset.typed && dataset.value.length > max && [...dataset.value].length > max) addIssue({ message: 'too-long', expected: `<=${max}` });
  });

const line = (max: number) => v.pipe(v.string('wrong-type'), v.transform(toLine), maxCharacters(max));

const text = (max: number) =>
  v.pipe(
    v.string('wrong-type'),
    v.transform((raw) => raw.replace(/\r\n?/g, '\n').replace(CONTROL_IN_TEXT, '').trim()),
    maxCharacters(max),
  );

const required = <T extends v.GenericSchema<unknown, string>>(schema: T) =>
  v.pipe(schema, v.minLength(1, 'required'));

/** Absent, null and blank all mean "not given". */
const optional = <T extends v.GenericSchema<unknown, string>>(schema: T) =>
  v.pipe(
    v.nullish(schema),
    v.transform((value) => (value ? value : undefined)),
  );

const id = v.pipe(v.string('wrong-type'), v.trim(), v.check(isSafeId, 'invalid-id'));

const webUrl = v.pipe(
  line(LIMITS.url),
  v.check((url) => url === '' || URL.canParse(url), 'invalid-url'),
  v.check((url) => url === '' || !URL.canParse(url) || /^https?:$/.test(new URL(url).protocol), 'unsafe-url'),
);

/** A seed on this server (its id) or on another (its canonical URL, `https://…/api/seeds/ID`). */
const seedReference = v.pipe(
  v.string('wrong-type'),
  v.trim(),
  v.check((value) => isSafeId(value) || isSeedUrl(value), 'invalid-id'),
);

const dateTime = v.pipe(v.string('wrong-type'), v.trim(), v.check(isIsoDateTimeWithOffset, 'invalid-datetime'));

const tags = v.pipe(
  v.nullish(v.array(v.pipe(v.string('wrong-type'), v.transform((tag) => toLine(tag).replace(/^#+/, '')), maxCharacters(LIMITS.tag)), 'wrong-type'), []),
  v.transform((list) => [...new Set(list.filter(Boolean))]),
  v.maxLength(LIMITS.tags, 'too-many'),
);

// valibot may run this even when `start` itself was refused: only two valid instants are compared.
const endNotBeforeStart = ({ start, end }: { start?: string; end?: string }) =>
  !end || !start || !isIsoDateTimeWithOffset(start) || toEpoch(end) >= toEpoch(start);

const sideEventSchema = v.pipe(
  v.object(
    {
      id: optional(id),
      event: id,
      title: required(line(LIMITS.title)),
      description: optional(text(LIMITS.longText)),
      start: dateTime,
      end: optional(dateTime),
      place: optional(line(LIMITS.shortText)),
      placeId: optional(id),
      url: optional(webUrl),
      organizer: optional(line(LIMITS.shortText)),
      organizerId: optional(id),
      tags,
      sourceUrl: optional(webUrl),
      sourceId: optional(line(LIMITS.url)),
      canonicalUrl: optional(webUrl),
    },
    'wrong-type',
  ),
  v.forward(v.partialCheck([['start'], ['end']], endNotBeforeStart, 'end-before-start'), ['end']),
);

const hostEventSchema = v.pipe(
  v.object(
    {
      id,
      name: required(line(LIMITS.name)),
      start: optional(dateTime),
      end: optional(dateTime),
      place: optional(line(LIMITS.shortText)),
      placeId: optional(id),
      url: optional(webUrl),
      description: optional(text(LIMITS.longText)),
      partOf: optional(id),
      canonicalUrl: optional(webUrl),
    },
    'wrong-type',
  ),
  v.forward(v.partialCheck([['start'], ['end']], endNotBeforeStart, 'end-before-start'), ['end']),
  v.forward(
    v.partialCheck([['id'], ['partOf']], ({ id, partOf }) => partOf !== id, 'part-of-cycle'),
    ['partOf'],
  ),
);

const coordinate = (limit: number) =>
  v.pipe(
    v.nullish(v.pipe(v.number('wrong-type'), v.minValue(-limit, 'out-of-range'), v.maxValue(limit, 'out-of-range'))),
    v.transform((value) => value ?? undefined),
  );

const placeSchema = v.pipe(
  v.object(
    {
      id: optional(id),
      name: required(line(LIMITS.name)),
      address: optional(text(LIMITS.shortText)),
      latitude: coordinate(90),
      longitude: coordinate(180),
      url: optional(webUrl),
      canonicalUrl: optional(webUrl),
    },
    'wrong-type',
  ),
  v.forward(
    v.partialCheck([['latitude'], ['longitude']], ({ latitude, longitude }) => (latitude === undefined) === (longitude === undefined), 'coordinates-pair'),
    ['longitude'],
  ),
);

const organizerSchema = v.object(
  {
    id: optional(id),
    name: required(line(LIMITS.name)),
    url: optional(webUrl),
    description: optional(text(LIMITS.shortDescription)),
    canonicalUrl: optional(webUrl),
  },
  'wrong-type',
);

const seedSchema = v.object(
  {
    id: optional(id),
    event: optional(id),
    title: required(line(LIMITS.title)),
    body: required(text(LIMITS.longText)),
    author: optional(line(LIMITS.shortText)),
    license: v.nullish(v.picklist(LICENSES, 'unknown-license'), DEFAULT_LICENSE),
    sourceUrl: optional(webUrl),
    tags,
    replantedFrom: optional(seedReference),
    canonicalUrl: optional(webUrl),
  },
  'wrong-type',
);

const SCHEMAS = {
  'side-event': sideEventSchema,
  seed: seedSchema,
  event: hostEventSchema,
  place: placeSchema,
  organizer: organizerSchema,
} as const;

export interface FieldIssue {
  /** The record field at fault ("" when the record itself is not an object). */
  field: string;
  code: FieldCode;
  /** The limit that was passed, for `too-long` and `too-many`. */
  limit?: number;
}

export type Validated<K extends RecordKind> = InputOf<K> & (K extends 'side-event' | 'seed' ? { tags: string[] } : unknown);

export type Validation<K extends RecordKind> =
  | { ok: true; value: Validated<K> }
  | { ok: false; issues: FieldIssue[] };

function toFieldIssue(issue: v.BaseIssue<unknown>): FieldIssue {
  const field = String(issue.path?.[0]?.key ?? '');
  const missing = issue.input === undefined || issue.input === null || issue.input === '';
  const code = issue.kind === 'schema' && missing ? 'required' : (issue.message as FieldCode);
  // `expected` is "<=140" for `maxCharacters` and for `v.maxLength` alike.
  const limit = code === 'too-long' || code === 'too-many' ? Number(issue.expected?.slice(2)) : undefined;
  return limit === undefined ? { field, code } : { field, code, limit };
}

/** Drops keys whose value is undefined, so a record looks the same in every store and over JSON. */
export function compact<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

/**
 * Checks and cleans what a contributor sent: trims, strips control characters,
 * drops unknown fields, applies defaults. Reports at most one issue per field.
 */
export function validate<K extends RecordKind>(kind: K, input: unknown): Validation<K> {
  const result = v.safeParse(SCHEMAS[kind], input);
  if (result.success) return { ok: true, value: compact(result.output) as Validated<K> };
  const byField = new Map<string, FieldIssue>();
  for (const issue of result.issues.map(toFieldIssue)) {
    if (!byField.has(issue.field)) byField.set(issue.field, issue);
  }
  return { ok: false, issues: [...byField.values()] };
}
