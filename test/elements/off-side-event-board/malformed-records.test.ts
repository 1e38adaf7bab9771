import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/off-side-event-board/define.js';
import type { OffSideEventBoard } from '../../../src/elements/off-side-event-board/off-side-event-board.js';
import { storedSideEvent, uniqueName } from '../../storage/fixtures.js';
import { insertRaw, startServer } from '../../storage/http-servers.js';

/** A side event of `event` still to come, as a server holds it, `overrides` applied (`undefined` deletes a field). */
const stored = (event: string, overrides: Record<string, unknown>) =>
  storedSideEvent({ event, start: '2037-06-12T09:00:00+02:00', end: '2037-06-12T10:00:00+02:00', ...overrides });

describe('off-side-event-board with malformed records from its server', function () {
  this.timeout(20000);

  it('shows the good records and leaves out the bad ones, reported on the console', async () => {
    const server = await startServer('sqlite');
    const event = uniqueName('ev');
    const records = [
      stored(event, { title: 'Good' }),
      stored(event, { title: 'Without tags', tags: undefined }),
      stored(event, { title: 'Tags as a number', tags: 3 }),
      stored(event, { title: 'Script link', url: 'javascript:alert(1)' }),
      stored(event, { title: null }),
      stored(event, { title: 'No start', start: undefined }),
    ];
    for (const record of records) await insertRaw(server, 'side-event', record);
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    try {
      const el = await fixture<OffSideEventBoard>(html`<off-side-event-board store=${server.url} event=${event}></off-side-event-board>`);
      const titles = () => [...el.shadowRoot!.querySelectorAll('[part~="item-title"]')].map((node) => node.textContent!.trim());
      await waitUntil(() => titles().length > 0, 'the board showed nothing', { timeout: 10000 });
      expect(titles()).to.deep.equal(['Good', 'Without tags']);
      expect(el.shadowRoot!.querySelector('a[href^="javascript:"]')).to.equal(null);
      expect(warnings.filter((warning) => warning.includes('left out'))).to.have.length(4);
      await expect(el).to.be.accessible();
    } finally {
      console.warn = warn;
    }
  });
});
