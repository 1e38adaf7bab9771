import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/off-event-badge/define.js';
import type { OffEventBadge } from '../../../src/elements/off-event-badge/off-event-badge.js';
import { sideEventInput, uniqueName } from '../../storage/fixtures.js';
import { openStore, restartServer, startServer, stopServer } from '../../storage/http-servers.js';

const countText = (el: OffEventBadge) => el.shadowRoot!.querySelector('[part="count"]')!.textContent;

describe('off-event-badge on the reference server', function () {
  this.timeout(30000);

  it('counts once the server is back when the page opened while it could not be reached', async () => {
    const server = await startServer('sqlite');
    const event = uniqueName('venue-wifi');
    await (await openStore(server.url)).put('side-event', sideEventInput({ event }));
    await stopServer(server);
    const el = await fixture<OffEventBadge>(html`<off-event-badge store=${server.url} lang="en" event=${event}></off-event-badge>`);
    await waitUntil(() => countText(el) === 'Storage is unavailable right now.', 'the badge did not say it could not count', { timeout: 10000 });
    await restartServer(server);
    await waitUntil(() => countText(el) === '1 side event', 'the badge never counted once the server was back', { timeout: 20000 });
  });
});
