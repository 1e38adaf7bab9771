import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EventRecordKind } from '../../model/records.js';
import { Draft } from './draft.js';
import { emptyValues, type FormValues } from './fields.js';

interface DraftSources {
  kind: () => EventRecordKind;
  event: () => string;
}

/**
 * The draft of the form's kind and host event: saved after a pause in typing, at once when the page is hidden
 * or the form removed, and cleared once sent. Switched to another kind or event, the form shows that one's draft.
 */
export class DraftController implements ReactiveController {
  private current?: Draft;
  /** The draft the controls were last given. */
  private loaded?: Draft;

  constructor(
    host: ReactiveControllerHost,
    private readonly sources: DraftSources,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('pagehide', this.onPageHide);
  }

  hostDisconnected(): void {
    window.removeEventListener('pagehide', this.onPageHide);
    this.current?.flush();
  }

  /** The draft of the current kind and event. */
  get draft(): Draft {
    const kind = this.sources.kind();
    const event = this.sources.event();
    if (!this.current || !this.isOf(this.current, kind, event)) {
      this.current?.flush();
      this.current = new Draft(kind, event);
    }
    return this.current;
  }

  /** What the controls should now show, when the kind or event changed since they were last given a draft. */
  valuesToLoad(): FormValues | undefined {
    const draft = this.draft;
    if (draft === this.loaded) return undefined;
    this.loaded = draft;
    return draft.load() ?? emptyValues(draft.kind);
  }

  save(values: FormValues): void {
    this.draft.saveSoon(values);
  }

  /** Saves at once: values put back in the form, before what they came from is dropped. */
  saveNow(values: FormValues): void {
    this.draft.saveSoon(values);
    this.draft.flush();
  }

  /** Clears a draft that was sent; true when the form still shows it (switched away and back meanwhile included). */
  clearSent(sent: Draft): boolean {
    sent.clear();
    return this.isOf(this.draft, sent.kind, sent.event);
  }

  private readonly onPageHide = (): void => this.current?.flush();

  private isOf(draft: Draft, kind: EventRecordKind, event: string): boolean {
    return draft.kind === kind && draft.event === event;
  }
}
