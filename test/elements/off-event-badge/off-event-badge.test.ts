import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { correction, generate } from 'lean-qr/nano';
import '../../../src/elements/off-event-badge/define.js';
import type { OffEventBadge } from '../../../src/elements/off-event-badge/off-event-badge.js';
import { standaloneQrSvg } from '../../../src/elements/off-event-badge/qr-file.js';
import { QR_OPTIONS, QUIET_ZONE } from '../../../src/elements/off-event-badge/qr.js';
import { storeFor } from '../../../src/elements/shared/store-registry.js';
import { createIdbStore } from '../../../src/storage/idb.js';
import { sideEventInput, uniqueName } from '../../storage/fixtures.js';

function shadow(el: OffEventBadge): ShadowRoot {
  return el.shadowRoot!;
}

function part(el: OffEventBadge, name: string): HTMLElement {
  return shadow(el).querySelector(`[part="${name}"]`) as HTMLElement;
}

async function ready(el: OffEventBadge): Promise<void> {
  await waitUntil(() => part(el, 'count').getAttribute('aria-busy') === 'false', 'the count never loaded');
}

/** Reads the rendered path back into dark modules: "M{x} {y}h{n}v1h-{n}z" per horizontal run. */
function renderedMatrix(el: OffEventBadge): boolean[][] {
  const svg = shadow(el).querySelector('svg')!;
  const side = svg.viewBox.baseVal.width;
  const matrix = Array.from({ length: side }, () => Array<boolean>(side).fill(false));
  const d = svg.querySelector('path')!.getAttribute('d')!;
  expect(d).to.match(/^(M\d+ \d+h\d+v1h-\d+z)+$/);
  for (const [, x, y, length] of d.matchAll(/M(\d+) (\d+)h(\d+)/g)) {
    for (let i = 0; i < Number(length); i += 1) matrix[Number(y)]![Number(x) + i] = true;
  }
  return matrix;
}

function expectedMatrix(text: string): boolean[][] {
  const code = generate(text, QR_OPTIONS);
  const side = code.size + 2 * QUIET_ZONE;
  return Array.from({ length: side }, (_, y) => Array.from({ length: side }, (_, x) => code.get(x - QUIET_ZONE, y - QUIET_ZONE)));
}

/** Long enough for the count to settle after the last change. */
const SETTLED = { timeout: 4000 };

