import { Task, TaskStatus } from '@lit/task';
import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { recordToJson } from '../../model/json.js';
import { storageMessage } from '../../model/messages.js';
import type { Seed } from '../../model/records.js';
import { StorageError } from '../../storage/errors.js';
import type { StoreChange } from '../../storage/store.js';
import { downloadText } from '../shared/download.js';
import { OffElement } from '../shared/off-element.js';
import { RecordLookupController } from '../shared/record-lookup-controller.js';
import { replantSeed } from '../shared/replant.js';
import { StoreController } from '../shared/store-controller.js';
import { themeStyles } from '../shared/theme.styles.js';
import { visuallyHiddenStyles } from '../shared/visually-hidden.styles.js';
import { LineageController } from './lineage-controller.js';
import { isSeedAddress, readSeedAt } from './lineage-sources.js';
import { seedCardStyles } from './off-seed-card.styles.js';
import { strings } from './off-seed-card.strings.js';
import { linkId, messageTemplate, seedTemplate, type Status } from './off-seed-card.templates.js';
import { shareLink } from './share.js';
import { DEFAULT_SEED_HREF, seedUrl } from './seed-view.js';

/** What the card needs to show a seed; a host page's `.seed` (or a tampered store) may lack some of it. */
const isComplete = ({ id, title, body, tags, createdAt }: Seed) =>
  [id, title, body, createdAt].every((field) => typeof field === 'string') && Array.isArray(tags);

/**
 * A seed of knowledge: its text with safe links, its licence, author, origin and
 * lineage, and what one can do with it: share its link, replant it into the
 * current event, export it as JSON.
 *
 * @summary One seed of knowledge, with share, replant and export.
 * @tag off-seed-card
 *
 * @csspart card - The `<article>` frame.
 * @csspart title - The heading with the seed's title.
 * @csspart body - The seed's text (newlines kept, web addresses linked).
 * @csspart meta - The author, origin event, date, licence and source.
 * @csspart license - The licence link.
 * @csspart tags - The list of tags.
 * @csspart lineage - "Replanted from …".
 * @csspart lineage-tree - The `<figure>` of the seed's lineage across events, when it has one.
 * @csspart lineage-picture - The SVG drawing of the lineage: the chain of seeds it was replanted from, and the tree of its replantings.
 * @csspart lineage-list - The same lineage as nested lists, visually hidden: what screen readers read instead of the drawing.
 * @csspart actions - The share, replant and export buttons.
 *
 * @cssproperty --off-color-bg - Background of the card.
 * @cssproperty --off-color-surface - Background of the tags.
 * @cssproperty --off-color-fg - Text colour.
 * @cssproperty --off-color-muted - Secondary text.
 * @cssproperty --off-color-border - Borders.
 * @cssproperty --off-color-accent - Links and the main button.
 * @cssproperty --off-color-accent-fg - Text on the accent colour.
 * @cssproperty --off-color-danger - Error messages.
 * @cssproperty --off-color-success - Confirmations.
 * @cssproperty --off-color-focus - Focus ring.
 * @cssproperty --off-radius - Corner radius.
 * @cssproperty --off-space - Base spacing.
 * @cssproperty --off-font - Font family.
 *
 * @event off-replanted - A copy of the seed was planted in `replant-event`. `detail: { record: Seed, from: Seed }` (the new seed and the original).
 */
export class OffSeedCard extends OffElement {
  static override styles = [themeStyles, visuallyHiddenStyles, seedCardStyles];
  static override strings = strings;

  /** Id of the seed to load from the store, or its URL on another server (`https://other.example/api/seeds/ID`), read there. Ignored when the `seed` property is set. */
  @property({ attribute: 'seed' }) seedId = '';

  private given?: Seed;

  /**
   * The seed record itself, shown as given (wins over the `seed` attribute). A string is taken as the
   * seed's id: frameworks that set properties (React 19, Vue, Svelte) pass `seed="…"` here.
   */
  @property({ attribute: false, noAccessor: true })
  get seed(): Seed | undefined {
    return this.given;
  }

  set seed(value: Seed | string | undefined) {
    const old = this.given;
    if (typeof value === 'string') this.seedId = value;
    this.given = typeof value === 'string' ? undefined : value;
    this.requestUpdate('seed', old);
  }

  /** The current host event: shows a button that replants the seed into it (a new seed recording `replantedFrom`). */
  @property({ attribute: 'replant-event' }) replantEvent = '';

  /** Link pattern of a seed's page, `{id}` replaced by its id (relative to this page or http(s)): used to share and for lineage links. */
  @property({ attribute: 'seed-href' }) seedHref = DEFAULT_SEED_HREF;

