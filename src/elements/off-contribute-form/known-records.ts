import type { Organizer, Place } from '../../model/records.js';
import { LiveListController } from '../shared/live-list-controller.js';
import { memoizeLast } from '../shared/memo.js';
import type { StoreHost } from '../shared/store-controller.js';

/** "Café du Port — 1 quai du Port, Marseille": how a known place is suggested, told apart from another of the same name. */
export function placeLabel({ name, address }: Place): string {
  return address ? `${name} — ${address}` : name;
}

const organizerLabel = ({ name }: Organizer): string => name;

/** The record a typed value names: the one it is the label of, else the only one of that name. */
function named<T extends Place | Organizer>(records: readonly T[], label: (record: T) => string, typed: unknown): T | undefined {
  if (typeof typed !== 'string') return undefined;
  const only = (matches: T[]) => (matches.length === 1 ? matches[0] : undefined);
  return only(records.filter((record) => label(record) === typed)) ?? only(records.filter((record) => record.name === typed));
}

/** What the form's place and organiser fields suggest: the labels of the records already known. */
export interface Suggestions {
  place: string[];
  organizer: string[];
}

function suggestionsOf(places: readonly Place[], organizers: readonly Organizer[]): Suggestions {
  return { place: places.map(placeLabel), organizer: organizers.map(organizerLabel) };
}

/**
 * The side event input linked to the known records its place and organiser fields name (`placeId`, `organizerId`),
 * their text replaced by the record's name; anything else typed stays free text, as before.
 */
function linkKnown(input: Record<string, unknown>, places: readonly Place[], organizers: readonly Organizer[]): Record<string, unknown> {
  const linked = { ...input };
  const place = named(places, placeLabel, input.place);
  if (place) Object.assign(linked, { place: place.name, placeId: place.id });
  const organizer = named(organizers, organizerLabel, input.organizer);
  if (organizer) Object.assign(linked, { organizer: organizer.name, organizerId: organizer.id });
  return linked;
}

const EVERY_RECORD = {};

/** The places and organisers of the form's store, kept current from its change feed, for suggesting and linking. */
export class KnownRecords {
  private readonly places: LiveListController<'place'>;
  private readonly organizers: LiveListController<'organizer'>;
  private readonly suggestionsOf = memoizeLast(suggestionsOf);

  constructor(host: StoreHost) {
    this.places = new LiveListController(host, 'place', () => EVERY_RECORD);
    this.organizers = new LiveListController(host, 'organizer', () => EVERY_RECORD);
  }

  get suggestions(): Suggestions {
    return this.suggestionsOf(this.places.records, this.organizers.records);
  }

  /** `input` linked to the known records its fields name; to its organiser only once its place is a new one. */
  link(input: Record<string, unknown>, { newPlace = false } = {}): Record<string, unknown> {
    return linkKnown(input, newPlace ? [] : this.places.records, this.organizers.records);
  }
}
