import type { Catalogue } from '../shared/i18n.js';

export interface BadgeStrings {
  label: string;
  counting: string;
  zero: string;
  count: { one: string; other: string };
  open: string;
  qrLabel: (url: string) => string;
  download: string;
  tooLong: string;
}

export const strings: Catalogue<BadgeStrings> = {
  en: {
    label: 'Side events around this event',
    counting: 'Counting side events…',
    zero: 'No side events yet',
    count: { one: '{n} side event', other: '{n} side events' },
    open: 'Open the #OFF layer',
    qrLabel: (url) => `QR code to ${url}`,
    download: 'Download the QR code (SVG)',
    tooLong: 'Address too long for a QR code',
  },
  fr: {
    label: 'Les OFF de l’évènement',
    counting: 'Comptage des OFF…',
    zero: 'Aucun OFF pour le moment',
    count: { one: '{n} évènement OFF', other: '{n} évènements OFF' },
    open: 'Ouvrir la couche #OFF',
    qrLabel: (url) => `QR code vers ${url}`,
    download: 'Télécharger le QR code (SVG)',
    tooLong: 'Adresse trop longue pour un QR code',
  },
};
