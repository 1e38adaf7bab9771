import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { serializeJsonLd, toJsonLd, type RelatedRecords } from '../../model/jsonld.js';
import type { SideEvent } from '../../model/records.js';

export interface JsonLdSource {
  /** Names the script (`data-off-board`), so a page can tell which board wrote it. */
  event: string;
  /** Changes whenever `records`, or a related record, does. */
  revision: string;
  records: readonly SideEvent[];
  /** The host events, places and organisers the side events name (the board's event names the list). */
  related: RelatedRecords;
}

/**
 * Keeps one `<script type="application/ld+json">` in the document's head with
 * schema.org Events for search engines, while the host is connected and has upcoming side events.
 */
export class JsonLdController implements ReactiveController {
  private script?: HTMLScriptElement;
  private written?: string;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly source: () => JsonLdSource | undefined,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    // A list that arrives after the board has gone (it still renders, detached) must not write into the page.
    const source = this.host.isConnected ? this.source() : undefined;
    const key = source && `${source.event}\n${source.revision}`;
    if (key === this.written) return;
    this.written = key;
    const list = source && toJsonLd(source.records, { eventName: source.event && source.related.event(source.event)?.name, related: source.related });
    if (!source || !list || list.numberOfItems === 0) {
      this.remove();
      return;
    }
    this.script ??= document.createElement('script');
    this.script.type = 'application/ld+json';
    this.script.dataset.offBoard = source.event;
    this.script.textContent = serializeJsonLd(list);
    if (!this.script.isConnected) document.head.append(this.script);
  }

  hostDisconnected(): void {
    this.remove();
    this.written = undefined;
  }

  private remove(): void {
    this.script?.remove();
  }
}
