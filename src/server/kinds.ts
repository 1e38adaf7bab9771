import { KIND_SEGMENTS, type RecordKind } from '../model/records.js';

export { KIND_SEGMENTS };

/**
 * Route pattern matching any kind's segment (Hono's `:name{regex}` syntax). The group
 * matters: once routes are nested, Hono leaves a bare alternation unanchored.
 */
export const KINDS_PATTERN = `:kinds{(?:${Object.values(KIND_SEGMENTS).join('|')})}`;

/** The kinds whose records belong to a host event, as nested under `/events/{event}/`. */
export const EVENT_KINDS_PATTERN = ':kinds{(?:side-events|seeds)}';

const KIND_OF_SEGMENT = new Map(Object.entries(KIND_SEGMENTS).map(([kind, segment]) => [segment, kind as RecordKind]));

export function kindOfSegment(segment: string): RecordKind {
  return KIND_OF_SEGMENT.get(segment) ?? 'side-event';
}
