import { catalogue } from '../shared/i18n.js';

export interface BadgeStrings {
  label: string;
  /** The label once the host event, or the place, is described. */
  labelAround: (event: string) => string;
  labelAt: (place: string) => string;
  counting: string;
  zero: string;
  count: { one: string; other: string };
  open: string;
  qrLabel: (url: string) => string;
  download: string;
  downloadFailed: string;
  tooLong: string;
}

export const strings = catalogue<BadgeStrings>(
  {
    label: 'Side events around this event',
    labelAround: (event) => `Side events around ${event}`,
    labelAt: (place) => `Side events at ${place}`,
    counting: 'Counting side events…',
    zero: 'No side events yet',
    count: { one: '{n} side event', other: '{n} side events' },
    open: 'Open the #OFF layer',
    qrLabel: (url) => `QR code to ${url}`,
    download: 'Download the QR code (SVG)',
    downloadFailed: 'The file could not be made: check the connection, then try again.',
    tooLong: 'Address too long for a QR code',
  },
  async () => (await import('./off-event-badge.strings.fr.js')).fr,
);
