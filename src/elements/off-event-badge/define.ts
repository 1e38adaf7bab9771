import { defineElement } from '../shared/define.js';
import { OffEventBadge } from './off-event-badge.js';

defineElement('off-event-badge', OffEventBadge);

declare global {
  interface HTMLElementTagNameMap {
    'off-event-badge': OffEventBadge;
  }
}
