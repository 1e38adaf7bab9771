import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/off-contribute-form/define.js';
import '../../../src/elements/off-event-badge/define.js';
import '../../../src/elements/off-seed-browser/define.js';
import '../../../src/elements/off-seed-card/define.js';
import '../../../src/elements/off-side-event-board/define.js';
import { uniqueName } from '../../storage/fixtures.js';

/** What a WordPress theme may put on a page: inherited properties that would reach into a widget. */
const HOSTILE_CSS = `
  body { text-transform: uppercase; letter-spacing: 0.5em; text-align: center; font-style: italic; line-height: 3; }
  button, input, p, h2, h3 { color: rgb(255, 0, 0) !important; text-decoration: underline wavy; }
`;

const TAGS = ['off-event-badge', 'off-side-event-board', 'off-seed-card', 'off-contribute-form', 'off-seed-browser'] as const;

describe('host page isolation', () => {
  let style: HTMLStyleElement;

  before(() => {
    style = document.createElement('style');
    style.textContent = HOSTILE_CSS;
    document.head.append(style);
  });

  after(() => style.remove());

  for (const tag of TAGS) {
    it(`${tag} is not bent by the page's CSS, and adds no CSS to the page`, async () => {
      const stylesBefore = [document.styleSheets.length, document.adoptedStyleSheets.length];
      const event = uniqueName('isolation');
      const el = await fixture(html`<div>${document.createElement(tag)}</div>`);
      const widget = el.firstElementChild as HTMLElement & { updateComplete: Promise<unknown> };
      widget.setAttribute('store', 'memory');
      widget.setAttribute('event', event);
      widget.setAttribute('lang', 'en');
      await widget.updateComplete;
      const inner = widget.shadowRoot!.querySelector<HTMLElement>('button, p, h2, h3, input')!;
      const computed = getComputedStyle(inner);
      expect(computed.textTransform).to.equal('none');
      expect(computed.letterSpacing).to.equal('normal');
      expect(computed.fontStyle).to.equal('normal');
      expect(computed.color).to.not.equal('rgb(255, 0, 0)');
      expect([document.styleSheets.length, document.adoptedStyleSheets.length]).to.deep.equal(stylesBefore);
    });
  }
});
