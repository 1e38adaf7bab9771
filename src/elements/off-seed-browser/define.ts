import { defineElement } from '../shared/define.js';
import { OffSeedBrowser } from './off-seed-browser.js';

defineElement('off-seed-browser', OffSeedBrowser);

declare global {
  interface HTMLElementTagNameMap {
    'off-seed-browser': OffSeedBrowser;
  }
}
