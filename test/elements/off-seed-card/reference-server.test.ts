import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/off-seed-card/define.js';
import type { OffSeedCard } from '../../../src/elements/off-seed-card/off-seed-card.js';
import { seedInput } from '../../storage/fixtures.js';
import { openStore, restartServer, startServer, stopServer } from '../../storage/http-servers.js';

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
});
