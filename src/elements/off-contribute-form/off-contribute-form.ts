import { html, nothing, type TemplateResult } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { licenseFor } from '../../model/licenses.js';
import { issueMessage } from '../../model/field-messages.js';
import { storageMessage } from '../../model/messages.js';
import { isRecordKind, LICENSES, type OffRecord, type RecordKind } from '../../model/records.js';
import { validate, type FieldIssue } from '../../model/validate.js';
import { StorageError } from '../../storage/errors.js';
import { ValidationError } from '../../storage/validation-error.js';
import { OffContributedEvent } from '../shared/events.js';
import { plural } from '../shared/i18n.js';
import { headingTag } from '../shared/heading.js';
import { OffElement } from '../shared/off-element.js';
import { StoreController } from '../shared/store-controller.js';
import { themeStyles } from '../shared/theme.styles.js';
import { visuallyHiddenStyles } from '../shared/visually-hidden.styles.js';
import { Draft } from './draft.js';
import { emptyValues, FIELDS, isBlank, toInput, toValues, type FieldSpec, type FormValues } from './fields.js';
import { styles } from './off-contribute-form.styles.js';
import { STRINGS } from './off-contribute-form.strings.js';
import { outboxOf, OutboxRefusalsController, type RefusedContribution } from './outbox-refusals.js';
import { QueueController } from './queue-controller.js';
import { isPermanent, SubmissionQueue, type QueuedContribution } from './submission-queue.js';

/** Anyone who takes this long between the form appearing and sending it passes the time trap (DESIGN.md). */
const DEFAULT_MIN_FILL_MS = 3000;

/** A message above the form about the last submission attempt. */
type Notice = { type: 'too-fast' } | { type: 'issues' } | { type: 'error'; error: StorageError };

/** The confirmation shown in place of the form. */
interface Done {
  /** What was sent: the form may have been switched to the other kind since. */
  kind: RecordKind;
  title: string;
  /** Waiting on this device to be sent. */
  queued: boolean;
  /** The queue entry it waits in, to turn the confirmation into "sent" once it is. */
  queueId?: string;
  /** Its id; queued in a server store's outbox, a provisional one, which that store removes once the server has the record. */
  id?: string;
}

/**
 * "Add your #OFF": a form to contribute a side event or a seed to the host
 * event, made for phones on bad venue Wi-Fi. Native controls with visible
 * labels, named after the record fields; validation from the model with inline
 * errors in the reader's language; a draft kept on this device as people type;
 * contributions that cannot be stored now are queued on this device and sent
 * later, never lost.
 *
 * Against bots: a honeypot field hidden from sight, screen readers and
 * autofill (filled in, the form pretends to succeed and stores nothing), and a
 * time trap: a submission less than `min-fill-ms` after the form appeared is
 * not sent but asks the person to check and press again (pressed again, it is
 * sent once that time is up), so anyone who takes that long passes. Both are also passed to the store (`PutOptions`) for the server.
 *
 * @summary Contribution form for side events and seeds, validated, with draft and offline queue.
 * @tag off-contribute-form
 *
 * @csspart heading - The form's heading.
 * @csspart form - The `<form>` element.
 * @csspart field - One label, hint, control and error group.
 * @csspart label - A field's visible label.
 * @csspart input - Every native control (input, textarea, select).
 * @csspart error - A field's inline error message.
 * @csspart submit - The submit button.
 * @csspart status - The polite live region: offline, queued contributions, storage warnings, form-level messages.
 * @csspart confirmation - The confirmation shown after a contribution, with a button to add another.
 *
 * @cssproperty --off-color-bg - Background of the controls.
 * @cssproperty --off-color-surface - Background of the form, the status and the confirmation.
 * @cssproperty --off-color-fg - Text colour.
 * @cssproperty --off-color-muted - Hints and the required note.
 * @cssproperty --off-color-border - Borders of the controls.
 * @cssproperty --off-color-accent - Submit button background and required marks.
 * @cssproperty --off-color-accent-fg - Submit button text.
 * @cssproperty --off-color-danger - Error messages and invalid controls.
 * @cssproperty --off-color-success - Confirmation accent.
 * @cssproperty --off-color-focus - Focus ring.
 * @cssproperty --off-radius - Corner radius.
 * @cssproperty --off-space - Base spacing.
 * @cssproperty --off-font - Font family.
 * @cssproperty --off-font-size - Base font size.
 *
 * @event {OffContributedEvent} off-contributed - A contribution was stored; `detail: { kind, record }` (also for queued contributions, once sent).
 */
