import { catalogue } from '../shared/i18n.js';

export interface SeedCardStrings {
  loading: string;
  incomplete: string;
  author: string;
  event: string;
  created: string;
  license: string;
  source: string;
  tags: string;
  replantedFrom: string;
  lineage: string;
  lineageGap: string;
  thisSeed: string;
  actions: string;
  share: string;
  copy: string;
  shared: string;
  copied: string;
  copyByHand: string;
  replant: (event: string) => string;
  replanting: string;
  replanted: (event: string) => string;
  openReplanted: string;
  exportJson: string;
  notKept: string;
  offline: string;
}

export const strings = catalogue<SeedCardStrings>(
  {
    loading: 'Loading the seed…',
    incomplete: 'This seed cannot be shown: it is not a complete seed record.',
    author: 'Author',
    event: 'Planted at',
    created: 'Date',
    license: 'Licence',
    source: 'Source',
    tags: 'Tags',
    replantedFrom: 'Replanted from',
    lineage: 'Lineage across events',
    lineageGap: 'A seed missing or hidden',
    thisSeed: 'this seed',
    actions: 'Seed actions',
    share: 'Share the link',
    copy: 'Copy the link',
    shared: 'Link shared.',
    copied: 'Link copied.',
    copyByHand: 'Copy this link',
    replant: (event) => `Replant into ${event}`,
    replanting: 'Replanting…',
    replanted: (event) => `Replanted into ${event}.`,
    openReplanted: 'Open the replanted seed',
    exportJson: 'Export as JSON',
    notKept: 'This device cannot keep data: a seed replanted here is lost when the page reloads.',
    offline: 'You are offline: a seed replanted now is sent when the connection is back.',
  },
  async () => (await import('./off-seed-card.strings.fr.js')).fr,
);
