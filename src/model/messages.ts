import type { Lang } from './lang.js';

export type StorageErrorCode = 'validation' | 'not-found' | 'unavailable' | 'quota' | 'conflict' | 'forbidden' | 'rate-limited' | 'too-fast';

const STORAGE_MESSAGES: Record<Lang, Record<StorageErrorCode, string>> = {
  en: {
    validation: 'Some fields need your attention.',
    'not-found': 'This record does not exist (any more).',
    unavailable: 'Storage is unavailable right now.',
    quota: 'This device is out of storage space.',
    conflict: 'This record was changed elsewhere.',
    forbidden: 'You are not allowed to change this record.',
    'rate-limited': 'Too many contributions at once; please wait a moment.',
    'too-fast': 'Sent too fast; please send it again.',
  },
  fr: {
    validation: 'Certains champs demandent votre attention.',
    'not-found': "Cet élément n'existe pas (ou plus).",
    unavailable: "Le stockage n'est pas disponible pour le moment.",
    quota: "Cet appareil n'a plus d'espace de stockage.",
    conflict: 'Cet élément a été modifié ailleurs.',
    forbidden: "Vous n'avez pas le droit de modifier cet élément.",
    'rate-limited': 'Trop de contributions à la fois ; patientez un instant.',
    'too-fast': 'Envoyé trop vite ; renvoyez-le.',
  },
};

export function storageMessage(code: StorageErrorCode, lang: Lang): string {
  return STORAGE_MESSAGES[lang][code];
}
