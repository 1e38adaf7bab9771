import type { EventRecordKind, RecordKind, RecordOf, Seed } from '../../model/records.js';

/** Every off-layer event bubbles out of shadow roots and carries its payload in `detail`. */
export class OffEvent<T> extends CustomEvent<T> {
  constructor(type: `off-${string}`, detail: T) {
    super(type, { detail, bubbles: true, composed: true });
  }
}

/** A contribution was stored (or queued to be sent when back online). */
export class OffContributedEvent<K extends RecordKind = EventRecordKind> extends OffEvent<{ kind: K; record: RecordOf[K] }> {
  constructor(kind: K, record: RecordOf[K]) {
    super('off-contributed', { kind, record });
  }
}

/** A seed was replanted into the current event. */
export class OffReplantedEvent extends OffEvent<{ record: Seed; from: Seed }> {
  constructor(record: Seed, from: Seed) {
    super('off-replanted', { record, from });
  }
}

/** The visitor changed a list's filters (after the typing pause); `count` items match. */
export class OffFilterChangeEvent extends OffEvent<{ query: string; day: string; count: number }> {
  constructor(query: string, day: string, count: number) {
    super('off-filter-change', { query, day, count });
  }
}

declare global {
  interface HTMLElementEventMap {
    'off-contributed': OffContributedEvent;
    'off-replanted': OffReplantedEvent;
    'off-filter-change': OffFilterChangeEvent;
  }
}
