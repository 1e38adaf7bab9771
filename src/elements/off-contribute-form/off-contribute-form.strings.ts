import type { EventRecordKind } from '../../model/records.js';
import { catalogue } from '../shared/i18n.js';
import type { FieldName } from './fields.js';

interface KindStrings {
  heading: string;
  submit: string;
  thanks: (title: string) => string;
  another: string;
}

export interface ContributeFormStrings {
  kinds: Record<EventRecordKind, KindStrings>;
  labels: Record<FieldName, string>;
  requiredNote: string;
  hints: {
    tags: string;
    url: string;
    timeZone: (zone: string) => string;
    suggestions: string;
  };
  /** The button that reveals the new place fieldset, and the fieldset's legend. */
  newPlace: string;
  newPlaceLegend: string;
  honeypot: string;
  sending: string;
  confirmSubmit: string;
  tooFast: string;
  /** The form's validation could not be loaded (bad Wi-Fi): nothing was sent, what is typed stays. */
  unchecked: string;
  pendingNow: string;
  pendingCount: { one: string; other: string };
  refusedCount: { one: string; other: string };
  putBack: string;
  putBackLabel: (title: string) => string;
  replaceTyped: (title: string) => string;
  offline: string;
  notPersistent: string;
  editRightsNotKept: string;
  sentLater: (title: string) => string;
}

export const STRINGS = catalogue<ContributeFormStrings>(
  {
    kinds: {
      'side-event': {
        heading: 'Add your #OFF',
        submit: 'Add my side event',
        thanks: (title) => `Thank you! “${title}” has been added.`,
        another: 'Add another side event',
      },
      seed: {
        heading: 'Plant a seed',
        submit: 'Share my seed',
        thanks: (title) => `Thank you! “${title}” has been shared.`,
        another: 'Plant another seed',
      },
    },
    labels: {
      title: 'Title',
      description: 'Description',
      start: 'Starts',
      end: 'Ends',
      place: 'Place',
      url: 'Web page',
      organizer: 'Organised by',
      tags: 'Tags',
      body: 'Text',
      author: 'Author',
      license: 'Licence',
      sourceUrl: 'Source (web address)',
      'newPlace.name': 'Name of the place',
      'newPlace.address': 'Address',
      'newPlace.latitude': 'Latitude (for the map)',
      'newPlace.longitude': 'Longitude (for the map)',
      'newPlace.url': 'Web page of the place',
    },
    requiredNote: 'Fields marked with * are required.',
    hints: {
      tags: 'Separated by commas, for example: food, music',
      url: 'A full address, such as https://example.org',
      timeZone: (zone) => `Local time of the event (${zone}).`,
      suggestions: 'Those already known are suggested as you type; anything else may be written freely.',
    },
    newPlace: 'Add a new place',
    newPlaceLegend: 'New place',
    honeypot: 'Leave this field empty',
    sending: 'Sending…',
    confirmSubmit: 'Confirm and send',
    tooFast: 'Almost there: check what you entered, then press the button again.',
    unchecked: 'Your contribution could not be checked: the connection seems to be down. Nothing typed is lost; press the button again to retry.',
    pendingNow: 'Saved on this device, will be sent when you are back online.',
    pendingCount: {
      one: '{n} contribution saved on this device, will be sent when you are back online.',
      other: '{n} contributions saved on this device, will be sent when you are back online.',
    },
    refusedCount: {
      one: '{n} saved contribution was refused and is kept on this device:',
      other: '{n} saved contributions were refused and are kept on this device:',
    },
    putBack: 'Put it back in the form',
    putBackLabel: (title) => `Put it back in the form: ${title}`,
    replaceTyped: (title) => `Replace what you are typing with “${title}”? It will be lost.`,
    offline: 'You are offline. What you add is kept on this device and sent when you are back online.',
    notPersistent: 'This browser does not keep data for this site: what you add here is lost when you close the page.',
    editRightsNotKept: 'What you added is online, but this device could not keep the right to change it: you can edit or delete it only until you leave this page.',
    sentLater: (title) => `“${title}” has been sent.`,
  },
  async () => (await import('./off-contribute-form.strings.fr.js')).fr,
);
