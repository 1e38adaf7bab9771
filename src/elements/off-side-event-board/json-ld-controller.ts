import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RelatedRecords } from '../../model/jsonld.js';
import type { SideEvent } from '../../model/records.js';

/** The schema.org writer, loaded once a board has side events to describe: a board with none never downloads it. */
const jsonLd = () => import('../../model/jsonld.js');

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
    if (!source?.records.length) return this.remove();
    jsonLd().then(
      (writer) => {
        // Newer records, or the board gone, while the writer loaded: the next update (or none) writes.
        if (this.written === key) this.write(source, writer);
      },
      (error: unknown) => {
        // Offline: the next change to the list tries again.
        if (this.written === key) this.written = undefined;
        console.warn('off-side-event-board: the JSON-LD writer did not load', error);
      },
    );
  }

  hostDisconnected(): void {
    this.remove();
    this.written = undefined;
  }

  private write(source: JsonLdSource, { toJsonLd, serializeJsonLd }: typeof import('../../model/jsonld.js')): void {
    const list = toJsonLd(source.records, { eventName: source.event && source.related.event(source.event)?.name, related: source.related });
    if (list.numberOfItems === 0) return this.remove();
    this.script ??= document.createElement('script');
    this.script.type = 'application/ld+json';
    this.script.dataset.offBoard = source.event;
    this.script.textContent = serializeJsonLd(list);
    if (!this.script.isConnected) document.head.append(this.script);
  }

  private remove(): void {
    this.script?.remove();
  }
}
