import type { FieldIssue } from '../../model/validate.js';
import type { OffStore, PutOptions } from '../../storage/store.js';
import { LiveListController } from '../shared/live-list-controller.js';
import { memoizeLast } from '../shared/memo.js';
import type { StoreHost } from '../shared/store-controller.js';
import type { FormValues } from './fields.js';
import type { FormChecks } from './form-checks-controller.js';
import { linkKnown, placeLabel, suggestionsOf, type Suggestions } from './known-records.js';
import { NEW_PLACE_FIELDS } from './new-place.js';

const EVERY_RECORD = {};

/**
 * A side event's place and organiser: the known places and organisers suggested as the person types (kept current
 * from the store), a typed value naming one linked to it (`placeId`, `organizerId`), and the "new place" fieldset,
 * whose place is created through the store before the side event.
 */
export class NetworkFieldsController {
  /** Whether the new place fieldset is shown. */
  newPlaceOpen = false;

  private readonly places: LiveListController<'place'>;
  private readonly organizers: LiveListController<'organizer'>;
  private readonly suggestionsOf = memoizeLast(suggestionsOf);

  constructor(private readonly host: StoreHost) {
    this.places = new LiveListController(host, 'place', () => EVERY_RECORD);
    this.organizers = new LiveListController(host, 'organizer', () => EVERY_RECORD);
  }

  get suggestions(): Suggestions {
    return this.suggestionsOf(this.places.records, this.organizers.records);
  }

  readonly toggleNewPlace = (): void => {
    this.newPlaceOpen = !this.newPlaceOpen;
    this.host.requestUpdate();
  };

  /** The new place's issues, checked with the side event's before anything is sent. */
  check(checks: FormChecks, values: FormValues): FieldIssue[] {
    return this.newPlaceOpen ? checks.checkNewPlace(values) : [];
  }

  /**
   * The side event to put, linked to the known records its fields name, or to the new place, created first. Once that
   * place exists, the fieldset closes and the place field names it (`onPlaceCreated`): if the side event is then refused,
   * sending again does not create the place twice, and nothing typed is lost.
   */
  async link(
    checks: FormChecks,
    store: OffStore,
    input: Record<string, unknown>,
    values: FormValues,
    options: PutOptions,
    onPlaceCreated: (values: FormValues) => void,
  ): Promise<Record<string, unknown>> {
    if (!this.newPlaceOpen) return linkKnown(input, this.places.records, this.organizers.records);
    const place = await checks.createNewPlace(store, values, options);
    this.newPlaceOpen = false;
    const kept: FormValues = { ...values, place: placeLabel(place) };
    for (const name of NEW_PLACE_FIELDS) delete kept[name];
    onPlaceCreated(kept);
    return { ...linkKnown(input, [], this.organizers.records), place: place.name, placeId: place.id };
  }
}
