import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Lang } from '../../model/lang.js';
import { licenseFor } from '../../model/licenses.js';
import { storageMessage } from '../../model/messages.js';
import { LICENSES, type EventRecordKind } from '../../model/records.js';
import type { FieldIssue } from '../../model/validate.js';
import { plural } from '../shared/i18n.js';
import { honeypotTemplate } from './anti-bot.js';
import { FIELDS, NEW_PLACE_SPECS, type FieldSpec, type FormValues } from './fields.js';
import type { Confirmation, Notice } from './form-state.js';
import type { Suggestions } from './known-records.js';
import { STRINGS, type ContributeFormStrings } from './off-contribute-form.strings.js';
import type { PendingContribution } from './pending-contributions.js';

/** An issue's message, from the form's checks (loaded once there are issues). */
type IssueMessage = (issue: FieldIssue, lang: Lang) => string;

export interface StatusView {
  lang: Lang;
  kind: EventRecordKind;
  persistent: boolean;
  /** False when the store could not keep the edit rights of what was added (see `StoreStatus.editRightsKept`). */
  editRightsKept: boolean;
  offline: boolean;
  waiting: number;
  refused: PendingContribution[];
  onPutBack: (refused: PendingContribution) => void;
  sentLater?: string;
  notice?: Notice;
  issues: FieldIssue[];
  issueMessage: IssueMessage;
}

export interface FormView {
  lang: Lang;
  kind: EventRecordKind;
  values: FormValues;
  issues: FieldIssue[];
  issueMessage: IssueMessage;
  busy: boolean;
  askedToConfirm: boolean;
  timeZone: string;
  /** Known places and organisers, suggested in the side event's fields. */
  suggestions: Suggestions;
  newPlace: { open: boolean; toggle: () => void };
  onInput: (event: Event) => void;
  onSubmit: (event: SubmitEvent) => void;
}

/** Not atomic, as role=status is by default: a new message is read out alone, not after the warnings already shown. */
export function statusTemplate(view: StatusView): TemplateResult {
  const { lang, refused } = view;
  const strings = STRINGS[lang];
  return html`
    <div part="status" class="status" role="status" aria-atomic="false" tabindex="-1">
      ${view.persistent ? nothing : html`<p class="warning">${strings.notPersistent}</p>`}
      ${view.editRightsKept ? nothing : html`<p class="warning">${strings.editRightsNotKept}</p>`}
      ${view.offline ? html`<p class="offline">${strings.offline}</p>` : nothing}
      ${view.waiting ? html`<p class="pending">${plural(lang, view.waiting, strings.pendingCount)}</p>` : nothing}
      ${refused.length
        ? html`<p class="refused">${plural(lang, refused.length, strings.refusedCount)}</p>
            <ul class="refused">
              ${refused.map(
                (write) =>
                  html`<li>
                    ${write.record.title}: ${storageMessage(write.failure!, lang)}
                    <button
                      type="button"
                      class="put-back"
                      aria-label=${strings.putBackLabel(write.record.title)}
                      @click=${() => view.onPutBack(write)}
                    >
                      ${strings.putBack}
                    </button>
                  </li>`,
              )}
            </ul>`
        : nothing}
      ${view.sentLater ? html`<p class="sent">${strings.sentLater(view.sentLater)}</p>` : nothing} ${noticeTemplate(view)}
    </div>
  `;
}

function noticeTemplate({ notice, lang, kind, issues, issueMessage }: StatusView): TemplateResult | typeof nothing {
  if (!notice) return nothing;
  if (notice.type === 'too-fast') return html`<p class="notice">${STRINGS[lang].tooFast}</p>`;
  if (notice.type === 'unchecked') return html`<p class="notice error">${STRINGS[lang].unchecked}</p>`;
  if (notice.type === 'error') return html`<p class="notice error">${notice.error.messageIn(lang)}</p>`;
  const shown = new Set([...FIELDS[kind], ...NEW_PLACE_SPECS].map((field) => field.name as string));
  const elsewhere = issues.filter((issue) => !shown.has(issue.field));
  return html`<p class="notice error">${storageMessage('validation', lang)}</p>
    ${elsewhere.map((issue) => html`<p class="notice error">${issue.field}: ${issueMessage(issue, lang)}</p>`)}`;
}

/** `kind`: the form's kind now, whose "add another" button brings the fields back. */
export function confirmationTemplate(
  confirmation: Exclude<Confirmation, { state: 'editing' }>,
  kind: EventRecordKind,
  lang: Lang,
  onAnother: () => void,
): TemplateResult {
  const { kinds, pendingNow } = STRINGS[lang];
  return html`
    <div part="confirmation" class="confirmation" role="status" tabindex="-1">
      <p class="thanks">${confirmation.state === 'pending' ? pendingNow : kinds[confirmation.kind].thanks(confirmation.title)}</p>
      <button type="button" class="another" @click=${onAnother}>${kinds[kind].another}</button>
    </div>
  `;
}

