// Chromium only: emulating print media takes the DevTools protocol. Firefox's WebDriver BiDi and WebKit's
// WebDriver have no media emulation, so this file stays out of their runs (web-test-runner.config.js).
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../../src/elements/off-event-badge/define.js';
import type { OffEventBadge } from '../../../src/elements/off-event-badge/off-event-badge.js';

const part = (el: OffEventBadge, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`)!;

describe('off-event-badge printed', () => {
  it('prints black on white in the dark theme too, where the printer prints backgrounds', async () => {
    const el = await fixture<OffEventBadge>(html`<off-event-badge store="memory" lang="en" theme="dark"></off-event-badge>`);
    await emulateMedia({ media: 'print', colorScheme: 'dark' });
    try {
      for (const name of ['card', 'label', 'count']) {
        expect(getComputedStyle(part(el, name)).color, name).to.equal('rgb(0, 0, 0)');
      }
      expect(getComputedStyle(part(el, 'card')).backgroundColor).to.equal('rgb(255, 255, 255)');
    } finally {
      await emulateMedia({ media: 'screen', colorScheme: 'light' });
    }
  });
});
