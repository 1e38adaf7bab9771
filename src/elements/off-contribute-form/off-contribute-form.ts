import { html, type PropertyValues, type TemplateResult } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { property, state } from 'lit/decorators.js';
import { isEventRecordKind, type EventRecordKind } from '../../model/records.js';
import type { FieldIssue } from '../../model/validate.js';
import type { SentWrite } from '../../storage/store.js';
import { headingTag } from '../shared/heading.js';
import { OffElement } from '../shared/off-element.js';
import { StoreController } from '../shared/store-controller.js';
import { themeStyles } from '../shared/theme.styles.js';
import { visuallyHiddenStyles } from '../shared/visually-hidden.styles.js';
import { AntiBotController, DEFAULT_MIN_FILL_MS } from './anti-bot.js';
import type { Draft } from './draft.js';
import { DraftController } from './draft-controller.js';
import { emptyValues, isBlank, toValues, type FormValues } from './fields.js';
import { FormChecksController, loadFormChecks, type FormChecks } from './form-checks-controller.js';
import { announceContributed, FIRST_CONTROL, focusAfterUpdate, focusIsWithin } from './announcements.js';
import { NetworkFieldsController } from './network-fields-controller.js';
import { NEW_PLACE_FIELDS } from './new-place.js';
import { afterSent, EDITING, isShownPending, refusalNotice, type Confirmation, type Notice } from './form-state.js';
import { styles } from './off-contribute-form.styles.js';
import { STRINGS } from './off-contribute-form.strings.js';
import { confirmationTemplate, formTemplate, statusTemplate } from './off-contribute-form.templates.js';
import { OnlineController } from './online-controller.js';
import { isPending, PendingContributionsController, type PendingContribution } from './pending-contributions.js';

