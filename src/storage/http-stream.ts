import { isRecordKind, type OffRecord, type RecordKind } from '../model/records.js';
import { Backoff } from './backoff.js';

export interface StreamHandlers {
  /** The stream (re)connected: the server is reachable. */
  onOpen(): void;
  /** The connection dropped or could not be made. */
  onDown(): void;
  onPut(kind: RecordKind, records: OffRecord[]): void;
  onRemove(kind: RecordKind, id: string): void;
}

function parse(data: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(data);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The server's live changes over server-sent events. EventSource reconnects by
 * itself after a network error; after an HTTP error it gives up, so we reopen it.
 */
export class LiveStream {
  private source?: EventSource;
  private closed = false;
  private readonly reopen = new Backoff(() => this.open());
  private contact!: () => void;
  /** Settles at the first open or failure, whichever comes first. */
  readonly firstContact = new Promise<void>((resolve) => (this.contact = resolve));

  constructor(
    private readonly url: string,
    private readonly handlers: StreamHandlers,
  ) {
    this.open();
  }

  close(): void {
    this.closed = true;
    this.reopen.reset();
    this.source?.close();
    this.contact();
  }

  private open(): void {
    if (this.closed) return;
    const source = new EventSource(this.url);
    this.source = source;
    source.onopen = () => {
      this.reopen.reset();
      this.contact();
      this.handlers.onOpen();
    };
    source.onerror = () => {
      this.contact();
      this.handlers.onDown();
      if (source.readyState === EventSource.CLOSED) this.reopen.schedule();
    };
    source.addEventListener('put', (message) => {
      const data = parse(message.data);
      if (isRecordKind(data?.kind) && Array.isArray(data.records)) this.handlers.onPut(data.kind, data.records as OffRecord[]);
    });
    source.addEventListener('remove', (message) => {
      const data = parse(message.data);
      if (isRecordKind(data?.kind) && typeof data.id === 'string') this.handlers.onRemove(data.kind, data.id);
    });
  }
}
