import { catalogue } from '../shared/i18n.js';

export interface SeedBrowserStrings {
  heading: string;
  filterLabel: string;
  filterPlaceholder: string;
  tagLabel: string;
  anyTag: string;
  licenseLabel: string;
  anyLicense: string;
  eventLabel: string;
  anyEvent: string;
  count: { one: string; other: string };
  loading: string;
  retry: string;
  offline: string;
  /** Other servers read alongside the browser's store (`sources`) that do not answer: `servers` their names. */
  sourcesMissing: (servers: string) => string;
  /** On a seed read from another server. */
  fromServer: (server: string) => string;
  notKept: string;
  empty: string;
  noMatch: string;
  clearFilters: string;
  plantedAt: (event: string, date: string) => string;
  by: (author: string) => string;
  license: string;
  replant: (event: string) => string;
  replantLabel: (title: string, event: string) => string;
  replanting: string;
  replanted: (event: string) => string;
  replantedOne: (title: string, event: string) => string;
  showMore: (count: string, left: string) => string;
  showEarlier: (count: string) => string;
  showing: (from: string, to: string, total: string) => string;
  keysHint: string;
}

export const strings = catalogue<SeedBrowserStrings>(
  {
    heading: 'Seeds of every event',
    filterLabel: 'Search seeds',
    filterPlaceholder: 'Title, text, author, tag…',
    tagLabel: 'Tag',
    anyTag: 'Any tag',
    licenseLabel: 'Licence',
    anyLicense: 'Any licence',
    eventLabel: 'Planted at',
    anyEvent: 'Any event',
    count: { one: '{n} seed', other: '{n} seeds' },
    loading: 'Loading seeds…',
    retry: 'Try again',
    offline: 'You are offline: this list may be out of date, and a seed replanted now is sent when the connection is back.',
    sourcesMissing: (servers) => `No answer from ${servers} for now: its seeds are missing here.`,
    fromServer: (server) => `From ${server}`,
    notKept: 'This device cannot keep data: a seed replanted here is lost when the page reloads.',
    empty: 'No seeds yet: the seeds planted at any event will show here.',
    noMatch: 'No seed matches these filters.',
    clearFilters: 'Clear filters',
    plantedAt: (event, date) => `Planted at ${event}, ${date}`,
    by: (author) => `By ${author}`,
    license: 'Licence',
    replant: (event) => `Replant into ${event}`,
    replantLabel: (title, event) => `Replant into ${event}: ${title}`,
    replanting: 'Replanting…',
    replanted: (event) => `Replanted into ${event}.`,
    replantedOne: (title, event) => `“${title}” replanted into ${event}.`,
    showMore: (count, left) => `Show ${count} more (${left} left)`,
    showEarlier: (count) => `Show ${count} earlier`,
    showing: (from, to, total) => `Showing ${from}–${to} of ${total}`,
    keysHint: 'Arrow keys move between seeds, Home and End to the first and last.',
  },
  async () => (await import('./off-seed-browser.strings.fr.js')).fr,
);
