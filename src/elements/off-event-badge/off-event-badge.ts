import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { plural } from '../shared/i18n.js';
import { LiveCountController } from '../shared/live-count-controller.js';
import { LoadedOnPress } from '../shared/loaded-on-press.js';
import { memoizeLast } from '../shared/memo.js';
import { OffElement } from '../shared/off-element.js';
import { RecordLookupController } from '../shared/record-lookup-controller.js';
import { sideEventQuery } from '../shared/side-event-query.js';
import { themeStyles } from '../shared/theme.styles.js';
import { badgeStyles } from './off-event-badge.styles.js';
import { strings } from './off-event-badge.strings.js';
import { qrGeometry, type QrGeometry } from './qr.js';
import { badgeTarget } from './target.js';

/**
 * The #OFF mark of a host event (or of a venue, across events) for a venue page or a printed poster: the live
 * number of side events and a QR code that leads to the #OFF layer.
 *
 * @summary #OFF mark, live side-event count and a printable QR code.
 * @tag off-event-badge
 *
 * @csspart card - The badge's frame.
 * @csspart mark - The "#OFF" mark.
 * @csspart label - The label text.
 * @csspart count - The live count of side events (a polite live region; while changes arrive it shows them at most once a second).
 * @csspart qr - The QR code (`role="img"`, labelled with its destination).
 * @csspart link - The link to the #OFF layer.
 * @csspart download - The button that downloads the QR code as an SVG file.
 * @csspart download-error - Beside that button pressed offline: the file could not be made (role="alert").
 *
 * @cssproperty --off-color-bg - Background of the card.
 * @cssproperty --off-color-fg - Text colour.
 * @cssproperty --off-color-muted - Secondary text.
 * @cssproperty --off-color-border - Card border.
 * @cssproperty --off-color-accent - The mark and the link.
 * @cssproperty --off-color-accent-fg - Text on the accent colour.
 * @cssproperty --off-color-danger - The message of a download that failed.
 * @cssproperty --off-color-focus - Focus ring.
 * @cssproperty --off-radius - Corner radius.
 * @cssproperty --off-space - Base spacing.
 * @cssproperty --off-font - Font family.
 * @cssproperty --off-qr-dark - Dark modules of the QR code (keep it dark: scanners expect dark on light).
 * @cssproperty --off-qr-light - Light modules and quiet zone of the QR code.
 */
export class OffEventBadge extends OffElement {
  static override styles = [themeStyles, badgeStyles];
  static override strings = strings;

  /** The host event whose side events are counted, e.g. `g21`. */
  @property() event = '';

  /** Id of a place record: counts the side events to come there, across events without `event`. */
  @property() place = '';

  /** Where the QR code and link lead: an http(s) or relative URL; defaults to this page without its fragment, nor the campaign tags and click ids it was reached with (`utm_*`, `fbclid`, `gclid`…), plus `#off`. */
  @property() href = '';

  /** Other reference servers read alongside `store`, read-only: their addresses (`https://…/api`), space-separated. Their records show with where they come from. */
  @property() sources = '';

  /** Text beside the count; defaults to "Side events around this event" in the element's language, naming the event (or the place) once described. */
  @property() label = '';

  private readonly query = memoizeLast(sideEventQuery);
  private readonly sideEvents = new LiveCountController(this, 'side-event', () => this.query(this.event, this.place, '', false));
  private readonly related = new RecordLookupController(this);
  /** The QR code of the address the badge points to, encoded again only when that address changes; no geometry when it is too long for one. */
  private qr?: Partial<QrGeometry> & { target: string };
  /** The SVG file's writer: most pages that show a badge never save it. */
  private readonly qrFile = new LoadedOnPress(this, () => import('./qr-file.js'));

  private countText(): string {
    const text = strings[this.language];
    const { state, count, error } = this.sideEvents;
    if (state === 'ready') return count ? plural(this.language, count, text.count) : text.zero;
    return (state === 'error' && error?.messageIn?.(this.language)) || text.counting;
  }

  private defaultLabel(): string {
    const text = strings[this.language];
    const name = this.event ? this.related.event(this.event)?.name : this.related.place(this.place)?.name;
    if (!name) return text.label;
    return this.event ? text.labelAround(name) : text.labelAt(name);
  }

  /** Saves the rendered QR code as `off-<event>-qr.svg`, in the colours it has on screen. */
  async downloadQr(): Promise<void> {
    // Looked up here rather than with @query: the badge is the smallest page, and the decorator is its only use there.
    const rendered = this.renderRoot.querySelector('svg');
    if (!rendered) return;
    await this.qrFile.run(({ downloadQrSvg }) => downloadQrSvg(rendered, `off-${this.event || 'event'}-qr.svg`));
  }

  protected override willUpdate(): void {
    const target = badgeTarget(this.href);
    if (this.qr?.target !== target) this.qr = { target, ...qrGeometry(target) };
  }

  protected override render() {
    const text = strings[this.language];
    const { target, side, path } = this.qr!;
    return html`
      <div part="card" class="card" lang=${this.language}>
        <div class="text">
          <span part="mark" class="mark">#OFF</span>
          <p part="label" class="label">${this.label || this.defaultLabel()}</p>
          <p part="count" class="count" role="status" aria-busy=${this.sideEvents.state === 'loading'}>${this.countText()}</p>
          <a part="link" class="link" href=${target}>${text.open}</a>
          <p class="print-url">${target}</p>
        </div>
        <div class="qr-column">
          ${path
            ? html`<div part="qr" class="qr" role="img" aria-label=${text.qrLabel(target)}>
                  <svg viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges" aria-hidden="true">
                    <rect width=${side} height=${side}></rect>
                    <path d=${path}></path>
                  </svg>
                </div>
                <button part="download" class="download" type="button" @click=${this.downloadQr}>${text.download}</button>
                ${this.qrFile.failedFor !== undefined ? html`<p part="download-error" class="download-error" role="alert">${text.downloadFailed}</p>` : nothing}`
            : html`<p class="qr">${text.tooLong}</p>`}
        </div>
      </div>
    `;
  }
}
