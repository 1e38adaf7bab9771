import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { html as staticHtml } from 'lit/static-html.js';
import { storageMessage } from '../../model/messages.js';
import type { Seed } from '../../model/records.js';
import { StorageError } from '../../storage/errors.js';
import type { ListQuery } from '../../storage/store.js';
import { AnnouncementController } from '../shared/announcement-controller.js';
import { headingTag } from '../shared/heading.js';
import { errorTemplate, statusTemplate, statusText, warningsTemplate } from '../shared/list-parts.js';
import { listStyles } from '../shared/list.styles.js';
import { LiveListController } from '../shared/live-list-controller.js';
import { OffElement } from '../shared/off-element.js';
import { RecordLookupController } from '../shared/record-lookup-controller.js';
import { replantSeed } from '../shared/replant.js';
import { StoreController } from '../shared/store-controller.js';
import { themeStyles } from '../shared/theme.styles.js';
import { visuallyHiddenStyles } from '../shared/visually-hidden.styles.js';
import { WindowedListController } from '../shared/windowed-list-controller.js';
import { seedBrowserStyles } from './off-seed-browser.styles.js';
import { strings, type SeedBrowserStrings } from './off-seed-browser.strings.js';
import { filtersTemplate, listTemplate, type ReplantState } from './off-seed-browser.templates.js';
import { SeedFilterController } from './seed-filter-controller.js';

/** Every event's seeds: the commons. */
const ALL_SEEDS: ListQuery = {};

/**
 * The seeds of every event in the store, the commons, newest first: searchable by title, text, author and tag,
 * filtered by tag, licence and the event each was planted at (shown by its name), each replantable into this
 * page's event in one click. Renders at most 60 seeds at a time (pages of 30), so it stays fast with tens of
 * thousands. Keyboard as on the board: ArrowDown/ArrowUp, Home/End move between the seeds' titles.
 *
 * @summary The seeds of every event, searchable, each replantable into this one.
 * @tag off-seed-browser
 *
 * @event off-replanted - A seed was replanted into `event`. `detail: { record: Seed, from: Seed }` (the new seed and the original).
 *
 * @csspart browser - The whole browser.
 * @csspart heading - Its heading.
 * @csspart warning - A notice that the device is offline, or keeps nothing.
 * @csspart filters - The search form around the filters.
 * @csspart filter-input - The text filter.
 * @csspart tag-filter - The tag filter.
 * @csspart license-filter - The licence filter.
 * @csspart event-filter - The filter by the event a seed was planted at.
 * @csspart status - The count of matching seeds (or the loading message); read out once the visitor stops typing.
 * @csspart error - The error message and its retry button.
 * @csspart retry-button - Loads the seeds again.
 * @csspart empty - No seeds yet, or none matching.
 * @csspart clear-button - Clears the filters.
 * @csspart list - The seeds shown.
 * @csspart item - One seed.
 * @csspart item-title - Its title.
 * @csspart item-origin - The event it was planted at, by name, and its date.
 * @csspart item-author - Its author.
 * @csspart item-license - Its licence.
 * @csspart item-tags - Its tags.
 * @csspart item-body - Its text, three lines at most.
 * @csspart item-actions - The replant button and its error.
 * @csspart replant-button - Replants the seed into `event`.
 * @csspart item-replanted - "Replanted into …", once done.
 * @csspart item-error - Why a replanting failed.
 * @csspart more-button - Shows the next seeds.
 * @csspart earlier-button - Shows the previous seeds.
 * @csspart range - "Showing 31–90 of 1,234".
 *
 * @cssproperty --off-color-bg - Background.
 * @cssproperty --off-color-surface - Background of items and controls.
 * @cssproperty --off-color-fg - Text.
 * @cssproperty --off-color-muted - Secondary text.
 * @cssproperty --off-color-border - Borders.
 * @cssproperty --off-color-accent - Buttons.
 * @cssproperty --off-color-accent-fg - Text on the accent.
 * @cssproperty --off-color-danger - Error text.
 * @cssproperty --off-color-success - Confirmations.
 * @cssproperty --off-color-focus - Focus ring.
 * @cssproperty --off-radius - Corner radius.
 * @cssproperty --off-space - Base spacing.
 * @cssproperty --off-font - Font family.
 * @cssproperty --off-font-size - Base font size.
 */
export class OffSeedBrowser extends OffElement {
  static override styles = [themeStyles, visuallyHiddenStyles, listStyles, seedBrowserStyles];
  static override strings = strings;

  /** The host event of this page, e.g. `g21`: each seed of another event gets a button that replants it here. Empty: no replanting. */
  @property() event = '';

