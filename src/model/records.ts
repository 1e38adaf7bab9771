export type RecordKind = 'side-event' | 'seed';

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
  place?: string;
  url?: string;
  organizer?: string;
  tags: string[];
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
  replantedFrom?: string;
  createdAt: string;
  updatedAt: string;
}

export interface RecordOf {
  'side-event': SideEvent;
  seed: Seed;
}

export type OffRecord = SideEvent | Seed;

type Stamps = 'id' | 'createdAt' | 'updatedAt';

/** What a contributor sends: the record without its stamps; `id` only to update an existing record. */
export type InputOf<K extends RecordKind> = Omit<RecordOf[K], Stamps | 'tags' | 'license'> & {
  id?: string;
  tags?: string[];
} & (K extends 'seed' ? { license?: License } : unknown);

export const RECORD_KINDS: readonly RecordKind[] = ['side-event', 'seed'];

export function isRecordKind(value: unknown): value is RecordKind {
  return RECORD_KINDS.includes(value as RecordKind);
}
