import type { Lang } from './lang.js';

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

export type StorageErrorCode = 'validation' | 'not-found' | 'unavailable' | 'quota' | 'conflict' | 'forbidden' | 'rate-limited';

const STORAGE_MESSAGES: Record<Lang, Record<StorageErrorCode, string>> = {
  en: {
    validation: 'Some fields need your attention.',
    'not-found': 'This record does not exist (any more).',
    unavailable: 'Storage is unavailable right now.',
    quota: 'This device is out of storage space.',
    conflict: 'This record was changed elsewhere.',
    forbidden: 'You are not allowed to change this record.',
    'rate-limited': 'Too many contributions at once; please wait a moment.',
  },
  fr: {
    validation: 'Certains champs demandent votre attention.',
    'not-found': "Cet élément n'existe pas (ou plus).",
    unavailable: "Le stockage n'est pas disponible pour le moment.",
    quota: "Cet appareil n'a plus d'espace de stockage.",
    conflict: 'Cet élément a été modifié ailleurs.',
    forbidden: "Vous n'avez pas le droit de modifier cet élément.",
    'rate-limited': 'Trop de contributions à la fois ; patientez un instant.',
  },
};

export function storageMessage(code: StorageErrorCode, lang: Lang): string {
  return STORAGE_MESSAGES[lang][code];
}
