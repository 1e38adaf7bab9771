import { defineElement } from '../shared/define.js';
import { OffSideEventBoard } from './off-side-event-board.js';

defineElement('off-side-event-board', OffSideEventBoard);

declare global {
  interface HTMLElementTagNameMap {
    'off-side-event-board': OffSideEventBoard;
  }
}
