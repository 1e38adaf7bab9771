import type { FieldIssue } from '../../model/validate.js';
import type { OffStore, PutOptions } from '../../storage/store.js';
import type { StoreHost } from '../shared/store-controller.js';
import type { FormValues } from './fields.js';
import type { FormChecks } from './form-checks-controller.js';
import type { KnownRecords, Suggestions } from './known-records.js';
import { NEW_PLACE_FIELDS } from './new-place.js';

const NO_SUGGESTIONS: Suggestions = { place: [], organizer: [] };

/**
 * A side event's place and organiser: the known places and organisers suggested as the person types (kept current
 * from the store), a typed value naming one linked to it (`placeId`, `organizerId`), and the "new place" fieldset,
 * whose place is created through the store before the side event. The known records are read once the form's checks
 * have come, on the first focus in a side event's form: a visitor who only reads the page costs the server no list of them.
 */
export class NetworkFieldsController {
  /** Whether the new place fieldset is shown. */
  newPlaceOpen = false;

  private known?: KnownRecords;

  constructor(private readonly host: StoreHost) {}

  /** Starts following the known places and organisers, with the checks' code (`KnownRecords`). */
  follow(checks: FormChecks): KnownRecords {
    return (this.known ??= new checks.KnownRecords(this.host));
  }

  get suggestions(): Suggestions {
    return this.known?.suggestions ?? NO_SUGGESTIONS;
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
    const known = this.follow(checks);
    if (!this.newPlaceOpen) return known.link(input);
    const place = await checks.createNewPlace(store, values, options);
    this.newPlaceOpen = false;
    const kept: FormValues = { ...values, place: checks.placeLabel(place) };
    for (const name of NEW_PLACE_FIELDS) delete kept[name];
    onPlaceCreated(kept);
    return { ...known.link(input, { newPlace: true }), place: place.name, placeId: place.id };
  }
}
