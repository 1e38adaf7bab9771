import { isRecordKind, type OffRecord, type RecordKind } from '../model/records.js';
import { readChecks } from './http-api.js';
import { Backoff } from './backoff.js';

export interface StreamHandlers {
  /** The stream (re)connected: the server is reachable. */
  onOpen(): void;
  /** The connection dropped or could not be made. */
  onDown(): void;
  onPut(kind: RecordKind, records: OffRecord[]): void;
  onRemove(kind: RecordKind, id: string): void;
  /** The server could not replay what the stream missed: the lists shown must be read again. */
  onReload(): void;
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
  /** Puts wait for the record checks (loaded on the first one): what follows them waits its turn. */
  private handled = Promise.resolve();
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

  private inTurn(handle: () => void | Promise<void>): void {
    this.handled = this.handled.then(handle).catch((error: unknown) => console.warn('off-layer: a live change could not be read', error));
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
      const { kind, records } = data ?? {};
      if (!isRecordKind(kind) || !Array.isArray(records)) return;
      this.inTurn(async () => {
        const valid = (await readChecks()).readableRecords(kind, records, this.url);
        if (valid.length) this.handlers.onPut(kind, valid as OffRecord[]);
      });
    });
    source.addEventListener('reload', () => this.inTurn(() => this.handlers.onReload()));
    source.addEventListener('remove', (message) => {
      const data = parse(message.data);
      const { kind, id } = data ?? {};
      if (isRecordKind(kind) && typeof id === 'string') this.inTurn(() => this.handlers.onRemove(kind, id));
    });
  }
}
