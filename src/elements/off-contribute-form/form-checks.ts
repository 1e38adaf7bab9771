import { localToIso } from '../../model/local-time.js';
import type { EventRecordKind, Place } from '../../model/records.js';
import { validate, type FieldIssue, type Validation } from '../../model/validate.js';
import type { OffStore, PutOptions } from '../../storage/store.js';
import { ValidationError } from '../../storage/validation-error.js';
import { FIELDS, splitTags, type FormValues } from './fields.js';
import { NEW_PLACE_FIELDS } from './new-place.js';

// What the form needs once a person types and sends, in a chunk of its own (valibot, the model's rules, the field
// messages, the known places and organisers): loaded on their first focus in the form (form-checks-controller.ts), so
// a page only read never downloads it.

export { issueMessage } from '../../model/field-messages.js';
export { ValidationError };
// Suggesting and linking the known places and organisers, which the person needs only as they type too.
export { KnownRecords, placeLabel } from './known-records.js';

/**
 * The record input for validation and `store.put`: blank fields are left out
 * (so a missing title reads "required"), tags split, date-times given their offset.
 */
function toInput(kind: EventRecordKind, event: string, values: FormValues, timeZone?: string): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  if (event || kind === 'side-event') input.event = event;
  for (const { name, type } of FIELDS[kind]) {
    const value = values[name]?.trim();
    if (!value) continue;
    if (name === 'tags') input.tags = splitTags(value);
    else input[name] = type === 'datetime-local' ? localToIso(value, timeZone) : value;
  }
  return input;
}

const PREFIX = 'newPlace.';

/** "43,2965" (a French keyboard) or "43.2965" as a number; anything else as typed, for validation to refuse. */
function coordinate(text: string): number | string {
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) ? value : text;
}

/** The place record input from the fieldset's values: blank fields left out, coordinates as numbers. */
function newPlaceInput(values: Partial<Record<string, string>>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const name of NEW_PLACE_FIELDS) {
    const value = values[name]?.trim();
    if (!value) continue;
    const field = name.slice(PREFIX.length);
    input[field] = field === 'latitude' || field === 'longitude' ? coordinate(value) : value;
  }
  return input;
}

/** A place record's issues on the fieldset's controls; a coordinate that is no number reads as out of range, which says what is expected. */
function onFieldset(issues: FieldIssue[]): FieldIssue[] {
  return issues.map(({ field, code, ...rest }) => ({
    ...rest,
    field: `${PREFIX}${field || 'name'}`,
    code: code === 'wrong-type' && (field === 'latitude' || field === 'longitude') ? 'out-of-range' : code,
  }));
}

/**
 * What the form holds, validated by the model. A date typed without its time reads as empty (the control's value is ''):
 * it would be called "required", or an end dropped without a word; `controls` tell it apart.
 */
export function validateForm(
  kind: EventRecordKind,
  event: string,
  values: FormValues,
  timeZone: string,
  controls: Iterable<HTMLInputElement>,
): Validation<EventRecordKind> {
  const result = validate(kind, toInput(kind, event, values, timeZone || undefined));
  const halfTyped = [...controls]
    .filter((input) => input.validity.badInput)
    .map(({ name }): FieldIssue => ({ field: name, code: 'invalid-datetime' }));
  if (result.ok && !halfTyped.length) return result;
  return { ok: false, issues: [...halfTyped, ...(result.ok ? [] : result.issues)] };
}

/** The new place fieldset's issues, checked with the side event's before anything is sent. */
export function checkNewPlace(values: FormValues): FieldIssue[] {
  const result = validate('place', newPlaceInput(values));
  return result.ok ? [] : onFieldset(result.issues);
}

/** Creates the place typed in the fieldset, through the store; a refusal comes back as a ValidationError on the fieldset's controls. */
export async function createNewPlace(store: OffStore, values: FormValues, options: PutOptions): Promise<Place> {
  try {
    return await store.put('place', newPlaceInput(values), options);
  } catch (error) {
    throw error instanceof ValidationError ? new ValidationError(onFieldset(error.issues)) : error;
  }
}