/**
 * "Add your #OFF": a form to contribute a side event or a seed to the host
 * event, made for phones on bad venue Wi-Fi. A side event's place and organiser suggest
 * the places (with their address, so that two of the same name differ) and organisers already known; picking one
 * links the side event to it, anything else typed stays free text; "Add a new place" creates one on the way. Native controls with visible
 * labels, named after the record fields; validation from the model with inline
 * errors in the reader's language, loaded on the first focus in the form (a page only read never downloads it; if it
 * cannot load by the time of sending, the form says so and keeps what was typed); a draft kept on this device as people type;
 * contributions that cannot be stored now are queued on this device and sent
 * later, never lost.
 *
 * Against bots: a honeypot field hidden from sight, screen readers and
 * autofill (filled in, the form pretends to succeed and stores nothing), and a
 * time trap: a submission less than `min-fill-ms` after the form appeared is
 * not sent but asks the person to check and press again (pressed again, it is
 * sent once that time is up), so anyone who takes that long passes. The honeypot is also passed to the store (`PutOptions`) for the server, which keeps a time trap of its own.
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
 * @csspart new-place-button - Reveals the fieldset for a place not known yet (side events).
 * @csspart new-place - That fieldset: the place record created, through the store, before the side event.
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
  static override strings = STRINGS;

  /** Id of the host event the contribution belongs to, e.g. `g21`. */
  @property() event = '';

  /** What is contributed: `side-event` (default) or `seed`. */
  @property() kind: EventRecordKind = 'side-event';

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

  /** Loads the form's validation (`import()` of its chunk by default, on the first focus in the form); replaceable to simulate a network that drops it. */
  loadChecks: () => Promise<FormChecks> = loadFormChecks;

  @state() private values: FormValues = {};
  @state() private issues: FieldIssue[] = [];
  @state() private notice?: Notice;
  @state() private busy = false;
  @state() private confirmation: Confirmation = EDITING;

  private readonly antiBot = new AntiBotController(this);
  private readonly checks = new FormChecksController(this, () => this.loadChecks());
  private readonly drafts = new DraftController(this, { kind: () => this.currentKind, event: () => this.event });
  private readonly network = new OnlineController(this, () => this.onlineCheck());
  private readonly storeController = new StoreController(this, (change) => {
    if (change.type !== 'pending') return;
    this.onSent(change.sent);
    void this.pendingContributions.refresh();
  });
  private readonly pendingContributions = new PendingContributionsController(this, {
    store: () => this.storeController.store,
    kind: () => this.currentKind,
    event: () => this.event,
  });

  private readonly networkFields = new NetworkFieldsController(this);

  private get currentKind(): EventRecordKind {
    return isEventRecordKind(this.kind) ? this.kind : 'side-event';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A server's form token is fetched for the form, not by every board that only reads.
    if (changed.has('store')) this.storeController.store.prepareWrites?.();
    if (this.checks.loaded && this.currentKind === 'side-event') this.networkFields.follow(this.checks.loaded);
    // Refused for good once it had waited: listed with the refusals, so no confirmation.
    if (this.pendingContributions.refused.some(({ id }) => isShownPending(this.confirmation, id))) this.confirmation = EDITING;
    const values = this.drafts.valuesToLoad();
    if (!values) return;
    this.values = values;
    this.networkFields.newPlaceOpen = NEW_PLACE_FIELDS.some((name) => values[name]);
    this.issues = [];
    this.notice = undefined;
  }

  private onInput(event: Event): void {
    const control = event.target as HTMLInputElement;
    this.values = { ...this.values, [control.name]: control.value };
    if (this.issues.some((issue) => issue.field === control.name)) {
      this.issues = this.issues.filter((issue) => issue.field !== control.name);
    }
    this.drafts.save(this.values);
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    // Not loaded yet: busy while they arrive; if they cannot (bad Wi-Fi), it says so, and what is typed stays.
    const checks =
      this.checks.loaded ??
      (await this.checks.arriving((busy) => {
        this.busy = busy;
        this.notice = undefined;
      }));
    if (!checks) return void (this.notice = { type: 'unchecked' });
    const { currentKind: kind, event: hostEvent } = this;
    // The draft sent, to start afresh only a form that still shows it: the page may switch the kind (or event) meanwhile, and back.
    const sent = this.drafts.draft;
    this.confirmation = EDITING;
    const result = checks.validateForm(kind, hostEvent, this.values, this.timeZone, this.renderRoot.querySelectorAll('input'));
    const placeIssues = kind === 'side-event' ? this.networkFields.check(checks, this.values) : [];
    if (!result.ok || placeIssues.length) return this.showIssues([...(result.ok ? [] : result.issues), ...placeIssues]);
    this.issues = [];
    const screening = this.antiBot.screen(this.notice?.type === 'too-fast');
    // A bot learns nothing: it sees the usual confirmation, and nothing is stored.
    if (screening.verdict === 'bot') return this.confirm({ state: 'stored', kind, title: result.value.title }, sent);
    if (screening.verdict === 'too-fast') return void (this.notice = { type: 'too-fast' });
    this.busy = true;
    this.notice = undefined;
    try {
      // Asked to check and press again, a person is not turned away twice: that press sends once the time is up (if still on the page).
      await screening.timeUp;
      if (!this.isConnected) return;
      const { store } = this.storeController;
      const input = kind === 'seed' ? result.value : await this.networkFields.link(checks, store, result.value, this.values, screening.options, this.keep);
      const record = await store.put(kind, input, screening.options);
      const { title, id } = record;
      // Refused already, it leaves the confirmation for the list of refusals (willUpdate).
      if (await isPending(store, kind, hostEvent, id)) return await this.confirm({ state: 'pending', kind, title, id }, sent);
      await this.confirm({ state: 'stored', kind, title }, sent);
      announceContributed(this, kind, record);
    } catch (error) {
      if (error instanceof checks.ValidationError) return this.showIssues(error.issues);
      this.notice = refusalNotice(error);
    } finally {
      this.busy = false;
    }
  }

  /** Values changed by the form itself (the new place made), kept as if typed. */
  private readonly keep = (values: FormValues): void => {
    this.values = values;
    this.drafts.saveNow(values);
  };

  private async showIssues(issues: FieldIssue[]): Promise<void> {
    this.issues = issues;
    this.notice = { type: 'issues' };
    await focusAfterUpdate(this, '[aria-invalid="true"]', '[part="status"]');
  }

  /**
   * Shows the confirmation; what was sent is now stored or pending, so its draft and the fields start afresh, if they still hold it:
   * switched to another kind or event while it was sent, what is typed there stays. The focus moves to the confirmation
   * only from inside the form: after a slow store, the person may have moved on in the page.
   */
  private async confirm(confirmation: Confirmation, sent: Draft): Promise<void> {
    if (this.drafts.clearSent(sent)) this.values = emptyValues(this.currentKind);
    const focused = focusIsWithin(this);
    this.notice = undefined;
    this.confirmation = confirmation;
    if (focused) await focusAfterUpdate(this, '[part="confirmation"]');
  }

  /**
   * Puts a refused contribution back in the form to correct and send again: saved as the draft before the store drops it.
   * Over something else being typed, only once the person agrees to lose that.
   */
  private async putBack({ key, record }: PendingContribution): Promise<void> {
    if (!isBlank(this.currentKind, this.values) && !window.confirm(STRINGS[this.language].replaceTyped(record.title))) return;
    this.values = toValues(this.currentKind, { ...record });
    this.drafts.saveNow(this.values);
    await this.storeController.store.discardPending(key);
    // Read again now: the HTTP store says nothing when a write it refused is dropped (its count of waiting writes is the same).
    void this.pendingContributions.refresh();
    this.confirmation = EDITING;
    this.issues = [];
    this.notice = undefined;
    await focusAfterUpdate(this, FIRST_CONTROL);
  }

  /** Pending writes that reached the store: the confirmation's, or one this form listed as waiting. */
  private onSent(sent: SentWrite[]): void {
    for (const { id, kind, record } of sent) {
      // A form contributes side events and seeds: another store user's place or organizer is not its to announce.
      if (!record || !isEventRecordKind(kind) || !('title' in record)) continue;
      if (!(isShownPending(this.confirmation, id) || this.pendingContributions.lists(id))) continue;
      this.confirmation = afterSent(this.confirmation, id, record.title);
      announceContributed(this, kind, record, id);
    }
  }

  private async addAnother(): Promise<void> {
    this.confirmation = EDITING;
    await this.updateComplete;
    this.antiBot.restart();
    await focusAfterUpdate(this, FIRST_CONTROL);
  }

  override render(): TemplateResult {
    const { language: lang, currentKind: kind, confirmation } = this;
    const heading = headingTag(this.headingLevel, 2);
    const { waiting, refused } = this.pendingContributions;
    return html`
      <section lang=${lang} aria-labelledby="heading">
        ${staticHtml`<${heading} id="heading" part="heading">${this.label || STRINGS[lang].kinds[kind].heading}</${heading}>`}
        ${statusTemplate({
          lang,
          kind,
          persistent: this.storeController.status.persistent,
          editRightsKept: this.storeController.status.editRightsKept !== false,
          offline: !this.network.online,
          waiting: waiting.length,
          refused,
          onPutBack: (write) => void this.putBack(write),
          sentLater: confirmation.state === 'editing' ? confirmation.sentLater : undefined,
          notice: this.notice,
          issues: this.issues,
          issueMessage: this.checks.issueMessage,
        })}
        ${confirmation.state === 'editing'
          ? formTemplate({
              lang,
              kind,
              values: this.values,
              issues: this.issues,
              issueMessage: this.checks.issueMessage,
              busy: this.busy,
              askedToConfirm: this.notice?.type === 'too-fast',
              timeZone: this.timeZone,
              suggestions: this.networkFields.suggestions,
              newPlace: { open: this.networkFields.newPlaceOpen, toggle: this.networkFields.toggleNewPlace },
              onInput: this.onInput,
              onSubmit: this.onSubmit,
            })
          : confirmationTemplate(confirmation, kind, lang, this.addAnother)}
      </section>
    `;
  }
}
