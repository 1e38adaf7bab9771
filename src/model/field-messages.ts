import type { Lang } from './lang.js';
import type { FieldIssue } from './validate.js';

// Apart from the storage messages: only pages that write (and so validate) need these.

/** Why a field was refused. The UI shows `fieldMessage(code, lang, limit)`. */
export type FieldCode =
  | 'required'
  | 'wrong-type'
  | 'too-long'
  | 'too-many'
  | 'invalid-id'
  | 'invalid-url'
  | 'unsafe-url'
  | 'invalid-datetime'
  | 'end-before-start'
  | 'unknown-license'
  /** Differs from the event or id named in the request's address. */
  | 'mismatch';

type Catalogue = Record<FieldCode, (limit?: number) => string>;

const FIELD_MESSAGES: Record<Lang, Catalogue> = {
  en: {
    required: () => 'This field is required.',
    'wrong-type': () => 'This value has the wrong type.',
    'too-long': (limit) => `At most ${limit} characters.`,
    'too-many': (limit) => `At most ${limit} items.`,
    'invalid-id': () => 'Use letters, digits, dots, dashes or underscores (64 at most).',
    'invalid-url': () => 'Enter a full web address, such as https://example.org.',
    'unsafe-url': () => 'Only http:// and https:// addresses are accepted.',
    'invalid-datetime': () => 'Enter a valid date and time.',
    'end-before-start': () => 'The end cannot be before the start.',
    'unknown-license': () => 'Choose CC0-1.0, CC-BY-4.0 or CC-BY-SA-4.0.',
    mismatch: () => 'This value does not match the address it was sent to.',
  },
  fr: {
    required: () => 'Ce champ est obligatoire.',
    'wrong-type': () => "Cette valeur n'a pas le bon type.",
    'too-long': (limit) => `${limit} caractères au plus.`,
    'too-many': (limit) => `${limit} éléments au plus.`,
    'invalid-id': () => 'Lettres, chiffres, points, tirets ou soulignés (64 au plus).',
    'invalid-url': () => 'Saisissez une adresse web complète, comme https://example.org.',
    'unsafe-url': () => 'Seules les adresses http:// et https:// sont acceptées.',
    'invalid-datetime': () => 'Saisissez une date et une heure valides.',
    'end-before-start': () => 'La fin ne peut pas précéder le début.',
    'unknown-license': () => 'Choisissez CC0-1.0, CC-BY-4.0 ou CC-BY-SA-4.0.',
    mismatch: () => "Cette valeur ne correspond pas à l'adresse où elle a été envoyée.",
  },
};

export function fieldMessage(code: FieldCode, lang: Lang, limit?: number): string {
  return FIELD_MESSAGES[lang][code](limit);
}

export function issueMessage(issue: FieldIssue, lang: Lang): string {
  return fieldMessage(issue.code, lang, issue.limit);
}
