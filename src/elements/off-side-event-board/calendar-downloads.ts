import type { ReactiveControllerHost } from 'lit';

type CalendarWriter = typeof import('./calendar.js');

/** What `CalendarDownloads.failedFor` holds when the whole list's file could not be made. */
export const WHOLE_LIST = '';

/**
 * The board's calendar files. Their writer is loaded with the first one asked for: most visits never save one. When it
 * cannot come (offline, and not cached yet), the board says so beside the button pressed, until the next press tries again.
 */
export class CalendarDownloads {
  /** The id of the side event whose file could not be made, or `WHOLE_LIST`; undefined once a file was made. */
  failedFor?: string;

  constructor(private readonly host: ReactiveControllerHost) {}

  async save(id: string, make: (writer: CalendarWriter) => void): Promise<void> {
    let writer: CalendarWriter;
    try {
      writer = await import('./calendar.js');
    } catch {
      this.failedFor = id;
      return this.host.requestUpdate();
    }
    this.failedFor = undefined;
    this.host.requestUpdate();
    make(writer);
  }
}
