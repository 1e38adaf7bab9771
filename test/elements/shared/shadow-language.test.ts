import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/off-contribute-form/define.js';
import '../../../src/elements/off-event-badge/define.js';
import '../../../src/elements/off-seed-browser/define.js';
import '../../../src/elements/off-seed-card/define.js';
import '../../../src/elements/off-side-event-board/define.js';
import { uniqueName } from '../../storage/fixtures.js';

const TAGS = ['off-event-badge', 'off-side-event-board', 'off-seed-card', 'off-contribute-form', 'off-seed-browser'] as const;

// Firefox did not give a shadow tree its host's language, and WebKit did not follow a change of it.
describe('the language of the text inside each element', () => {
  for (const tag of TAGS) {
    it(`${tag}: its own, on a page in another language, and after it changes`, async () => {
      const page = await fixture<HTMLElement>(html`<div lang="fr"></div>`);
      const el = Object.assign(document.createElement(tag), { lang: 'en' }) as HTMLElement & { updateComplete: Promise<unknown> };
      el.setAttribute('store', 'memory');
      el.setAttribute('event', uniqueName('lang'));
      page.append(el);
      await el.updateComplete;
      const text = () => el.shadowRoot!.querySelector('p, h2, h3, label, button')!;
      expect(text().matches(':lang(en)'), 'English text marked as French').to.equal(true);
      el.lang = 'fr';
      await el.updateComplete;
      expect(text().matches(':lang(fr)'), 'French text still marked as English').to.equal(true);
    });
  }
});
