import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/off-seed-card/define.js';
import type { OffSeedCard } from '../../../src/elements/off-seed-card/off-seed-card.js';
import { seedInput, uniqueName } from '../../storage/fixtures.js';
import { openStore, restartServer, startServer, stopServer, UNLIMITED_WRITES } from '../../storage/http-servers.js';

const ADMIN_TOKEN = 'moderator-token-for-tests';

const shownText = (el: OffSeedCard) => el.shadowRoot!.querySelector('[part="title"], [role="status"]')?.textContent?.trim();

describe('off-seed-card on the reference server', function () {
  this.timeout(30000);

  it('shows the seed once the server is back when the page opened while it could not be reached', async () => {
    const server = await startServer('sqlite');
    const seed = await (await openStore(server.url)).put('seed', seedInput({ title: 'Planted before the outage' }));
    await stopServer(server);
    const el = await fixture<OffSeedCard>(html`<off-seed-card store=${server.url} lang="en" seed=${seed.id}></off-seed-card>`);
    await waitUntil(() => shownText(el) === 'Storage is unavailable right now.', 'the card did not say it could not load', { timeout: 10000 });
    await restartServer(server);
    await waitUntil(() => shownText(el) === 'Planted before the outage', 'the card never loaded once the server was back', { timeout: 20000 });
  });

  it('shows a parent a moderator hid as a gap in the lineage, and names events by their records', async () => {
    const server = await startServer('sqlite', { ...UNLIMITED_WRITES, OFF_ADMIN_TOKEN: ADMIN_TOKEN });
    try {
      const store = await openStore(server.url);
      const before = await store.put('event', { id: uniqueName('g20'), name: 'G20 Turin' });
      const after = await store.put('event', { id: uniqueName('g21'), name: 'G21 Marseille' });
      const parent = await store.put('seed', seedInput({ event: before.id, title: 'The parent' }));
      const child = await store.put('seed', seedInput({ event: after.id, title: 'The child', replantedFrom: parent.id }));
      const hidden = await fetch(`${server.url}/seeds/${parent.id}/hide`, { method: 'POST', headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
      expect(hidden.status).to.equal(200);
      const el = await fixture<OffSeedCard>(html`<off-seed-card store=${server.url} lang="en" seed=${child.id}></off-seed-card>`);
      const titles = () => [...el.shadowRoot!.querySelectorAll('[part="lineage-picture"] .node-title')].map((text) => text.textContent);
      await waitUntil(() => titles().length === 2, 'the lineage never showed', { timeout: 10000 });
      await waitUntil(() => el.shadowRoot!.querySelector('[part="meta"]')!.textContent!.includes('G21 Marseille'), 'the event was never named', { timeout: 10000 });
      expect(titles()).to.deep.equal(['A seed missing or hidden', 'The child']);
      expect(el.shadowRoot!.querySelector('.error')).to.equal(null);
      await expect(el).to.be.accessible();
    } finally {
      await stopServer(server);
    }
  });
});
