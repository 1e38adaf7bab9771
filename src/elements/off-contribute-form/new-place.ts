import type { FieldIssue } from '../../model/validate.js';

/** The fields of the "new place" fieldset, named `newPlace.<field of the place record>`. */
export const NEW_PLACE_FIELDS = ['newPlace.name', 'newPlace.address', 'newPlace.latitude', 'newPlace.longitude', 'newPlace.url'] as const;
export type NewPlaceField = (typeof NEW_PLACE_FIELDS)[number];

const PREFIX = 'newPlace.';

/** "43,2965" (a French keyboard) or "43.2965" as a number; anything else as typed, for validation to refuse. */
function coordinate(text: string): number | string {
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) ? value : text;
}

/** The place record input from the fieldset's values: blank fields left out, coordinates as numbers. */
export function newPlaceInput(values: Partial<Record<string, string>>): Record<string, unknown> {
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
export function onFieldset(issues: FieldIssue[]): FieldIssue[] {
  return issues.map(({ field, code, ...rest }) => ({
    ...rest,
    field: `${PREFIX}${field || 'name'}`,
    code: code === 'wrong-type' && (field === 'latitude' || field === 'longitude') ? 'out-of-range' : code,
  }));
}
