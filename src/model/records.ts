export type RecordKind = 'side-event' | 'seed' | 'event' | 'place' | 'organizer';

export const LICENSES = ['CC0-1.0', 'CC-BY-4.0', 'CC-BY-SA-4.0'] as const;
export type License = (typeof LICENSES)[number];
export const DEFAULT_LICENSE: License = 'CC-BY-SA-4.0';

export interface SideEvent {
  id: string;
  event: string;
  title: string;
  description?: string;
  /** ISO 8601 date-time with offset. */
  start: string;
  end?: string;
  /** Free text, shown when there is no place record (or beside it). */
  place?: string;
  /** The place record it happens at: a venue followed across events. */
  placeId?: string;
  url?: string;
  organizer?: string;
  /** The organizer record behind it. */
  organizerId?: string;
  tags: string[];
  /** Where it was imported from and links back to: the calendar event's page, or the record on another server. */
  sourceUrl?: string;
  /** Its identity there, so a refresh finds it again: an iCalendar UID (and RECURRENCE-ID), or a record's URL. */
  sourceId?: string;
  /** Its identity across sites, kept from the server that first held it (see canonicalUrl()); absent: that of the server holding it. */
  canonicalUrl?: string;
  createdAt: string;
  updatedAt: string;
}

export interface Seed {
  id: string;
  event?: string;
  title: string;
  body: string;
  author?: string;
  license: License;
  sourceUrl?: string;
  tags: string[];
  /**
   * The seed this one was replanted from: its lineage, possibly across events: an id on the same server, or
   * across sites the canonical URL of a seed on another (`https://…/api/seeds/ID`).
   */
  replantedFrom?: string;
  /** Its identity across sites, kept from the server that first held it (see canonicalUrl()); absent: that of the server holding it. */
  canonicalUrl?: string;
  createdAt: string;
  updatedAt: string;
}

/** A host event described as a record; its `id` is the slug side events and seeds name in `event`. */
export interface HostEvent {
  /** Chosen by its creator, in the shape of any id. */
  id: string;
  name: string;
  start?: string;
  end?: string;
  place?: string;
  placeId?: string;
  url?: string;
  description?: string;
  /** The umbrella event or series it belongs to (a festival's editions). */
  partOf?: string;
  /** Its identity across sites, kept from the server that first held it (see canonicalUrl()); absent: that of the server holding it. */
  canonicalUrl?: string;
  createdAt: string;
  updatedAt: string;
}

export interface Place {
  id: string;
  name: string;
  address?: string;
  /** Degrees; given together with `longitude`, or not at all. */
  latitude?: number;
  longitude?: number;
  url?: string;
  /** Its identity across sites, kept from the server that first held it (see canonicalUrl()); absent: that of the server holding it. */
  canonicalUrl?: string;
  createdAt: string;
  updatedAt: string;
}

export interface Organizer {
  id: string;
  name: string;
  url?: string;
  description?: string;
  /** Its identity across sites, kept from the server that first held it (see canonicalUrl()); absent: that of the server holding it. */
  canonicalUrl?: string;
  createdAt: string;
  updatedAt: string;
}

export interface RecordOf {
  'side-event': SideEvent;
  seed: Seed;
  event: HostEvent;
  place: Place;
  organizer: Organizer;
}

export type OffRecord = RecordOf[RecordKind];

type Stamps = 'id' | 'createdAt' | 'updatedAt';

/**
 * What a contributor sends: the record without its stamps; `id` only to update an existing record,
 * except for a host event, whose creator chooses its id (the slug).
 */
export type InputOf<K extends RecordKind> = Omit<RecordOf[K], Stamps | 'tags' | 'license'> &
  (K extends 'event' ? { id: string } : { id?: string }) &
  (K extends 'side-event' | 'seed' ? { tags?: string[] } : unknown) &
  (K extends 'seed' ? { license?: License } : unknown);

export const RECORD_KINDS: readonly RecordKind[] = ['side-event', 'seed', 'event', 'place', 'organizer'];

/** The plural naming each kind in the reference server's URLs (`/api/side-events`…). */
export const KIND_SEGMENTS: Record<RecordKind, string> = {
  'side-event': 'side-events',
  seed: 'seeds',
  event: 'events',
  place: 'places',
  organizer: 'organizers',
};

export function isRecordKind(value: unknown): value is RecordKind {
  return RECORD_KINDS.includes(value as RecordKind);
}

/** Kinds whose records belong to one host event (their `event` field); the others are shared across events. */
export type EventRecordKind = 'side-event' | 'seed';

export function isEventRecordKind(value: unknown): value is EventRecordKind {
  return value === 'side-event' || value === 'seed';
}

/** The host event a record belongs to: its own id for a host event, none for a place or an organizer. */
export function hostEventOf(kind: RecordKind, record: OffRecord): string | undefined {
  if (kind === 'event') return record.id;
  return 'event' in record ? record.event : undefined;
}

/** The name to show for a record: a title or a name. */
export function recordName(record: OffRecord): string {
  return 'title' in record ? record.title : record.name;
}
