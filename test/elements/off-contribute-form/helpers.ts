import { aTimeout, fixture, html, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../../src/elements/off-contribute-form/define.js';
import { loadFormChecks } from '../../../src/elements/off-contribute-form/form-checks-controller.js';
import type { OffContributeForm } from '../../../src/elements/off-contribute-form/off-contribute-form.js';
import { storeFor } from '../../../src/elements/shared/store-registry.js';
import { uniqueName } from '../../storage/fixtures.js';
import { registeredAdapter } from '../../storage/registered-adapter.js';
import { registerStandIn } from '../stand-in-stores.js';

export interface FormOptions {
  kind?: 'side-event' | 'seed';
  event?: string;
  lang?: string;
  store?: string;
  /** Milliseconds of the time trap; 0 unless given, `null` for the element's default. */
  minFillMs?: number | null;
  timeZone?: string;
}

/** A form on its own host event, so no other test's records, draft or queue are in the way. */
export async function formFixture({
  kind = 'side-event',
  event = uniqueName('form'),
  lang = 'en',
  store = 'memory',
  minFillMs = 0,
  timeZone = 'Europe/Paris',
}: FormOptions = {}): Promise<OffContributeForm> {
  return fixture<OffContributeForm>(
    html`<off-contribute-form
      kind=${kind}
      event=${event}
      lang=${lang}
      store=${store}
      min-fill-ms=${ifDefined(minFillMs ?? undefined)}
      time-zone=${timeZone}
    ></off-contribute-form>`,
  );
}

export function part(el: OffContributeForm, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

export function control(el: OffContributeForm, name: string): HTMLInputElement {
  const found = el.shadowRoot!.querySelector<HTMLInputElement>(`[name="${name}"]`);
  if (!found) throw new Error(`no control named ${name}`);
  return found;
}

/** Types like a person: sets the value and fires `input`. */
export function type(el: OffContributeForm, name: string, value: string): void {
  const field = control(el, name);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

export function fillSideEvent(el: OffContributeForm, overrides: Record<string, string> = {}): void {
  const values = {
    title: 'Breakfast of the commons',
    start: '2026-06-12T08:30',
    place: 'Café du Port',
    tags: 'commons, breakfast',
    ...overrides,
  };
  for (const [name, value] of Object.entries(values)) type(el, name, value);
}

/**
 * Presses the button, and waits for what the press does before sending: the form's validation is loaded on the first focus
 * (the press loads it, if the test typed without focusing), so once that module is there, a task lets the form check.
 */
export async function submit(el: OffContributeForm): Promise<void> {
  (part(el, 'submit') as HTMLButtonElement).click();
  await loadFormChecks();
  await aTimeout(0);
  await el.updateComplete;
}

export function errorFor(el: OffContributeForm, name: string): string | undefined {
  const field = control(el, name);
  const ids = field.getAttribute('aria-describedby')?.split(' ') ?? [];
  const error = ids.map((id) => el.shadowRoot!.getElementById(id)).find((node) => node?.matches('[part~="error"]'));
  return error?.textContent?.trim();
}

export function statusText(el: OffContributeForm): string {
  return part(el, 'status')!.textContent!.replace(/\s+/g, ' ').trim();
}

export async function confirmed(el: OffContributeForm): Promise<HTMLElement> {
  await waitUntil(() => part(el, 'confirmation'), 'no confirmation shown');
  return part(el, 'confirmation')!;
}

/** A memory store of its own whose writes wait from `hold()` until `release()`: a slow network. */
export function slowWrites() {
  let held: Promise<void> | undefined;
  let release = () => {};
  const spec = registerStandIn(uniqueName('slow'), (base) => ({ put: async (...args) => (await held, base.put(...args)) }));
  const hold = () => void (held = new Promise<void>((resolve) => (release = resolve)));
  return { spec, store: storeFor(spec), hold, release: () => release() };
}

/** Sends what the form holds on a `slowWrites()` store, held while `meanwhile` runs; resolves to the confirmation. */
export async function sendHeld(el: OffContributeForm, slow: ReturnType<typeof slowWrites>, meanwhile: () => unknown): Promise<HTMLElement> {
  slow.hold();
  await submit(el);
  await meanwhile();
  slow.release();
  return confirmed(el);
}

/** What a page's tabs do: switch the form to each kind in turn. */
export async function switchKinds(el: OffContributeForm, ...kinds: OffContributeForm['kind'][]): Promise<void> {
  for (const kind of kinds) {
    el.kind = kind;
    await el.updateComplete;
  }
}

/** A registered adapter (`registeredAdapter`) whose writes fail with `error` while `failing()` says so; `calls` counts the writes it was asked to make. */
export function flakyStore(error: () => Error, failing: () => boolean, spec?: string) {
  const { attempts, ...adapter } = registeredAdapter(() => (failing() ? error() : undefined), spec);
  return { ...adapter, calls: () => attempts.length };
}

/** The contributions of this form's kind and event that its store keeps as pending writes. */
export function pendingOf(el: OffContributeForm) {
  return storeFor(el.store).pending({ kind: el.kind, event: el.event });
}
