// Typings for JSX users (Preact, Solid, any global JSX namespace): `import type {} from 'off-layer/jsx'`. React 19: 'off-layer/react'.
import type { OffContributedEvent, OffFilterChangeEvent, OffReplantedEvent } from './elements/shared/events.js';

/** What every element accepts. */
interface OffCommonAttributes {
  /** `idb` (default), `memory`, or a reference server's base URL. */
  store?: string;
  lang?: 'fr' | 'en' | (string & {});
  theme?: 'light' | 'dark';
  id?: string;
  class?: string;
  className?: string;
  hidden?: boolean;
}

export interface OffEventBadgeAttributes extends OffCommonAttributes {
  event?: string;
  href?: string;
  label?: string;
}

export interface OffSideEventBoardAttributes extends OffCommonAttributes {
  event?: string;
  label?: string;
  'heading-level'?: number;
  'contribute-href'?: string;
  'onoff-filter-change'?: (event: OffFilterChangeEvent) => void;
}

export interface OffSeedCardAttributes extends OffCommonAttributes {
  seed?: string;
  'replant-event'?: string;
  'seed-href'?: string;
  'heading-level'?: number;
  'onoff-replanted'?: (event: OffReplantedEvent) => void;
}

export interface OffSeedBrowserAttributes extends OffCommonAttributes {
  event?: string;
  label?: string;
  'heading-level'?: number;
  'onoff-replanted'?: (event: OffReplantedEvent) => void;
}

export interface OffContributeFormAttributes extends OffCommonAttributes {
  event?: string;
  kind?: 'side-event' | 'seed';
  label?: string;
  'heading-level'?: number;
  'time-zone'?: string;
  'min-fill-ms'?: number;
  'onoff-contributed'?: (event: OffContributedEvent) => void;
}

/** Tag name to attributes, for any JSX flavour. */
export interface OffIntrinsicElements {
  'off-event-badge': OffEventBadgeAttributes;
  'off-side-event-board': OffSideEventBoardAttributes;
  'off-seed-card': OffSeedCardAttributes;
  'off-contribute-form': OffContributeFormAttributes;
  'off-seed-browser': OffSeedBrowserAttributes;
}

declare global {
  namespace JSX {
    interface IntrinsicElements extends OffIntrinsicElements {}
  }
}
