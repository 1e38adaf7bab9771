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
  /** A latitude or longitude outside its range. */
  | 'out-of-range'
  /** A latitude without a longitude, or the reverse. */
  | 'coordinates-pair'
  /** `placeId` names no place record. */
  | 'unknown-place'
  /** `organizerId` names no organizer record. */
  | 'unknown-organizer'
  /** `replantedFrom` would make a seed its own ancestor. */
  | 'lineage-cycle'
  /** `partOf` would make a host event part of itself. */
  | 'part-of-cycle'
  /** A host event with this id was already described. */
  | 'taken'
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
    'out-of-range': () => 'Latitude goes from -90 to 90, longitude from -180 to 180.',
    'coordinates-pair': () => 'Give both latitude and longitude, or neither.',
    'unknown-place': () => 'This place does not exist: choose one from the list or add it first.',
    'unknown-organizer': () => 'This organizer does not exist: choose one from the list or add it first.',
    'lineage-cycle': () => 'A seed cannot be replanted from one of its own descendants.',
    'part-of-cycle': () => 'An event cannot be part of itself or of one of its own parts.',
    taken: () => 'This identifier is already used by another event.',
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
    'out-of-range': () => 'La latitude va de -90 à 90, la longitude de -180 à 180.',
    'coordinates-pair': () => 'Indiquez la latitude et la longitude, ou aucune des deux.',
    'unknown-place': () => "Ce lieu n'existe pas : choisissez-en un dans la liste ou ajoutez-le d'abord.",
    'unknown-organizer': () => "Cet organisateur n'existe pas : choisissez-en un dans la liste ou ajoutez-le d'abord.",
    'lineage-cycle': () => "Une graine ne peut pas être replantée depuis l'une de ses descendantes.",
    'part-of-cycle': () => "Un événement ne peut pas faire partie de lui-même ni de l'une de ses parties.",
    taken: () => "Cet identifiant est déjà celui d'un autre événement.",
    mismatch: () => "Cette valeur ne correspond pas à l'adresse où elle a été envoyée.",
  },
};

export function fieldMessage(code: FieldCode, lang: Lang, limit?: number): string {
  return FIELD_MESSAGES[lang][code](limit);
}

export function issueMessage(issue: FieldIssue, lang: Lang): string {
  return fieldMessage(issue.code, lang, issue.limit);
}