export class OffContributeForm extends OffElement {
  static override styles = [themeStyles, visuallyHiddenStyles, styles];

  /** Id of the host event the contribution belongs to, e.g. `g21`. */
  @property() event = '';

  /** What is contributed: `side-event` (default) or `seed`. */
  @property() kind: RecordKind = 'side-event';

  /** The form's heading, "Add your #OFF" or "Plant a seed" in its language by default. */
  @property() label = '';

  /** Level of the heading, 1 to 6 (default 2), to fit the page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** IANA time zone of the event (e.g. `Europe/Paris`): times typed are in that zone. Default: the browser's. */
  @property({ attribute: 'time-zone' }) timeZone = '';

  /** Milliseconds between the form appearing and a submission below which the person is asked to confirm (time trap). Default 3000; lower it only in tests. */
  @property({ type: Number, attribute: 'min-fill-ms' }) minFillMs = DEFAULT_MIN_FILL_MS;

  /** Tells whether the device is online; `navigator.onLine` by default, replaceable to simulate a network. */
  @property({ attribute: false }) onlineCheck: () => boolean = () => navigator.onLine;

  @state() private values: FormValues = {};
  @state() private issues: FieldIssue[] = [];
  @state() private notice?: Notice;
  @state() private busy = false;
  @state() private done?: Done;
  @state() private sentFromQueue?: string;

  @query('form') private form?: HTMLFormElement;
  @query('[data-honeypot]') private honeypot?: HTMLInputElement;

  private readonly storeController = new StoreController(this, async (change) => {
    const done = this.done;
    if (change.type === 'status') void this.outboxRefusals.refresh();
    if (change.type !== 'remove' || change.id !== done?.id) return;
    // A server store's outbox dropped the provisional record of the confirmation: sent, or refused for good (kept in the
    // outbox with its failure, and listed with the refusals): then no thanks, the confirmation goes.
    const writes = await (await outboxOf(this.storeController.store))?.pendingWrites().catch(() => []);
    const refused = writes?.some((write) => write.id === done.id && write.failure);
    if (this.done === done) this.done = refused ? undefined : { ...done, queued: false };
  });
  private readonly outboxRefusals = new OutboxRefusalsController(this, {
    store: () => this.storeController.store,
    kind: () => this.currentKind,
    event: () => this.event,
  });
  private readonly queueController = new QueueController(this, {
    queue: () => this.local.queue,
    store: () => this.storeController.store,
    isOnline: () => this.onlineCheck(),
    onSent: (item, record) => this.onSentFromQueue(item, record),
  });
  private localState?: { key: string; draft: Draft; queue: SubmissionQueue };
  /** The kind and event whose draft the controls hold. */
  private loadedKey?: string;
  private appearedAt = performance.now();

  private get currentKind(): RecordKind {
    return isRecordKind(this.kind) ? this.kind : 'side-event';
  }

