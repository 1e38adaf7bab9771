import type { EventRecordKind } from '../../model/records.js';
import { StorageError } from '../../storage/errors.js';

/**
 * What the form shows in place of its fields. `kind` is what was sent: the page may have switched the form
 * to the other kind since.
 */
export type Confirmation =
  /** The fields; `sentLater` names a pending write sent meanwhile, while the person typed. */
  | { state: 'editing'; sentLater?: string }
  | { state: 'stored'; kind: EventRecordKind; title: string }
  /** Kept by the store as a pending write until it can be made; `id` is its provisional id. */
  | { state: 'pending'; kind: EventRecordKind; title: string; id: string };

export const EDITING: Confirmation = { state: 'editing' };

/** A message above the form about the last submission attempt; `unchecked`: its validation could not be loaded. */
export type Notice = { type: 'too-fast' } | { type: 'issues' } | { type: 'unchecked' } | { type: 'error'; error: StorageError };

/** True when the confirmation shown is that of the pending write of provisional id `id`. */
export const isShownPending = (shown: Confirmation, id: string): boolean => shown.state === 'pending' && shown.id === id;

/** Once a pending write reached its store: its confirmation thanks; over the fields, a line says it was sent. */
export function afterSent(shown: Confirmation, id: string, title: string): Confirmation {
  if (shown.state === 'pending' && shown.id === id) return { state: 'stored', kind: shown.kind, title };
  return shown.state === 'editing' ? { state: 'editing', sentLater: title } : shown;
}

/** A store's refusal, said above the form. The server's time trap is stricter than the form's `min-fill-ms`: the same notice as the form's own. */
export function refusalNotice(error: unknown): Notice {
  const refusal = error instanceof StorageError ? error : new StorageError('unavailable', { cause: error });
  return refusal.code === 'too-fast' ? { type: 'too-fast' } : { type: 'error', error: refusal };
}
