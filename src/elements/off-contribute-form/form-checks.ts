import type { EventRecordKind, Place } from '../../model/records.js';
import { validate, type FieldIssue, type Validation } from '../../model/validate.js';
import type { OffStore, PutOptions } from '../../storage/store.js';
import { ValidationError } from '../../storage/validation-error.js';
import { toInput, type FormValues } from './fields.js';
import { newPlaceInput, onFieldset } from './new-place.js';

// What the form needs once a person sends, in a chunk of its own (valibot, the model's rules, the field messages):
// loaded on their first focus in the form (form-checks-controller.ts), so a page only read never downloads it.

export { issueMessage } from '../../model/field-messages.js';
export { ValidationError };

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
