import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { clampWindow, firstWindow, nextWindow, previousWindow, windowWith, type ItemWindow } from './item-window.js';

export interface ListViewSources {
  /** How many items match the filters, rendered or not. */
  count: () => number;
  /** Focuses the item at `index` once rendered: the first one a pager button brings into view. */
  focusItem: (index: number) => void;
}

/**
 * How much of the matching items (side events, seeds) a list shows: which of them are rendered (a window, paged by the
 * pager buttons and the keyboard), and whose descriptions are shown in full.
 */
export class ListViewController implements ReactiveController {
  shown: ItemWindow = firstWindow();
  /** Ids of the items whose description is shown in full. */
  readonly expanded = new Set<string>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly sources: ListViewSources,
  ) {
    host.addController(this);
  }

  /** Back to the first page, for a new list (another event or store, other filters). */
  reset(): void {
    this.move(firstWindow());
  }

  readonly showMore = (): void => {
    this.sources.focusItem(this.shown.end);
    this.move(nextWindow(this.shown, this.sources.count()));
  };

  readonly showEarlier = (): void => {
    const previous = previousWindow(this.shown);
    this.sources.focusItem(previous.start);
    this.move(previous);
  };

  /** Moves to the window that renders the item at `index`. */
  reveal(index: number): void {
    this.move(windowWith(this.shown, index, this.sources.count()));
  }

  /** Shows the description of item `id` in full, or clamped again. */
  toggle(id: string): void {
    if (!this.expanded.delete(id)) this.expanded.add(id);
    this.host.requestUpdate();
  }

  hostUpdate(): void {
    // The list may have shrunk under the window (a filter, a removal): a page that exists.
    this.shown = clampWindow(this.shown, this.sources.count());
  }

  private move(shown: ItemWindow): void {
    this.shown = shown;
    this.host.requestUpdate();
  }
}
