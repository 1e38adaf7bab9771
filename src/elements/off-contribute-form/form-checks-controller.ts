import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Lang } from '../../model/lang.js';
import type { FieldIssue } from '../../model/validate.js';
import { LoadOnce } from '../../storage/load-once.js';

export type FormChecks = typeof import('./form-checks.js');

/** The form's checks, from their own chunk. */
export const loadFormChecks = (): Promise<FormChecks> => import('./form-checks.js');

/**
 * The form's checks (validation and the field messages), loaded on the person's first focus in the form: nothing can be
 * typed, pasted or picked without it, so the chunk has the whole typing to arrive, and a reader who never touches the
 * form never downloads it. A press of the button before they are there waits for them (`load`). A load that failed
 * (bad Wi-Fi) is forgotten: the next focus or press tries again.
 */
export class FormChecksController implements ReactiveController {
  /** The checks, once loaded. */
  loaded?: FormChecks;
  private readonly loading = new LoadOnce(() =>
    this.loader().then((checks) => {
      this.loaded = checks;
      // The host may start what needs them (the known places and organisers).
      this.host.requestUpdate();
      return checks;
    }),
  );

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly loader: () => Promise<FormChecks>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('focusin', this.prepare);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('focusin', this.prepare);
  }

  load(): Promise<FormChecks> {
    return this.loading.load();
  }

  /**
   * The checks, not loaded yet at a press: `waiting(true)` while they arrive, `waiting(false)` once they have, and
   * undefined if they could not (bad Wi-Fi), for the next press to try again.
   */
  async arriving(waiting: (busy: boolean) => void): Promise<FormChecks | undefined> {
    waiting(true);
    try {
      return await this.load();
    } catch {
      return undefined;
    } finally {
      waiting(false);
    }
  }

  /** Issues come only from the checks, or from a store refusing what they passed: their messages are loaded by then. */
  readonly issueMessage = (issue: FieldIssue, lang: Lang): string => this.loaded!.issueMessage(issue, lang);

  // A failure here is told at the press, which tries again.
  private readonly prepare = (): void => void this.load().catch(() => undefined);
}