  /** Other reference servers read alongside `store`, read-only: their addresses (`https://…/api`), space-separated. Their records show with where they come from. */
  @property() sources = '';

  /** The browser's heading, "Seeds of every event" in its language by default. */
  @property() label = '';

  /** Level of the heading, 1 to 6 (default 2); seed titles take the next level. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  private readonly list = new LiveListController(this, 'seed', () => ALL_SEEDS);
  private readonly records = new RecordLookupController(this);
  private readonly storeController = new StoreController(this);
  private readonly announcer = new AnnouncementController(this);
  /** Replantings of this visit, by the id of the seed replanted. */
  private readonly replants = new Map<string, ReplantState>();
  private readonly filters = new SeedFilterController(this, {
    records: () => this.list.records,
    changed: () => this.windowed.view.reset(),
    settled: () => this.announcer.announce(this.status),
  });
  private readonly windowed = new WindowedListController(this, {
    count: () => this.filters.results.length,
    fallbacks: () => [this.renderRoot.querySelector('#filter'), this.renderRoot.querySelector('#heading')],
  });

  /** Loads the seeds again from the store (after an error, say). */
  reload(): void {
    this.list.reload();
  }

  /** Plants a copy of `seed` in `event` (licence, author and tags kept, `replantedFrom` its id); resolves to the new seed. */
  async replant(seed: Seed): Promise<Seed | undefined> {
    if (!this.event || this.replants.get(seed.id)?.kind === 'replanting') return undefined;
    this.setReplant(seed.id, { kind: 'replanting' });
    try {
      return await replantSeed(this, this.storeController.store, seed, this.event, () => {
        this.setReplant(seed.id, { kind: 'replanted' });
        this.announcer.announce(this.t.replantedOne(seed.title, this.eventName(this.event)));
      });
    } catch (error) {
      const message = error instanceof StorageError ? error.messageIn(this.language) : storageMessage('unavailable', this.language);
      this.setReplant(seed.id, { kind: 'error', message });
      this.announcer.announce(message);
      return undefined;
    }
  }

  private setReplant(id: string, state: ReplantState): void {
    this.replants.set(id, state);
    this.requestUpdate();
  }

  private get t(): SeedBrowserStrings {
    return strings[this.language];
  }

  private readonly eventName = (id: string): string => this.records.get('event', id)?.name ?? id;

  protected override willUpdate(changed: PropertyValues<this>): void {
    // What was replanted into another event (or store) is no longer what the buttons say.
    if (changed.has('event') || changed.has('store')) this.replants.clear();
    if (changed.has('store')) this.windowed.view.reset();
  }

  /** The count of seeds matching, or what the list is doing. */
  private get status(): string {
    return statusText(this.list.state, this.filters.results.length, this.language, this.t);
  }

  override render(): TemplateResult {
    const t = this.t;
    const heading = headingTag(this.headingLevel, 2);
    const hasRecords = this.list.state === 'ready' && this.list.records.length > 0;
    return html`
      <section part="browser" class="frame" lang=${this.language} aria-labelledby="heading" aria-busy=${this.list.state === 'loading' ? 'true' : 'false'}>
        ${staticHtml`<${heading} id="heading" part="heading" tabindex="-1">${this.label || t.heading}</${heading}>`}
        ${warningsTemplate(this.list.storeStatus, t)}
        ${filtersTemplate(t, this.language, !hasRecords, this.eventName, this.filters)}
        ${statusTemplate(this.status, this.announcer.text)}
        ${this.renderResults()}
      </section>
    `;
  }

  /** The seeds matching, or why there are none to show. */
  private renderResults(): TemplateResult | typeof nothing {
    const { list, filters, t } = this;
    if (list.state !== 'ready') return list.state === 'error' ? errorTemplate(t, this.language, list.error, () => this.reload()) : nothing;
    if (list.records.length === 0) return html`<p part="empty" class="empty">${t.empty}</p>`;
    if (filters.results.length === 0) {
      return html`
        <div part="empty" class="empty">
          <p>${t.noMatch}</p>
          <button part="clear-button" class="secondary" type="button" @click=${filters.clear}>${t.clearFilters}</button>
        </div>
      `;
    }
    const context = {
      t,
      lang: this.language,
      titleHeading: headingTag(this.headingLevel, 2, 1),
      event: this.event,
      eventName: this.eventName,
      replants: this.replants,
      replant: (seed: Seed) => void this.replant(seed),
    };
    return listTemplate(context, filters.results, this.windowed.view);
  }
}