const pageWithoutHash = () => location.href.replace(/#.*$/, '');

describe('off-event-badge', () => {
  it('is accessible while loading', async () => {
    const store = storeFor('memory');
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const list = store.list.bind(store);
    store.list = (async (...args: Parameters<typeof list>) => {
      await held;
      return list(...args);
    }) as typeof store.list;
    try {
      const el = await fixture<OffEventBadge>(html`<off-event-badge store="memory" lang="en" event=${uniqueName('slow')}></off-event-badge>`);
      expect(part(el, 'count').textContent).to.equal('Counting side events…');
      expect(part(el, 'count').getAttribute('aria-busy')).to.equal('true');
      await expect(el).to.be.accessible();
      release();
      await ready(el);
      expect(part(el, 'count').textContent).to.equal('No side events yet');
    } finally {
      delete (store as { list?: unknown }).list;
    }
  });

  it('is accessible with zero side events', async () => {
    const el = await fixture<OffEventBadge>(html`<off-event-badge store="memory" lang="en" event=${uniqueName('empty')}></off-event-badge>`);
    await ready(el);
    expect(part(el, 'count').textContent).to.equal('No side events yet');
    expect(part(el, 'count').getAttribute('role')).to.equal('status');
    expect(part(el, 'mark').textContent).to.equal('#OFF');
    expect(part(el, 'label').textContent).to.equal('Side events around this event');
    await expect(el).to.be.accessible();
  });

  it('counts many side events, accessibly, in the dark theme', async () => {
    const event = uniqueName('many');
    await storeFor('memory').putMany('side-event', [1, 2, 3].map((n) => sideEventInput({ event, title: `Side ${n}` })));
    await storeFor('memory').put('side-event', sideEventInput({ event: uniqueName('other') }));
    const el = await fixture<OffEventBadge>(html`<off-event-badge store="memory" lang="en" theme="dark" event=${event} label="Around G21"></off-event-badge>`);
    await ready(el);
    expect(part(el, 'count').textContent).to.equal('3 side events');
    expect(part(el, 'label').textContent).to.equal('Around G21');
    await expect(el).to.be.accessible();
  });

  it('updates the count live when a side event is added to the store', async () => {
    const event = uniqueName('live');
    const el = await fixture<OffEventBadge>(html`<off-event-badge store="memory" lang="en" event=${event}></off-event-badge>`);
    await ready(el);
    await storeFor('memory').put('side-event', sideEventInput({ event }));
    await waitUntil(() => part(el, 'count').textContent === '1 side event', 'the count did not follow the store', SETTLED);
  });

  it('shows a burst of changes once, when it settles, so that screen readers announce it once', async () => {
    const event = uniqueName('burst');
    const el = await fixture<OffEventBadge>(html`<off-event-badge store="memory" lang="en" event=${event}></off-event-badge>`);
    await ready(el);
    const shown: string[] = [];
    const watcher = new MutationObserver(() => shown.push(part(el, 'count').textContent!));
    watcher.observe(part(el, 'count'), { subtree: true, childList: true, characterData: true });
    try {
      // Side events arriving one by one, in separate tasks: a server's stream, a queue sent when back online.
      for (let n = 0; n < 10; n += 1) {
        await storeFor('memory').put('side-event', sideEventInput({ event }));
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
      await waitUntil(() => part(el, 'count').textContent === '10 side events', 'the burst was never counted', SETTLED);
    } finally {
      watcher.disconnect();
    }
    expect(shown).to.deep.equal(['10 side events']);
  });

  it('still shows the count during a steady stream of changes, once a second', async () => {
    const event = uniqueName('stream');
    const el = await fixture<OffEventBadge>(html`<off-event-badge store="memory" lang="en" event=${event}></off-event-badge>`);
    await ready(el);
    // One arrival every 300 ms for 3 s: the changes never pause for a second.
    let shownDuringStream = '';
    for (let n = 0; n < 10; n += 1) {
      await storeFor('memory').put('side-event', sideEventInput({ event }));
      await new Promise((resolve) => setTimeout(resolve, 300));
      shownDuringStream = part(el, 'count').textContent!;
    }
    expect(shownDuringStream).to.not.equal('No side events yet');
    await waitUntil(() => part(el, 'count').textContent === '10 side events', 'the stream was never counted', SETTLED);
  });

  it('updates the count when another tab adds a side event (IndexedDB)', async () => {
    const event = uniqueName('tabs');
    const el = await fixture<OffEventBadge>(html`<off-event-badge store="idb" lang="en" event=${event}></off-event-badge>`);
    await ready(el);
    const otherTab = createIdbStore();
    try {
      await otherTab.putMany('side-event', [sideEventInput({ event }), sideEventInput({ event, title: 'Second' })]);
      await waitUntil(() => part(el, 'count').textContent === '2 side events', 'the other tab’s side events were not counted', SETTLED);
    } finally {
      otherTab.close();
    }
  });

  it('keeps counting live after it was moved and changed while out of the page', async () => {
    const event = uniqueName('moved');
    const el = await fixture<OffEventBadge>(html`<off-event-badge store="memory" lang="en" event=${event}></off-event-badge>`);
    await ready(el);
    const parent = el.parentElement!;
    el.remove();
    // What a framework does when it moves a widget: it may set its attributes while it is detached.
    el.label = 'Around G21';
    await el.updateComplete;
    parent.append(el);
    await ready(el);
    await storeFor('memory').put('side-event', sideEventInput({ event }));
    await waitUntil(() => part(el, 'count').textContent === '1 side event', 'the count stopped following the store', SETTLED);
  });

  it('speaks French: label, count and QR description', async () => {
    const event = uniqueName('fr');
    await storeFor('memory').putMany('side-event', [sideEventInput({ event }), sideEventInput({ event })]);
    const el = await fixture<OffEventBadge>(html`<off-event-badge store="memory" lang="fr" event=${event}></off-event-badge>`);
    await ready(el);
    expect(part(el, 'count').textContent).to.equal('2 évènements OFF');
    expect(part(el, 'label').textContent).to.equal('Les OFF de l’évènement');
    expect(part(el, 'link').textContent).to.equal('Ouvrir la couche #OFF');
    expect(part(el, 'qr').getAttribute('aria-label')).to.equal(`QR code vers ${pageWithoutHash()}#off`);
    await expect(el).to.be.accessible();
  });

  it('marks its text with the language it speaks when a framework sets lang as a property', async () => {
    // React 19 and Vue set `lang` on a custom element as a property; screen readers pick their voice from the attribute.
    const page = await fixture<HTMLElement>(html`<div lang="fr"><off-event-badge store="memory" .lang=${'en'}></off-event-badge></div>`);
    const el = page.querySelector('off-event-badge')!;
    await el.updateComplete;
    expect(part(el, 'label').textContent).to.equal('Side events around this event');
    expect(part(el, 'label').matches(':lang(en)'), 'English text marked as French').to.equal(true);
    el.lang = 'fr';
    await el.updateComplete;
    expect(part(el, 'label').textContent).to.equal('Les OFF de l’évènement');
    expect(part(el, 'label').matches(':lang(fr)')).to.equal(true);
  });

  it('encodes the page address without its hash, plus #off, by default', async () => {
    history.replaceState(null, '', '#somewhere');
    try {
      const el = await fixture<OffEventBadge>(html`<off-event-badge store="memory" lang="en" event=${uniqueName('qr')}></off-event-badge>`);
      const expected = `${pageWithoutHash()}#off`;
      expect(part(el, 'qr').getAttribute('aria-label')).to.equal(`QR code to ${expected}`);
      expect(part(el, 'link').getAttribute('href')).to.equal(expected);
      expect(renderedMatrix(el)).to.deep.equal(expectedMatrix(expected));
      expect(shadow(el).querySelector('svg')!.getAttribute('shape-rendering')).to.equal('crispEdges');
    } finally {
      history.replaceState(null, '', location.pathname + location.search);
    }
  });

  it('leaves the page address’s campaign tags and click ids out of its default QR code', async () => {
    const page = location.pathname + location.search;
    // A WordPress page reached from a Facebook post: its own parameter is kept, the tags are not.
    const kept = new URL(location.href);
    kept.hash = '';
    kept.searchParams.append('page_id', '12');
    const tagged = new URL(kept);
    tagged.searchParams.append('utm_source', 'facebook');
    tagged.searchParams.append('utm_medium', 'social');
    tagged.searchParams.append('fbclid', 'IwAR0x');
    history.replaceState(null, '', tagged);
    try {
      const el = await fixture<OffEventBadge>(html`<off-event-badge store="memory" lang="en"></off-event-badge>`);
      const expected = `${kept.href}#off`;
      expect(part(el, 'link').getAttribute('href')).to.equal(expected);
      expect(renderedMatrix(el)).to.deep.equal(expectedMatrix(expected));
    } finally {
      history.replaceState(null, '', page);
    }
  });

  it('asks for medium error correction at least, written as lean-qr’s value for it', () => {
    expect(QR_OPTIONS.minCorrectionLevel).to.equal(correction.M);
  });

  it('encodes a custom href, resolved against the page', async () => {
    const el = await fixture<OffEventBadge>(html`<off-event-badge store="memory" href="https://example.org/g21/off?from=poster"></off-event-badge>`);
    expect(renderedMatrix(el)).to.deep.equal(expectedMatrix('https://example.org/g21/off?from=poster'));
    el.href = '/programme#off';
    await el.updateComplete;
    const resolved = new URL('/programme#off', location.href).href;
    expect(part(el, 'link').getAttribute('href')).to.equal(resolved);
    expect(renderedMatrix(el)).to.deep.equal(expectedMatrix(resolved));
  });

  it('still renders, saying so in place of the QR code, when the address is too long for one', async () => {
    // Beyond the 2,330 bytes a QR code holds at medium error correction.
    const tooLong = `https://example.org/g21/off?ref=${'a'.repeat(2400)}`;
    const escaped: unknown[] = [];
    const keep = (event: ErrorEvent | PromiseRejectionEvent) => escaped.push('reason' in event ? event.reason : event.error);
    window.addEventListener('error', keep);
    window.addEventListener('unhandledrejection', keep);
    try {
      const page = await fixture<HTMLElement>(html`<div>
        <off-event-badge store="memory" lang="en" event=${uniqueName('long')} href=${tooLong}></off-event-badge>
        <off-event-badge store="memory" lang="en" href="https://example.org/"></off-event-badge>
      </div>`);
      const [el, beside] = [...page.querySelectorAll('off-event-badge')] as [OffEventBadge, OffEventBadge];
      await el.updateComplete;
      await ready(el);
      expect(part(el, 'label').textContent).to.equal('Side events around this event');
      expect(part(el, 'count').textContent).to.equal('No side events yet');
      expect(part(el, 'link').getAttribute('href')).to.equal(tooLong);
      const qrColumn = shadow(el).querySelector('.qr-column')!;
      expect(qrColumn.textContent!.trim()).to.equal('Address too long for a QR code');
      expect(shadow(el).querySelector('svg')).to.equal(null);
      // No download of a QR code that is not there, from the page's button or from script.
      expect(part(el, 'download')).to.equal(null);
      const originalClick = HTMLAnchorElement.prototype.click;
      let offered = false;
      HTMLAnchorElement.prototype.click = () => (offered = true);
      try {
        await el.downloadQr();
      } finally {
        HTMLAnchorElement.prototype.click = originalClick;
      }
      expect(offered, 'a file was offered').to.equal(false);
      await expect(el).to.be.accessible();
      el.lang = 'fr';
      await el.updateComplete;
      expect(qrColumn.textContent!.trim()).to.equal('Adresse trop longue pour un QR code');
      // The badge beside it, and this one once its address fits, show their QR codes.
      expect(renderedMatrix(beside)).to.deep.equal(expectedMatrix('https://example.org/'));
      el.href = 'https://example.org/g21/off';
      await el.updateComplete;
      expect(renderedMatrix(el)).to.deep.equal(expectedMatrix('https://example.org/g21/off'));
      expect(part(el, 'download')).to.not.equal(null);
    } finally {
      window.removeEventListener('error', keep);
      window.removeEventListener('unhandledrejection', keep);
    }
    expect(escaped).to.deep.equal([]);
  });

  it('refuses a javascript: href and falls back to the default', async () => {
    const el = await fixture<OffEventBadge>(html`<off-event-badge store="memory" lang="en" href="javascript:alert(1)"></off-event-badge>`);
    const expected = `${pageWithoutHash()}#off`;
    expect(part(el, 'link').getAttribute('href')).to.equal(expected);
    expect(renderedMatrix(el)).to.deep.equal(expectedMatrix(expected));
    expect(shadow(el).innerHTML).to.not.include('javascript:');
  });

  it('wraps a long label without spaces on a 375 px phone screen', async () => {
    const phone = await fixture<HTMLElement>(html`<div style="width: 375px">
      <off-event-badge store="memory" lang="fr" label="#SommetInternationalDesCommunsNumériques2026"></off-event-badge>
    </div>`);
    const el = phone.querySelector('off-event-badge')!;
    await el.updateComplete;
    expect(part(el, 'card').scrollWidth).to.be.at.most(part(el, 'card').clientWidth);
    expect(part(el, 'label').getBoundingClientRect().right).to.be.at.most(phone.getBoundingClientRect().right);
  });

  it('serialises the QR code as a standalone SVG file', async () => {
    const el = await fixture<OffEventBadge>(html`<off-event-badge store="memory" href="https://example.org/"></off-event-badge>`);
    const file = standaloneQrSvg(shadow(el).querySelector('svg')!);
    expect(file.startsWith('<svg')).to.equal(true);
    expect(file).to.include('xmlns="http://www.w3.org/2000/svg"');
    expect(file).to.not.include('<!--');
    expect(file).to.not.include('class=');
    const parsed = new DOMParser().parseFromString(file, 'image/svg+xml');
    expect(parsed.querySelector('parsererror')).to.equal(null);
    expect(parsed.querySelector('path')!.getAttribute('fill')).to.equal('#000000');
    expect(parsed.querySelector('rect')!.getAttribute('fill')).to.equal('#ffffff');
    expect(parsed.querySelector('path')!.getAttribute('d')).to.equal(shadow(el).querySelector('path')!.getAttribute('d'));
  });

  it('downloads off-<event>-qr.svg when the download button is clicked', async () => {
    const event = uniqueName('dl');
    const el = await fixture<OffEventBadge>(html`<off-event-badge store="memory" event=${event}></off-event-badge>`);
    const clicked: HTMLAnchorElement[] = [];
    const originalClick = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this);
    };
    try {
      part(el, 'download').click();
      await waitUntil(() => clicked.length > 0, 'the SVG file is offered');
    } finally {
      HTMLAnchorElement.prototype.click = originalClick;
    }
    expect(clicked).to.have.length(1);
    expect(clicked[0]!.download).to.equal(`off-${event}-qr.svg`);
    const file = await (await fetch(clicked[0]!.href)).text();
    expect(file.startsWith('<svg')).to.equal(true);
    expect(file).to.include('xmlns="http://www.w3.org/2000/svg"');
    expect(file).to.include('fill="rgb(0, 0, 0)"');
  });
});
