import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../src/elements/off-seed-browser/define.js';
import type { OffSeedBrowser } from '../../../src/elements/off-seed-browser/off-seed-browser.js';
import { seedInput, uniqueName } from '../../storage/fixtures.js';
import { openStore, startServer, stopServer } from '../../storage/http-servers.js';

describe('off-seed-browser on the reference server', function () {
  this.timeout(30000);

  it('lists the seeds of every event the server holds, and replants one into this event through it', async () => {
    const server = await startServer('sqlite');
    try {
      const store = await openStore(server.url);
      const [g20, g21] = [uniqueName('g20'), uniqueName('g21')];
      await store.put('event', { id: g20, name: 'G20 Turin' });
      const original = await store.put('seed', seedInput({ event: g20, title: 'From Turin', license: 'CC0-1.0', author: 'Camille' }));
      await store.put('seed', seedInput({ event: uniqueName('elsewhere'), title: 'From elsewhere' }));
      const el = await fixture<OffSeedBrowser>(html`<off-seed-browser store=${server.url} event=${g21} lang="en"></off-seed-browser>`);
      const item = () => [...el.shadowRoot!.querySelectorAll('[part="item"]')].find((candidate) => candidate.textContent!.includes('From Turin'));
      await waitUntil(() => item()?.textContent!.includes('Planted at G20 Turin'), 'the seed and its event’s name never showed', { timeout: 10000 });
      expect(el.shadowRoot!.textContent).to.include('From elsewhere');
      const fired = oneEvent(el, 'off-replanted');
      item()!.querySelector<HTMLButtonElement>('[part="replant-button"]')!.click();
      const { detail } = await fired;
      expect(detail.record).to.include({ event: g21, replantedFrom: original.id, license: 'CC0-1.0', author: 'Camille' });
      expect((await store.list('seed', { replantedFrom: original.id })).map((seed) => seed.id)).to.deep.equal([detail.record.id]);
      await expect(el).to.be.accessible();
    } finally {
      await stopServer(server);
    }
  });
});
