import type { RecordKind } from '../../model/records.js';
import type { StorageError } from '../../storage/errors.js';

/**
 * What the form shows in place of its fields. `kind` is what was sent: the page may have switched the form
 * to the other kind since.
 */
export type Confirmation =
  /** The fields; `sentLater` names a pending write sent meanwhile, while the person typed. */
  | { state: 'editing'; sentLater?: string }
  | { state: 'stored'; kind: RecordKind; title: string }
  /** Kept on this device as a pending write until it can be sent; `id` names it until then. */
  | { state: 'queued'; kind: RecordKind; title: string; id: string };

export const EDITING: Confirmation = { state: 'editing' };

/** A message above the form about the last submission attempt. */
export type Notice = { type: 'too-fast' } | { type: 'issues' } | { type: 'error'; error: StorageError };