  /** The draft and queue of the current kind and event. */
  private get local(): { key: string; draft: Draft; queue: SubmissionQueue } {
    const kind = this.currentKind;
    const key = `${kind}\n${this.event}`;
    if (this.localState?.key !== key) {
      this.localState?.draft.flush();
      this.localState = { key, draft: new Draft(kind, this.event), queue: new SubmissionQueue(kind, this.event) };
    }
    return this.localState;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pagehide', this.saveDraftNow);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pagehide', this.saveDraftNow);
    this.saveDraftNow();
  }

  protected override willUpdate(): void {
    const { key, draft } = this.local;
    if (key === this.loadedKey) return;
    this.loadedKey = key;
    this.values = draft.load() ?? emptyValues(this.currentKind);
    this.issues = [];
    this.notice = undefined;
    this.queueController.refresh();
  }

  protected override firstUpdated(): void {
    this.appearedAt = performance.now();
  }

  private readonly saveDraftNow = (): void => {
    this.localState?.draft.flush();
  };

  private get strings() {
    return STRINGS[this.language];
  }

  private onInput(event: Event): void {
    const control = event.target as HTMLInputElement;
    this.values = { ...this.values, [control.name]: control.value };
    if (this.issues.some((issue) => issue.field === control.name)) {
      this.issues = this.issues.filter((issue) => issue.field !== control.name);
    }
    this.local.draft.saveSoon(this.values);
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const kind = this.currentKind;
    // The draft sent, to start afresh only a form that still shows it: the page may switch the kind (or event) meanwhile, and back.
    const sent = this.local;
    const fillMs = Math.round(performance.now() - this.appearedAt);
    const honeypot = this.honeypot?.value ?? '';
    this.sentFromQueue = undefined;
    const result = validate(kind, toInput(kind, this.event, this.values, this.timeZone || undefined));
    // A date without its time reads as empty: it would be called "required", or an end dropped without a word.
    const halfTyped = [...this.renderRoot.querySelectorAll('input')]
      .filter((input) => input.validity.badInput)
      .map(({ name }): FieldIssue => ({ field: name, code: 'invalid-datetime' }));
    if (!result.ok || halfTyped.length) return this.showIssues([...halfTyped, ...(result.ok ? [] : result.issues)]);
    this.issues = [];
    // A bot learns nothing: it sees the usual confirmation, and nothing is stored.
    if (honeypot) return this.showDone({ kind, title: result.value.title, queued: false }, sent);
    const minFillMs = Number.isFinite(this.minFillMs) ? this.minFillMs : DEFAULT_MIN_FILL_MS;
    this.busy = fillMs >= minFillMs || this.notice?.type === 'too-fast';
    if (!this.busy) return void (this.notice = { type: 'too-fast' });
    this.notice = undefined;
    const options = { honeypot, fillMs: Math.max(fillMs, minFillMs) };
    try {
      // Asked to check and press again, a person is not turned away twice: that press sends once the time is up (if still on the page).
      if (fillMs < minFillMs) await new Promise((resolve) => setTimeout(resolve, minFillMs - fillMs));
      if (!this.isConnected) return;
      const record = await this.storeController.store.put(kind, result.value, options);
      this.showDone({ kind, title: record.title, queued: this.storeController.status.online === false, id: record.id }, sent);
      this.announceContributed(kind, record);
    } catch (error) {
      if (error instanceof ValidationError) return this.showIssues(error.issues);
      if (isPermanent(error)) {
        // The server's time trap is stricter than this form's `min-fill-ms`: the same notice as the form's own.
        this.notice = error.code === 'too-fast' ? { type: 'too-fast' } : { type: 'error', error };
        return;
      }
      const item = this.queueController.add({ kind, input: result.value, options, title: result.value.title });
      this.showDone({ kind, title: item.title, queued: true, queueId: item.id }, sent);
    } finally {
      this.busy = false;
    }
  }

  private async showIssues(issues: FieldIssue[]): Promise<void> {
    this.issues = issues;
    this.notice = { type: 'issues' };
    await this.updateComplete;
    const firstInvalid = this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]');
    (firstInvalid ?? this.renderRoot.querySelector<HTMLElement>('[part="status"]'))?.focus();
  }

  /**
   * Shows the confirmation; what was sent is now stored or queued, so its draft and the fields start afresh, if they still hold it:
   * switched to another kind or event while it was sent, what is typed there stays. The focus moves to the confirmation
   * only from inside the form: after a slow store, the person may have moved on in the page.
   */
  private async showDone(done: Done, sent: { key: string; draft: Draft }): Promise<void> {
    sent.draft.clear();
    // Switched away and back, the fields hold that draft again, reloaded: while sending they are read-only in every kind.
    if (this.local.key === sent.key) this.values = emptyValues(this.currentKind);
    // In the form (its button), or nowhere (a click that does not focus, as in Safari).
    const focused = this.shadowRoot!.activeElement ?? document.activeElement === document.body;
    this.notice = undefined;
    this.done = done;
    await this.updateComplete;
    if (focused) this.renderRoot.querySelector<HTMLElement>('[part="confirmation"]')?.focus();
  }

  /** What was refused for good, from this form's queue and from a server store's outbox. */
  private get refusals(): RefusedContribution[] {
    const queued = this.queueController.refused.map(({ id, title, failure, input }) => ({
      title,
      failure: failure!,
      input,
      discard: async () => this.queueController.discard(id),
    }));
    return [...queued, ...this.outboxRefusals.items];
  }

  /**
   * Puts a refused contribution back in the form to correct and send again: saved as the draft before the refusal is dropped.
   * Over something else being typed, only once the person agrees to lose that.
   */
  private async putBack(refusal: RefusedContribution): Promise<void> {
    if (!isBlank(this.currentKind, this.values) && !window.confirm(this.strings.replaceTyped(refusal.title))) return;
    this.values = toValues(this.currentKind, refusal.input);
    this.local.draft.saveSoon(this.values);
    this.local.draft.flush();
    await refusal.discard();
    this.done = undefined;
    this.issues = [];
    this.notice = undefined;
    await this.updateComplete;
    this.form?.querySelector<HTMLElement>('input, textarea, select')?.focus();
  }

  private onSentFromQueue(item: QueuedContribution, record: OffRecord): void {
    if (this.done?.queueId === item.id) this.done = { ...this.done, title: record.title, queued: false };
    else this.sentFromQueue = record.title;
    this.announceContributed(item.kind, record);
  }

  private announceContributed(kind: RecordKind, record: OffRecord): void {
    const contributed = new OffContributedEvent(kind, record);
    this.dispatchEvent(contributed);
  }

  private async addAnother(): Promise<void> {
    this.done = undefined;
    this.sentFromQueue = undefined;
    await this.updateComplete;
    this.appearedAt = performance.now();
    this.form?.querySelector<HTMLElement>('input, textarea, select')?.focus();
  }

  override render(): TemplateResult {
    const kindStrings = this.strings.kinds[this.currentKind];
    const heading = headingTag(this.headingLevel, 2);
    return html`
      <section aria-labelledby="heading">
        ${staticHtml`<${heading} id="heading" part="heading">${this.label || kindStrings.heading}</${heading}>`}
        ${this.renderStatus()} ${this.done ? this.renderConfirmation() : this.renderForm()}
      </section>
    `;
  }

  /** Not atomic, as role=status is by default: a new message is read out alone, not after the warnings already shown. */
  private renderStatus(): TemplateResult {
    const strings = this.strings;
    const lang = this.language;
    const { waiting } = this.queueController;
    const refused = this.refusals;
    const offline = !this.queueController.online;
    return html`
      <div part="status" class="status" role="status" aria-atomic="false" tabindex="-1">
        ${this.storeController.status.persistent ? nothing : html`<p class="warning">${strings.notPersistent}</p>`}
        ${offline ? html`<p class="offline">${strings.offline}</p>` : nothing}
        ${waiting.length ? html`<p class="queued">${plural(lang, waiting.length, strings.queuedCount)}</p>` : nothing}
        ${refused.length
          ? html`<p class="refused">${plural(lang, refused.length, strings.refusedCount)}</p>
              <ul class="refused">
                ${refused.map(
                  (item) =>
                    html`<li>
                      ${item.title}: ${storageMessage(item.failure, lang)}
                      <button type="button" class="put-back" aria-label=${strings.putBackLabel(item.title)} @click=${() => this.putBack(item)}>
                        ${strings.putBack}
                      </button>
                    </li>`,
                )}
              </ul>`
          : nothing}
        ${this.sentFromQueue ? html`<p class="sent">${strings.sentFromQueue(this.sentFromQueue)}</p>` : nothing}
        ${this.renderNotice()}
      </div>
    `;
  }

  private renderNotice(): TemplateResult | typeof nothing {
    const notice = this.notice;
    const lang = this.language;
    if (!notice) return nothing;
    if (notice.type === 'too-fast') return html`<p class="notice">${this.strings.tooFast}</p>`;
    if (notice.type === 'error') return html`<p class="notice error">${notice.error.messageIn(lang)}</p>`;
    const shown = new Set(FIELDS[this.currentKind].map((field) => field.name as string));
    const elsewhere = this.issues.filter((issue) => !shown.has(issue.field));
    return html`<p class="notice error">${storageMessage('validation', lang)}</p>
      ${elsewhere.map((issue) => html`<p class="notice error">${issue.field}: ${issueMessage(issue, lang)}</p>`)}`;
  }

  private renderConfirmation(): TemplateResult {
    const done = this.done!;
    const { kinds, queuedNow } = this.strings;
    return html`
      <div part="confirmation" class="confirmation" role="status" tabindex="-1">
        <p class="thanks">${done.queued && done.queueId ? queuedNow : kinds[done.kind].thanks(done.title)}</p>
        ${done.queued && !done.queueId ? html`<p>${queuedNow}</p>` : nothing}
        <button type="button" class="another" @click=${this.addAnother}>${kinds[this.currentKind].another}</button>
      </div>
    `;
  }

  private renderForm(): TemplateResult {
    const strings = this.strings;
    const kindStrings = strings.kinds[this.currentKind];
    const label = this.busy ? strings.sending : this.notice?.type === 'too-fast' ? strings.confirmSubmit : kindStrings.submit;
    return html`
      <form part="form" novalidate aria-labelledby="heading" aria-busy=${this.busy ? 'true' : 'false'} @submit=${this.onSubmit}>
        <p class="required-note">${strings.requiredNote}</p>
        ${FIELDS[this.currentKind].map((field) => this.renderField(field))} ${this.renderHoneypot()}
        <button part="submit" type="submit" class="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${label}</button>
      </form>
    `;
  }

  private renderField(field: FieldSpec): TemplateResult {
    const id = `field-${field.name}`;
    const issue = this.issues.find((candidate) => candidate.field === field.name);
    const hint = this.hintFor(field);
    const describedBy = [hint && `${id}-hint`, issue && `${id}-error`].filter(Boolean).join(' ');
    return html`
      <div part="field" class="field">
        <label part="label" for=${id}
          >${this.strings.labels[field.name]}${field.required ? html`<span class="required" aria-hidden="true"> *</span>` : nothing}</label
        >
        ${hint ? html`<p class="hint" id=${`${id}-hint`}>${hint}</p>` : nothing}
        ${this.renderControl(field, id, describedBy, Boolean(issue))}
        ${issue ? html`<p part="error" class="error" id=${`${id}-error`}>${issueMessage(issue, this.language)}</p>` : nothing}
      </div>
    `;
  }

  private hintFor(field: FieldSpec): string | undefined {
    const hints = this.strings.hints;
    if (field.hint === 'tags') return hints.tags;
    if (field.hint === 'url') return hints.url;
    if (field.hint === 'time-zone' && this.timeZone) return hints.timeZone(this.timeZone);
    return undefined;
  }

  /**
   * While sending, the controls are read-only (a select cannot be: disabled): what they show is what is sent, and stays so.
   * `aria-invalid` is always set: without it, Chromium tells screen readers that an empty required date is invalid
   * before anything was sent.
   */
  private renderControl(field: FieldSpec, id: string, describedBy: string, invalid: boolean): TemplateResult {
    const value = this.values[field.name] ?? '';
    const describedByAttr = describedBy || nothing;
    if (field.control === 'select') {
      return html`<select
        part="input"
        id=${id}
        name=${field.name}
        autocomplete=${field.autocomplete}
        aria-invalid=${invalid}
        aria-describedby=${describedByAttr}
        ?disabled=${this.busy}
        @input=${this.onInput}
      >
        ${LICENSES.map(
          (license) =>
            html`<option value=${license} .selected=${live(license === value)}>${licenseFor(license, this.language)?.name}</option>`,
        )}
      </select>`;
    }
    if (field.control === 'textarea') {
      return html`<textarea
        part="input"
        id=${id}
        name=${field.name}
        rows="5"
        dir="auto"
        ?required=${field.required}
        autocomplete=${field.autocomplete}
        aria-invalid=${invalid}
        aria-describedby=${describedByAttr}
        ?readonly=${this.busy}
        .value=${live(value)}
        @input=${this.onInput}
      ></textarea>`;
    }
    return html`<input
      part="input"
      id=${id}
      name=${field.name}
      type=${field.type ?? 'text'}
      dir="auto"
      ?required=${field.required}
      autocomplete=${field.autocomplete}
      inputmode=${field.inputmode ?? nothing}
      aria-invalid=${invalid}
      aria-describedby=${describedByAttr}
      ?readonly=${this.busy}
      .value=${live(value)}
      @input=${this.onInput}
    />`;
  }

  private renderHoneypot(): TemplateResult {
    return html`<div class="visually-hidden" aria-hidden="true">
      <label for="nectar">${this.strings.honeypot}</label>
      <input id="nectar" name="off-nectar" type="text" tabindex="-1" autocomplete="off" data-honeypot />
    </div>`;
  }
}
