import { canonicalUrl } from './canonical-url.js';
import { isSafeId } from './ids.js';
import type { HostEvent, Organizer, Place, RecordKind, RecordOf, Seed, SideEvent } from './records.js';
import { isIsoDateTimeWithOffset } from './iso-date-time.js';
import { validate, type FieldIssue } from './validate.js';

/** `format` of an exported commons; see docs/commons-format.md. */
export const COMMONS_FORMAT = 'off-layer/commons';
/** Version 2 adds the host event's record, the places and organizers its side events name, and its seeds' ancestors from other events. */
export const COMMONS_VERSION = 2;

/** One host event's commons as a single JSON document: records as stored. */
export interface CommonsDocument {
  format: typeof COMMONS_FORMAT;
  version: typeof COMMONS_VERSION;
  event: string;
  exportedAt: string;
  /** The host event's record, when someone described it. */
  hostEvent?: HostEvent;
  sideEvents: SideEvent[];
  seeds: Seed[];
  /** The place records its side events name (`placeId`). */
  places: Place[];
  /** The organizer records its side events name (`organizerId`). */
  organizers: Organizer[];
  /** Seeds of other events that its seeds were replanted from, nearest first, as far as they could be read. */
  ancestors: Seed[];
}

/** What an export holds besides its event's side events and seeds; each may be left out (the older format had none). */
export type CommonsRelations = Partial<Pick<CommonsDocument, 'hostEvent' | 'places' | 'organizers' | 'ancestors'>>;

export function exportCommons(event: string, sideEvents: SideEvent[], seeds: Seed[], relations: CommonsRelations = {}, now = new Date()): CommonsDocument {
  const { hostEvent, places = [], organizers = [], ancestors = [] } = relations;
  return {
    format: COMMONS_FORMAT,
    version: COMMONS_VERSION,
    event,
    exportedAt: now.toISOString(),
    ...(hostEvent && { hostEvent }),
    sideEvents,
    seeds,
    places,
    organizers,
    ancestors,
  };
}

/**
 * The export of a server whose public address is `base`: each record with its canonical URL, the one it kept from
 * the server that first held it, else this server's. Re-imported anywhere, a record keeps that identity.
 */
export function withCanonicalUrls(document: CommonsDocument, base: string): CommonsDocument {
  const identified = <K extends RecordKind>(kind: K) => (record: RecordOf[K]): RecordOf[K] => ({ ...record, canonicalUrl: record.canonicalUrl ?? canonicalUrl(base, kind, record.id) });
  const { hostEvent, sideEvents, seeds, places, organizers, ancestors } = document;
  return {
    ...document,
    ...(hostEvent && { hostEvent: identified('event')(hostEvent) }),
    sideEvents: sideEvents.map(identified('side-event')),
    seeds: seeds.map(identified('seed')),
    places: places.map(identified('place')),
    organizers: organizers.map(identified('organizer')),
    ancestors: ancestors.map(identified('seed')),
  };
}

/** The ids of the place and organizer records side events name, each once. */
export function namedRecords(sideEvents: readonly SideEvent[]): { places: string[]; organizers: string[] } {
  const ids = (field: 'placeId' | 'organizerId') => [...new Set(sideEvents.flatMap((sideEvent) => sideEvent[field] ?? []))];
  return { places: ids('placeId'), organizers: ids('organizerId') };
}

export type RecordCheck<K extends RecordKind> = { ok: true; record: RecordOf[K] } | { ok: false; issues: FieldIssue[] };

/**
 * Checks a whole record as exported (id and stamps included) with the same rules
 * as a contribution, so an import cannot smuggle in what the form would refuse.
 */
export function checkRecord<K extends RecordKind>(kind: K, candidate: unknown): RecordCheck<K> {
  const result = validate(kind, candidate);
  const { id, createdAt, updatedAt } = (candidate ?? {}) as Record<string, unknown>;
  const issues: FieldIssue[] = result.ok ? [] : [...result.issues];
  if (typeof id !== 'string' || !isSafeId(id)) issues.push({ field: 'id', code: id === undefined ? 'required' : 'invalid-id' });
  for (const [field, value] of [['createdAt', createdAt], ['updatedAt', updatedAt]] as const) {
    if (typeof value !== 'string' || !isIsoDateTimeWithOffset(value)) issues.push({ field, code: value === undefined ? 'required' : 'invalid-datetime' });
  }
  if (!result.ok || issues.length) return { ok: false, issues };
  return { ok: true, record: { ...result.value, id, createdAt, updatedAt } as unknown as RecordOf[K] };
}

export class CommonsFormatError extends Error {
  override name = 'CommonsFormatError';
}

const ARRAYS = ['sideEvents', 'seeds', 'places', 'organizers', 'ancestors'] as const;

/**
 * Reads an exported commons, of this version or of version 1 (read as one with no relations); throws
 * `CommonsFormatError` when the text is not one. Records are checked when restored.
 */
export function readCommons(text: string): CommonsDocument {
  let document: Partial<Record<string, unknown>>;
  try {
    document = JSON.parse(text) as Partial<Record<string, unknown>>;
  } catch {
    throw new CommonsFormatError('This file is not JSON.');
  }
  if (document?.format !== COMMONS_FORMAT) throw new CommonsFormatError(`This file is not an ${COMMONS_FORMAT} export.`);
  if (document.version !== 1 && document.version !== COMMONS_VERSION) throw new CommonsFormatError(`Unsupported version ${String(document.version)}.`);
  const upgraded: Record<string, unknown> = { places: [], organizers: [], ancestors: [], ...document, version: COMMONS_VERSION };
  const notArrays = ARRAYS.filter((field) => !Array.isArray(upgraded[field]));
  if (notArrays.length) throw new CommonsFormatError(`${notArrays.join(', ')} must be arrays.`);
  if (upgraded.hostEvent !== undefined && (typeof upgraded.hostEvent !== 'object' || upgraded.hostEvent === null)) {
    throw new CommonsFormatError('hostEvent must be an object.');
  }
  return upgraded as unknown as CommonsDocument;
}