  /** Level of the title heading, 1 to 6, to fit the page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  @state() private status?: Status;
  @state() private copyByHand?: string;

  private readonly storeController = new StoreController(this, (change) => this.onStoreChange(change));
  private readonly records = new RecordLookupController(this);

  private readonly loader = new Task(this, {
    task: ([id, given]) => {
      if (given) return Promise.resolve(undefined);
      return isSeedAddress(id) ? readSeedAt(id) : this.storeController.store.get('seed', id);
    },
    args: () => [this.seedId, this.seed !== undefined, this.store] as const,
  });

  /** The seeds this one was replanted from (its parent's title among them) and those replanted from it. */
  private readonly lineage = new LineageController(this, {
    seed: () => this.record,
    store: () => this.storeController.store,
    storeSpec: () => this.store,
  });

  /** The seed given or loaded: the `seed` property, else the one loaded by id (not the previous one while the next loads). */
  private get candidate(): Seed | undefined {
    const loaded = this.loader.value;
    const current = loaded?.id === this.seedId || this.loader.status === TaskStatus.COMPLETE;
    return this.given ?? (current ? loaded : undefined);
  }

  /** The seed on show, when it has all the card needs. */
  get record(): Seed | undefined {
    const seed = this.candidate;
    return seed && isComplete(seed) ? seed : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the page (moved by a framework, a tab shown again): changes made meanwhile reached no one.
    if (this.hasUpdated) {
      void this.loader.run();
      this.lineage.run();
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A status belongs to the seed it is about: a fresh copy of the same record (a framework rendering again) keeps it.
    const anotherSeed = changed.has('seed') && (changed.get('seed') as Seed | undefined)?.id !== this.given?.id;
    if (anotherSeed || changed.has('seedId')) {
      this.status = undefined;
      this.copyByHand = undefined;
    }
  }

  private onStoreChange(change: StoreChange): void {
    if (change.type === 'status') {
      // What could not be read while the store was unreachable (bad venue Wi-Fi) is read again once it is back.
      if (!change.status.online) return;
      if (this.loader.status === TaskStatus.ERROR) void this.loader.run();
      if (this.lineage.failed) this.lineage.run();
      return;
    }
    if (change.type === 'pending' || change.kind !== 'seed') return;
    const touched = (id: string | undefined) =>
      id !== undefined && (change.type === 'remove' ? change.id === id : change.records.some((record) => record.id === id));
    if (!this.seed && touched(this.seedId)) void this.loader.run();
    this.lineage.changed(change);
  }

  /** Shares the seed's link with the system share sheet, or copies it; reports the outcome in the status line. */
  async share(): Promise<void> {
    const seed = this.record;
    if (!seed) return;
    const url = seedUrl(this.seedHref, linkId(seed));
    const outcome = await shareLink({ title: seed.title, url });
    this.copyByHand = outcome === 'by-hand' ? url : undefined;
    this.status = outcome === 'shared' || outcome === 'copied' ? { kind: outcome } : undefined;
    if (outcome === 'by-hand') {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('.copy-by-hand input')?.select();
    }
  }

  /** Plants a copy of the seed in `replant-event` and emits `off-replanted`; resolves to the new seed. */
  async replant(): Promise<Seed | undefined> {
    const from = this.record;
    if (!from || !this.replantEvent || this.status?.kind === 'replanting') return undefined;
    this.status = { kind: 'replanting' };
    try {
      return await replantSeed(this, this.storeController.store, from, this.replantEvent, (record) => {
        this.status = { kind: 'replanted', seed: record };
      });
    } catch (error) {
      this.status = { kind: 'error', message: this.errorMessage(error) };
      return undefined;
    }
  }

  /** Downloads the seed as `seed-<id>.json`. */
  exportJson(): void {
    const seed = this.record;
    // Not loaded on first use (0.2 KB): a card read on a phone that has since gone offline still exports.
    if (seed) downloadText(recordToJson(seed), `seed-${seed.id}.json`, 'application/json');
  }

  private errorMessage(error: unknown): string {
    return error instanceof StorageError ? error.messageIn(this.language) : storageMessage('unavailable', this.language);
  }

  protected override render() {
    const seed = this.record;
    const text = strings[this.language];
    if (!seed) {
      const incomplete = this.candidate !== undefined;
      const failed = incomplete || this.loader.status === TaskStatus.ERROR;
      const message = incomplete ? text.incomplete : failed ? this.errorMessage(this.loader.error) : text.loading;
      return messageTemplate(this.language, message, failed);
    }
    const { persistent, online, reason } = this.storeController.status;
    return seedTemplate({
      seed,
      lang: this.language,
      text,
      card: this,
      lineage: this.lineage.value,
      drawLineage: this.lineage.draw,
      eventName: (id) => this.eventName(id),
      // replant-event removed by a framework is null: no button then either.
      replantInto: this.replantEvent && this.replantEvent !== seed.event ? this.replantEvent : '',
      warning: !online ? text.offline : !persistent && reason !== 'memory' ? text.notKept : '',
      status: this.status,
      copyByHand: this.copyByHand,
    });
  }

  /** The host event's name, or its id when nobody described it (or while it loads). */
  private eventName(id: string): string {
    return this.records.get('event', id)?.name ?? id;
  }
}
