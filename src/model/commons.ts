import { isSafeId } from './ids.js';
import type { RecordKind, RecordOf, Seed, SideEvent } from './records.js';
import { isIsoDateTimeWithOffset } from './iso-date-time.js';
import { validate, type FieldIssue } from './validate.js';

/** `format` of an exported commons; see docs/commons-format.md. */
export const COMMONS_FORMAT = 'off-layer/commons';
export const COMMONS_VERSION = 1;

/** One host event's commons as a single JSON document: every side event and seed, records as stored. */
export interface CommonsDocument {
  format: typeof COMMONS_FORMAT;
  version: typeof COMMONS_VERSION;
  event: string;
  exportedAt: string;
  sideEvents: SideEvent[];
  seeds: Seed[];
}

export function exportCommons(event: string, sideEvents: SideEvent[], seeds: Seed[], now = new Date()): CommonsDocument {
  return { format: COMMONS_FORMAT, version: COMMONS_VERSION, event, exportedAt: now.toISOString(), sideEvents, seeds };
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

/** Reads an exported commons; throws `CommonsFormatError` when the text is not one. Records are checked when restored. */
export function readCommons(text: string): CommonsDocument {
  let document: Partial<CommonsDocument>;
  try {
    document = JSON.parse(text) as Partial<CommonsDocument>;
  } catch {
    throw new CommonsFormatError('This file is not JSON.');
  }
  if (document?.format !== COMMONS_FORMAT) throw new CommonsFormatError(`This file is not an ${COMMONS_FORMAT} export.`);
  if (document.version !== COMMONS_VERSION) throw new CommonsFormatError(`Unsupported version ${String(document.version)}.`);
  if (!Array.isArray(document.sideEvents) || !Array.isArray(document.seeds)) {
    throw new CommonsFormatError('sideEvents and seeds must be arrays.');
  }
  return document as CommonsDocument;
}
