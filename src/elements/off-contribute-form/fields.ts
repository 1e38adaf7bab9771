import { DEFAULT_LICENSE, type EventRecordKind } from '../../model/records.js';
import type { NewPlaceField } from './new-place.js';

export type FieldName =
  | 'title'
  | 'description'
  | 'start'
  | 'end'
  | 'place'
  | 'url'
  | 'organizer'
  | 'tags'
  | 'body'
  | 'author'
  | 'license'
  | 'sourceUrl'
  | NewPlaceField;

/**
 * One native control, named after the record field it fills. No `maxlength`: it cuts pasted text without a word;
 * validation says, next to the field, how long it may be.
 */
export interface FieldSpec {
  name: FieldName;
  control: 'input' | 'textarea' | 'select';
  type?: 'text' | 'url' | 'datetime-local';
  required?: boolean;
  autocomplete: string;
  inputmode?: 'text' | 'url' | 'decimal';
  /** Extra help shown under the label and linked with aria-describedby. */
  hint?: 'tags' | 'time-zone' | 'url' | 'suggestions';
  /** The known records suggested as the person types (a `<datalist>`). */
  suggestions?: 'place' | 'organizer';
}

const title: FieldSpec = { name: 'title', control: 'input', type: 'text', required: true, autocomplete: 'off' };
const webAddress = (name: 'url' | 'sourceUrl' | 'newPlace.url'): FieldSpec => ({
  name,
  control: 'input',
  type: 'url',
  // "url" in autocomplete means the person's own home page, which this is not.
  autocomplete: 'off',
  inputmode: 'url',
  hint: 'url',
});
const tags: FieldSpec = { name: 'tags', control: 'input', type: 'text', autocomplete: 'off', hint: 'tags' };

export const FIELDS: Readonly<Record<EventRecordKind, readonly FieldSpec[]>> = {
  'side-event': [
    title,
    { name: 'description', control: 'textarea', autocomplete: 'off' },
    { name: 'start', control: 'input', type: 'datetime-local', required: true, autocomplete: 'off', hint: 'time-zone' },
    { name: 'end', control: 'input', type: 'datetime-local', autocomplete: 'off', hint: 'time-zone' },
    { name: 'place', control: 'input', type: 'text', autocomplete: 'off', hint: 'suggestions', suggestions: 'place' },
    webAddress('url'),
    { name: 'organizer', control: 'input', type: 'text', autocomplete: 'organization', hint: 'suggestions', suggestions: 'organizer' },
    tags,
  ],
  seed: [
    title,
    { name: 'body', control: 'textarea', required: true, autocomplete: 'off' },
    { name: 'author', control: 'input', type: 'text', autocomplete: 'name' },
    { name: 'license', control: 'select', autocomplete: 'off' },
    webAddress('sourceUrl'),
    tags,
  ],
};

const coordinate = (name: 'newPlace.latitude' | 'newPlace.longitude'): FieldSpec => ({ name, control: 'input', type: 'text', autocomplete: 'off', inputmode: 'decimal' });

/** The "new place" fieldset under a side event's place: a place record, created before the side event. */
export const NEW_PLACE_SPECS: readonly FieldSpec[] = [
  { name: 'newPlace.name', control: 'input', type: 'text', required: true, autocomplete: 'off' },
  { name: 'newPlace.address', control: 'input', type: 'text', autocomplete: 'off' },
  coordinate('newPlace.latitude'),
  coordinate('newPlace.longitude'),
  webAddress('newPlace.url'),
];

/** What the controls hold, as typed: the draft is exactly this. */
export type FormValues = Partial<Record<FieldName, string>>;

export function emptyValues(kind: EventRecordKind): FormValues {
  return kind === 'seed' ? { license: DEFAULT_LICENSE } : {};
}

/** "#commons, breakfast ,, food" → ["#commons", "breakfast", "food"]; the model trims and drops the "#". */
export function splitTags(text: string): string[] {
  return text
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
}


/**
 * The controls' values for a record input (`toInput`'s inverse): a refused contribution put back in the form.
 * A date-time written with its offset starts with its wall clock, which is what the control shows.
 */
export function toValues(kind: EventRecordKind, input: Record<string, unknown>): FormValues {
  const values = emptyValues(kind);
  for (const { name, type } of FIELDS[kind]) {
    const value = input[name];
    if (Array.isArray(value)) values[name] = value.join(', ');
    else if (typeof value === 'string') values[name] = type === 'datetime-local' ? value.slice(0, 16) : value;
  }
  return values;
}

/** True when nothing was typed beyond the defaults. */
export function isBlank(kind: EventRecordKind, values: FormValues): boolean {
  const defaults = emptyValues(kind);
  return FIELDS[kind].every(({ name }) => (values[name] ?? '') === (defaults[name] ?? ''));
}
