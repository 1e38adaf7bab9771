// React 19 typings for the elements: `import type {} from 'off-layer/react'` once in the app.
/// <reference types="react" />
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { OffContributeForm } from './elements/off-contribute-form/off-contribute-form.js';
import type { OffEventBadge } from './elements/off-event-badge/off-event-badge.js';
import type { OffSeedBrowser } from './elements/off-seed-browser/off-seed-browser.js';
import type { OffSeedCard } from './elements/off-seed-card/off-seed-card.js';
import type { OffSideEventBoard } from './elements/off-side-event-board/off-side-event-board.js';
import type {
  OffContributeFormAttributes,
  OffEventBadgeAttributes,
  OffSeedBrowserAttributes,
  OffSeedCardAttributes,
  OffSideEventBoardAttributes,
} from './jsx.js';
import type { Seed } from './model/records.js';

/** What React accepts on any element (`key`, `ref` to the element's class, `children`, `style`, `aria-*`, `on*`), with ours where names meet. */
type ReactProps<E extends HTMLElement, A> = Omit<DetailedHTMLProps<HTMLAttributes<E>, E>, keyof A> & A;

/** React 19 sets `seed` as the card's property, which takes the record or its id. */
type OffSeedCardReactAttributes = Omit<OffSeedCardAttributes, 'seed'> & { seed?: Seed | string };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'off-event-badge': ReactProps<OffEventBadge, OffEventBadgeAttributes>;
      'off-side-event-board': ReactProps<OffSideEventBoard, OffSideEventBoardAttributes>;
      'off-seed-card': ReactProps<OffSeedCard, OffSeedCardReactAttributes>;
      'off-contribute-form': ReactProps<OffContributeForm, OffContributeFormAttributes>;
      'off-seed-browser': ReactProps<OffSeedBrowser, OffSeedBrowserAttributes>;
    }
  }
}
