import { defineElement } from '../shared/define.js';
import { OffSeedCard } from './off-seed-card.js';

defineElement('off-seed-card', OffSeedCard);

declare global {
  interface HTMLElementTagNameMap {
    'off-seed-card': OffSeedCard;
  }
}
