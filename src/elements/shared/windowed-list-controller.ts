import type { LitElement } from 'lit';
import { ListViewController } from './list-view-controller.js';
import { RovingFocusController } from './roving-focus-controller.js';

export interface WindowedListSources {
  /** How many items the whole list has, rendered or not. */
  count: () => number;
  /** Where focus goes when no item is there to take it: the first of these that can. */
  fallbacks: () => (HTMLElement | null)[];
}

/**
 * A long list rendered a window at a time: which items are rendered (`view`, paged by the pager buttons and the
 * keys) and the keyboard focus among them (`focus`), each page brought in by a button focusing its first item.
 */
export class WindowedListController {
  readonly view: ListViewController;
  readonly focus: RovingFocusController;

  constructor(host: LitElement, { count, fallbacks }: WindowedListSources) {
    this.view = new ListViewController(host, { count, focusItem: (index) => this.focus.focusAfterUpdate(index) });
    this.focus = new RovingFocusController(host, { count, reveal: (index) => this.view.reveal(index), fallbacks });
  }
}
