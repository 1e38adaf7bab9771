import type { BadgeStrings } from './off-event-badge.strings.js';

/** Loaded the first time an element speaks French (see `catalogue`). */
export const fr: BadgeStrings = {
  label: 'Les OFF de l’évènement',
  labelAround: (event) => `Les OFF de ${event}`,
  labelAt: (place) => `Les OFF à ${place}`,
  counting: 'Comptage des OFF…',
  zero: 'Aucun OFF pour le moment',
  count: { one: '{n} évènement OFF', other: '{n} évènements OFF' },
  open: 'Ouvrir la couche #OFF',
  qrLabel: (url) => `QR code vers ${url}`,
  download: 'Télécharger le QR code (SVG)',
  downloadFailed: 'Le fichier n’a pas pu être créé : vérifiez la connexion, puis réessayez.',
  tooLong: 'Adresse trop longue pour un QR code',
};
