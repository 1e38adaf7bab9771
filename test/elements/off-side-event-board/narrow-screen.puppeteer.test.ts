// Chromium and Firefox only (the engines puppeteer drives, which can set the viewport): WebDriver can only resize
// WebKit MiniBrowser's window, which stays at least 447 px wide, so this file stays out of the WebKit run.
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { uniqueName } from '../../storage/fixtures.js';
import { board, seed, typeFilter } from './helpers.js';

describe('off-side-event-board on a phone', () => {
  it('keeps words without spaces (a place, an organiser, a tag, a heading, a search) inside a 375 px phone screen', async () => {
    const long = 'Salle-polyvalente-du-centre-social-et-culturel-de-la-Belle-de-Mai-Marseille-troisieme';
    const event = uniqueName('narrow');
    await seed(event, [{ title: 'Walk', place: long, organizer: long, tags: ['abcdefghijklmnopqrstuvwxyz012345'] }]);
    await setViewport({ width: 375, height: 800 });
    try {
      const el = await board(event);
      el.label = long;
      await el.updateComplete;
      const overflowing = () =>
        [...el.shadowRoot!.querySelectorAll('*')]
          .filter((node) => node.getBoundingClientRect().right > document.documentElement.clientWidth)
          .map((node) => node.getAttribute('part') ?? node.localName);
      expect(overflowing()).to.deep.equal([]);
      await typeFilter(el, long.replaceAll('-', '_'));
      expect(el.shadowRoot!.querySelector('[part~="empty"]')).to.not.equal(null);
      expect(overflowing()).to.deep.equal([]);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
