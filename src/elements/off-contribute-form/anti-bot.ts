import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { PutOptions } from '../../storage/store.js';

/** Anyone who takes this long between the form appearing and sending it passes the time trap (DESIGN.md). */
export const DEFAULT_MIN_FILL_MS = 3000;

interface AntiBotHost extends ReactiveControllerHost {
  readonly renderRoot: ParentNode;
  /** The time trap, in milliseconds. */
  minFillMs: number;
}

/** What to do with a valid submission. */
export type Screening =
  /** The honeypot is filled: a bot, shown the usual confirmation, and nothing is stored. */
  | { verdict: 'bot' }
  /** Sooner than the time trap allows, on a first press: ask the person to check and press again. */
  | { verdict: 'too-fast' }
  /** Sent once `timeUp` resolves (at once, but for a second press before the time is up), with the honeypot for the server. */
  | { verdict: 'send'; timeUp: Promise<void>; options: PutOptions };

/**
 * The form's defences against bots, which never stop a person: the honeypot, and the time trap counted from the
 * moment the form appeared. Pressed again after being asked to check, a submission is sent once the time is up.
 */
export class AntiBotController implements ReactiveController {
  private appearedAt = performance.now();
  private rendered = false;

  constructor(private readonly host: AntiBotHost) {
    host.addController(this);
  }

  hostUpdated(): void {
    if (this.rendered) return;
    this.rendered = true;
    this.restart();
  }

  /** The form appeared again (after a confirmation): the time trap counts from now. */
  restart(): void {
    this.appearedAt = performance.now();
  }

  /** `pressedAgain`: the person was asked to check and press again. */
  screen(pressedAgain: boolean): Screening {
    const honeypot = this.host.renderRoot.querySelector<HTMLInputElement>('[data-honeypot]')?.value ?? '';
    if (honeypot) return { verdict: 'bot' };
    const fillMs = Math.round(performance.now() - this.appearedAt);
    const minFillMs = Number.isFinite(this.host.minFillMs) ? this.host.minFillMs : DEFAULT_MIN_FILL_MS;
    if (fillMs < minFillMs && !pressedAgain) return { verdict: 'too-fast' };
    const timeUp = fillMs < minFillMs ? new Promise<void>((resolve) => setTimeout(resolve, minFillMs - fillMs)) : Promise.resolve();
    return { verdict: 'send', timeUp, options: { honeypot } };
  }
}

/** The honeypot: hidden from sight, from screen readers (`aria-hidden`), from the keyboard and from autofill. */
export function honeypotTemplate(label: string): TemplateResult {
  return html`<div class="visually-hidden" aria-hidden="true">
    <label for="nectar">${label}</label>
    <input id="nectar" name="off-nectar" type="text" tabindex="-1" autocomplete="off" data-honeypot />
  </div>`;
}
