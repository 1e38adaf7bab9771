import type { LitElement } from 'lit';
import type { EventRecordKind, Seed, SideEvent } from '../../model/records.js';
import { OffContributedEvent } from '../shared/events.js';

/** The form's first control, where the person starts typing. */
export const FIRST_CONTROL = 'form input, form textarea, form select';

/** True when the focus is in `host`, or nowhere (a click on a button that does not focus it, as in Safari). */
export function focusIsWithin(host: LitElement): boolean {
  return Boolean(host.shadowRoot?.activeElement) || document.activeElement === document.body;
}

/**
 * After the next render, moves the focus to the first element matching one of `selectors`, in that order of preference,
 * so that a keyboard or screen reader user lands on what changed.
 */
export async function focusAfterUpdate(host: LitElement, ...selectors: string[]): Promise<void> {
  await host.updateComplete;
  for (const selector of selectors) {
    const target = host.renderRoot.querySelector<HTMLElement>(selector);
    if (target) return target.focus();
  }
}

/** Provisional ids of the pending writes announced as sent on this page. */
const announcedSent = new Set<string>();

/**
 * Dispatches `off-contributed`. A pending write sent (`pendingId`, its provisional id) is announced once on the page,
 * by the first form to hear of it, though several forms may show it.
 */
export function announceContributed(host: HTMLElement, kind: EventRecordKind, record: SideEvent | Seed, pendingId?: string): void {
  if (pendingId !== undefined) {
    if (announcedSent.has(pendingId)) return;
    announcedSent.add(pendingId);
  }
  host.dispatchEvent(new OffContributedEvent(kind, record));
}
