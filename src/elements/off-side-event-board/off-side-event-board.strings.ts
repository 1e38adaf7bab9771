import { catalogue } from '../shared/i18n.js';

export interface BoardStrings {
  heading: string;
  /** The default heading once the host event, place or organiser shown is described. */
  headingAround: (event: string) => string;
  headingAt: (place: string) => string;
  headingBy: (organizer: string) => string;
  /** On a side event of a board across events: the host event it belongs to. */
  partOf: (event: string) => string;
  onMap: string;
  onMapLabel: (place: string) => string;
  website: string;
  websiteLabel: (organizer: string) => string;
  filterLabel: string;
  filterPlaceholder: string;
  dayLabel: string;
  allDays: string;
  count: { one: string; other: string };
  loading: string;
  retry: string;
  notKept: string;
  offline: string;
  /** Other servers read alongside the board's store (`sources`) that do not answer: `servers` their names. */
  sourcesMissing: (servers: string) => string;
  /** On a side event read from another server. */
  fromServer: (server: string) => string;
  emptyTitle: string;
  emptyText: string;
  contribute: string;
  noMatch: (query: string) => string;
  clearFilters: string;
  by: (organizer: string) => string;
  moreInfo: string;
  moreInfoLabel: (title: string) => string;
  addToCalendar: string;
  addToCalendarLabel: (title: string) => string;
  calendarUnavailable: string;
  addAllToCalendar: string;
  expand: string;
  collapse: string;
  showMore: (count: string, left: string) => string;
  showEarlier: (count: string) => string;
  showing: (from: string, to: string, total: string) => string;
  keysHint: string;
  added: { one: string; other: string };
  addedOne: (title: string) => string;
  calendarName: (event: string) => string;
}

export const strings = catalogue<BoardStrings>(
  {
    heading: 'Side events #OFF',
    headingAround: (event) => `Side events #OFF around ${event}`,
    headingAt: (place) => `Side events #OFF at ${place}`,
    headingBy: (organizer) => `Side events #OFF by ${organizer}`,
    partOf: (event) => `Part of ${event}`,
    onMap: 'Map',
    onMapLabel: (place) => `Map of ${place} (OpenStreetMap)`,
    website: 'Website',
    websiteLabel: (organizer) => `Website of ${organizer}`,
    filterLabel: 'Search side events',
    filterPlaceholder: 'Title, place, organiser, tag…',
    dayLabel: 'Day',
    allDays: 'All days',
    count: { one: '{n} side event', other: '{n} side events' },
    loading: 'Loading side events…',
    retry: 'Try again',
    notKept: 'Side events added here are not kept on this device: they disappear when the page is closed.',
    offline: 'You are offline: this list may be out of date.',
    sourcesMissing: (servers) => `No answer from ${servers} for now: its side events are missing here.`,
    fromServer: (server) => `From ${server}`,
    emptyTitle: 'No side events yet.',
    emptyText: 'Organising a breakfast, a walk, a workshop around the event? Add yours: the door is open.',
    contribute: 'Add your side event',
    noMatch: (query) => (query ? `No side event matches “${query}”.` : 'No side event on this day.'),
    clearFilters: 'Clear filters',
    by: (organizer) => `By ${organizer}`,
    moreInfo: 'More info',
    moreInfoLabel: (title) => `More info: ${title}`,
    addToCalendar: 'Add to calendar',
    addToCalendarLabel: (title) => `Add to calendar: ${title}`,
    calendarUnavailable: 'The calendar file could not be made: check the connection, then try again.',
    addAllToCalendar: 'Add all to calendar',
    expand: 'Read more',
    collapse: 'Read less',
    showMore: (count, left) => `Show ${count} more (${left} left)`,
    showEarlier: (count) => `Show ${count} earlier`,
    showing: (from, to, total) => `Showing ${from}–${to} of ${total}`,
    keysHint: 'Arrow keys move between side events, Home and End to the first and last.',
    added: { one: '{n} new side event', other: '{n} new side events' },
    addedOne: (title) => `New side event: ${title}`,
    calendarName: (event) => `#OFF ${event}`,
  },
  async () => (await import('./off-side-event-board.strings.fr.js')).fr,
);
