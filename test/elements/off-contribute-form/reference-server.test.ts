import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { OffContributedEvent } from '../../../src/elements/shared/events.js';
import { HttpApi } from '../../../src/storage/http-api.js';
import { restartServer, startServer, stopServer } from '../../storage/http-servers.js';
import { confirmed, control, fillSideEvent, formFixture, part, statusText, submit } from './helpers.js';

/** The server's own time trap (src/server/requests.ts). */
const SERVER_MIN_FILL_MS = 3000;

describe('off-contribute-form on the reference server', function () {
  this.timeout(30000);

  it('asks to check and send again when the server finds it sent too fast, keeping what was typed and queuing nothing', async () => {
    const server = await startServer('sqlite');
    // A page that lowered the form's own time trap below the server's.
    const el = await formFixture({ store: server.url, minFillMs: 0 });
    const appeared = performance.now();
    fillSideEvent(el);
    await submit(el);
    await waitUntil(() => part(el, 'confirmation') ?? el.shadowRoot!.querySelector('.notice'), 'no answer shown');

    expect(statusText(el)).to.contain('check what you entered, then press the button again');
    expect(statusText(el)).not.to.contain('Too many contributions');
    expect(control(el, 'title').value).to.equal('Breakfast of the commons');
    expect(part(el, 'confirmation')).to.equal(null);
    expect(statusText(el)).not.to.match(/waiting|queued/i);
    expect(await new HttpApi(server.url).list('side-event', el.event)).to.deep.equal([]);

    await new Promise((resolve) => setTimeout(resolve, Math.max(0, appeared + SERVER_MIN_FILL_MS + 100 - performance.now())));
    const contributed = oneEvent(el, 'off-contributed') as Promise<OffContributedEvent>;
    await submit(el);
    const { detail } = await contributed;
    await confirmed(el);
    const stored = await new HttpApi(server.url).list('side-event', el.event);
    expect(stored.map(({ id }) => id)).to.deep.equal([detail.record.id]);
  });

  it('lists a contribution it queued that the server then refused, with the reason, instead of leaving it unseen', async () => {
    const server = await startServer('sqlite');
    const el = await formFixture({ store: server.url, minFillMs: 0 });
    await el.updateComplete;
    await stopServer(server);
    fillSideEvent(el, { title: 'Swim at dawn' });
    await submit(el);
    const confirmation = await confirmed(el);
    expect(confirmation.textContent).to.match(/saved on this device|will be sent/i);

    // Back, the server refuses it: it was sent faster than its time trap allows.
    await restartServer(server);
    await waitUntil(() => statusText(el).includes('Swim at dawn'), 'the refusal never shown', { timeout: 20000 });
    expect(statusText(el)).to.contain('Swim at dawn: Sent too fast; please send it again.');
    expect(await new HttpApi(server.url).list('side-event', el.event)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });
});

