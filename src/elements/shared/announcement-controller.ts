import type { ReactiveControllerHost } from 'lit';

/** The text of the host's polite live region, which screen readers read out each time it changes. */
export class AnnouncementController {
  text = '';

  constructor(private readonly host: ReactiveControllerHost) {}

  /** Reads `text` out, even when it is the text read out last: that one comes back with a no-break space, a change. */
  announce(text: string): void {
    this.text = text === this.text ? `${text}\u00a0` : text;
    this.host.requestUpdate();
  }
}
