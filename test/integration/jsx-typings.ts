// Type checked by `npm run typecheck`, never run: 'off-layer/jsx' puts the four tags in the global JSX namespace (Preact, Solid).
import type {} from '../../src/jsx.js';

type Form = JSX.IntrinsicElements['off-contribute-form'];

export const validForm: Form = {
  event: 'g21',
  kind: 'seed',
  store: 'memory',
  lang: 'fr',
  'time-zone': 'Europe/Paris',
  'onoff-contributed': (event) => event.detail.record.title,
};

// @ts-expect-error: kind is 'side-event' or 'seed'
export const wrongKind: Form = { kind: 'bogus' };

// @ts-expect-error: not an attribute of the badge
export const unknownAttribute: JSX.IntrinsicElements['off-event-badge'] = { bogus: 'yes' };

export const wrongHandler: JSX.IntrinsicElements['off-side-event-board'] = {
  // @ts-expect-error: the board's event carries the filters, not a record
  'onoff-filter-change': (event) => event.detail.record,
};
