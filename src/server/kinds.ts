import type { RecordKind } from '../model/records.js';

/** The plural used in URLs for each record kind. */
export const KIND_SEGMENTS: Record<RecordKind, string> = { 'side-event': 'side-events', seed: 'seeds' };

/**
 * Route pattern matching either segment (Hono's `:name{regex}` syntax). The group
 * matters: once routes are nested, Hono leaves a bare alternation unanchored.
 */
export const KINDS_PATTERN = ':kinds{(?:side-events|seeds)}';

export function kindOfSegment(segment: string): RecordKind {
  return segment === 'seeds' ? 'seed' : 'side-event';
}
