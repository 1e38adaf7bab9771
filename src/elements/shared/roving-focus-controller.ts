import type { LitElement, ReactiveController } from 'lit';
import { itemKeyTarget } from './item-keys.js';

export interface RovingFocusSources {
  /** How many items the whole list has, rendered or not. */
  count: () => number;
  /** Renders item `index` (shows its page) in the next render. */
  reveal: (index: number) => void;
  /** Where focus goes when no item is there to take it: the first of these that can. */
  fallbacks: () => (HTMLElement | null)[];
}

/**
 * Focus among the items of a list the host renders a window at a time, each item an element with its position
 * in the whole list as `data-index` and a focusable `[part='item-title']`: ArrowDown/ArrowUp move focus to the
 * next/previous item, Home/End to the first/last, showing it if needed; keys with a modifier are left alone.
 * A render that takes focus away (its item removed, filtered out or moved; its button gone) leaves it on the
 * item now in that place, else on a fallback, not at the page's start.
 */
export class RovingFocusController implements ReactiveController {
  /** Position of the item to focus after the next render. */
  private index?: number;
  private focused: Element | null = null;

  constructor(
    private readonly host: LitElement,
    private readonly sources: RovingFocusSources,
  ) {
    host.addController(this);
  }

  /** Focuses item `index` once rendered (the first item of a page just shown). */
  focusAfterUpdate(index: number): void {
    this.index = index;
  }

  hostConnected(): void {
    // On the render root, where a key's target is the element in the item (outside it, the host). Added once: same listener.
    this.host.renderRoot.addEventListener('keydown', this.onKeydown as EventListener);
  }

  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const item = (event.target as Element).closest<HTMLElement>('[data-index]');
    const target = item ? itemKeyTarget(event.key, Number(item.dataset.index), this.sources.count()) : undefined;
    if (target === undefined) return;
    event.preventDefault();
    this.index = target;
    this.sources.reveal(target);
    this.host.requestUpdate();
  };

  hostUpdate(): void {
    this.focused = (this.host.renderRoot as ShadowRoot).activeElement;
  }

  hostUpdated(): void {
    const root = this.host.renderRoot as ShadowRoot;
    if (this.focused && !root.activeElement) {
      this.index ??= Math.min(Number(this.focused.closest<HTMLElement>('[data-index]')?.dataset.index ?? -1), this.sources.count() - 1);
    }
    if (this.index === undefined) return;
    const title = root.querySelector<HTMLElement>(`[data-index="${this.index}"] [part='item-title']`);
    this.index = undefined;
    for (const candidate of [title, ...this.sources.fallbacks()]) {
      if (!candidate) continue;
      candidate.focus();
      if (root.activeElement === candidate) return;
    }
  }
}