export function formTemplate(view: FormView): TemplateResult {
  const strings = STRINGS[view.lang];
  const label = view.busy ? strings.sending : view.askedToConfirm ? strings.confirmSubmit : strings.kinds[view.kind].submit;
  return html`
    <form part="form" novalidate aria-labelledby="heading" aria-busy=${view.busy ? 'true' : 'false'} @submit=${view.onSubmit}>
      <p class="required-note">${strings.requiredNote}</p>
      ${FIELDS[view.kind].map((field) => (field.name === 'place' ? html`${fieldTemplate(field, view, strings)}${newPlaceTemplate(view, strings)}` : fieldTemplate(field, view, strings)))}
      ${honeypotTemplate(strings.honeypot)} ${suggestionListsTemplate(view.suggestions)}
      <button part="submit" type="submit" class="submit" aria-disabled=${view.busy ? 'true' : 'false'}>${label}</button>
    </form>
  `;
}

/** "Add a new place", and the fieldset it reveals: the place record created before the side event. */
function newPlaceTemplate(view: FormView, strings: ContributeFormStrings): TemplateResult {
  const { open, toggle } = view.newPlace;
  return html`
    <button part="new-place-button" class="link new-place-button" type="button" aria-expanded=${open ? 'true' : 'false'} aria-controls="new-place" @click=${toggle}>
      ${strings.newPlace}
    </button>
    <fieldset part="new-place" id="new-place" class="new-place" ?hidden=${!open}>
      <legend>${strings.newPlaceLegend}</legend>
      ${open ? NEW_PLACE_SPECS.map((field) => fieldTemplate(field, view, strings)) : nothing}
    </fieldset>
  `;
}

/** The known places ("name — address", so that two of the same name differ) and organisers, for the fields' `list`. */
function suggestionListsTemplate({ place, organizer }: Suggestions): TemplateResult {
  const options = (labels: string[]) => labels.map((label) => html`<option value=${label}></option>`);
  return html`<datalist id="suggestions-place">${options(place)}</datalist><datalist id="suggestions-organizer">${options(organizer)}</datalist>`;
}

function fieldTemplate(field: FieldSpec, view: FormView, strings: ContributeFormStrings): TemplateResult {
  const id = `field-${field.name}`;
  const issue = view.issues.find((candidate) => candidate.field === field.name);
  const hint = hintFor(field, view.timeZone, strings);
  const describedBy = [hint && `${id}-hint`, issue && `${id}-error`].filter(Boolean).join(' ');
  return html`
    <div part="field" class="field">
      <label part="label" for=${id}
        >${strings.labels[field.name]}${field.required ? html`<span class="required" aria-hidden="true"> *</span>` : nothing}</label
      >
      ${hint ? html`<p class="hint" id=${`${id}-hint`}>${hint}</p>` : nothing} ${controlTemplate(field, id, describedBy, Boolean(issue), view)}
      ${issue ? html`<p part="error" class="error" id=${`${id}-error`}>${view.issueMessage(issue, view.lang)}</p>` : nothing}
    </div>
  `;
}

function hintFor(field: FieldSpec, timeZone: string, { hints }: ContributeFormStrings): string | undefined {
  if (field.hint === 'tags') return hints.tags;
  if (field.hint === 'url') return hints.url;
  if (field.hint === 'suggestions') return hints.suggestions;
  if (field.hint === 'time-zone' && timeZone) return hints.timeZone(timeZone);
  return undefined;
}

/**
 * While sending, the controls are read-only (a select cannot be: disabled): what they show is what is sent, and stays so.
 * `aria-invalid` is always set: without it, Chromium tells screen readers that an empty required date is invalid
 * before anything was sent.
 */
function controlTemplate(field: FieldSpec, id: string, describedBy: string, invalid: boolean, view: FormView): TemplateResult {
  const value = view.values[field.name] ?? '';
  const describedByAttr = describedBy || nothing;
  if (field.control === 'select') {
    return html`<select
      part="input"
      id=${id}
      name=${field.name}
      autocomplete=${field.autocomplete}
      aria-invalid=${invalid}
      aria-describedby=${describedByAttr}
      ?disabled=${view.busy}
      @input=${view.onInput}
    >
      ${LICENSES.map(
        (license) => html`<option value=${license} .selected=${live(license === value)}>${licenseFor(license, view.lang)?.name}</option>`,
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
      ?readonly=${view.busy}
      .value=${live(value)}
      @input=${view.onInput}
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
    list=${field.suggestions ? `suggestions-${field.suggestions}` : nothing}
    aria-invalid=${invalid}
    aria-describedby=${describedByAttr}
    ?readonly=${view.busy}
    .value=${live(value)}
    @input=${view.onInput}
  />`;
}
