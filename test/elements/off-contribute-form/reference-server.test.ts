import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { OffContributedEvent } from '../../../src/elements/shared/events.js';
import { storeFor } from '../../../src/elements/shared/store-registry.js';
import { HttpApi } from '../../../src/storage/http-api.js';
import type { HttpStore } from '../../../src/storage/http.js';
import type { LazyStore } from '../../../src/storage/lazy.js';
import { restartServer, startServer, stopServer } from '../../storage/http-servers.js';
import { confirmed, control, fillSideEvent, formFixture, part, statusText, submit } from './helpers.js';

/** The server's own time trap (src/server/requests.ts). */
const SERVER_MIN_FILL_MS = 3000;

/**
 * A form on `server`'s store that queued "Swim at dawn" while the server was down, sent faster than the
 * server's time trap allows (so the server refuses it once back); with its confirmation.
 */
async function queuedWhileDown(server: Awaited<ReturnType<typeof startServer>>) {
  const el = await formFixture({ store: server.url, minFillMs: 0 });
  await el.updateComplete;
  await stopServer(server);
  fillSideEvent(el, { title: 'Swim at dawn' });
  await submit(el);
  return { el, confirmation: await confirmed(el) };
}

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

  it('sends on the second press of someone asked to check and press again, and the server takes it', async () => {
    const server = await startServer('sqlite');
    // The form's own 3 s trap, as on any page: pressed at once (a draft restored after a reload), then again.
    const el = await formFixture({ store: server.url, minFillMs: null });
    fillSideEvent(el);
    await submit(el);
    expect(statusText(el)).to.contain('check what you entered, then press the button again');
    const contributed = oneEvent(el, 'off-contributed') as Promise<OffContributedEvent>;
    await submit(el);
    const { detail } = await contributed;
    await confirmed(el);
    expect((await new HttpApi(server.url).list('side-event', el.event)).map(({ id }) => id)).to.deep.equal([detail.record.id]);
  });

  it('says a contribution it queued while the server was down has been sent, once it has', async () => {
    const server = await startServer('sqlite');
    const el = await formFixture({ store: server.url, minFillMs: 0 });
    await el.updateComplete;
    await stopServer(server);
    // Slower than the server's time trap, which would refuse it once back.
    await new Promise((resolve) => setTimeout(resolve, SERVER_MIN_FILL_MS));
    fillSideEvent(el, { title: 'Swim at dawn' });
    await submit(el);
    const confirmation = await confirmed(el);
    expect(confirmation.textContent).to.contain('Saved on this device, will be sent when you are back online.');

    await restartServer(server);
    await waitUntil(() => !confirmation.textContent!.includes('will be sent'), 'still says it will be sent', { timeout: 20000 });
    expect(confirmation.textContent).to.contain('Thank you! “Swim at dawn” has been added.');
    expect((await new HttpApi(server.url).list('side-event', el.event)).map(({ title }) => title)).to.deep.equal(['Swim at dawn']);
  });

  it('does not say a contribution it queued has been added once the server refused it', async () => {
    const server = await startServer('sqlite');
    const { el } = await queuedWhileDown(server);

    // Back, the server refuses it as sent too fast: the store drops its provisional record, as it does once one is sent.
    await restartServer(server);
    await waitUntil(() => statusText(el).includes('Swim at dawn: Sent too fast'), 'the refusal never shown', { timeout: 20000 });
    await waitUntil(() => !part(el, 'confirmation')?.textContent!.includes('will be sent'), 'still says it will be sent');
    expect(part(el, 'confirmation')?.textContent ?? '').not.to.contain('has been added');
    expect(await new HttpApi(server.url).list('side-event', el.event)).to.deep.equal([]);
  });

  it('lists a contribution it queued that the server then refused, with the reason, and puts it back in the form', async () => {
    const server = await startServer('sqlite');
    const { el, confirmation } = await queuedWhileDown(server);
    expect(confirmation.textContent).to.match(/saved on this device|will be sent/i);

    // Back, the server refuses it: it was sent faster than its time trap allows.
    await restartServer(server);
    await waitUntil(() => statusText(el).includes('Swim at dawn'), 'the refusal never shown', { timeout: 20000 });
    expect(statusText(el)).to.contain('Swim at dawn: Sent too fast; please send it again.');
    expect(await new HttpApi(server.url).list('side-event', el.event)).to.deep.equal([]);
    await expect(el).to.be.accessible();

    // The list follows the store: another store's outbox holds no refusal, and coming back shows it again.
    el.store = 'memory';
    await waitUntil(() => !statusText(el).includes('Swim at dawn'), 'the refusal stayed after the store changed');
    el.store = server.url;
    await waitUntil(() => statusText(el).includes('Swim at dawn'), 'the refusal not shown again on the store it is in');

    part(el, 'status')!.querySelector<HTMLButtonElement>('.put-back')!.click();
    await waitUntil(() => !statusText(el).includes('Swim at dawn'), 'the refusal is still listed');
    expect(control(el, 'title').value).to.equal('Swim at dawn');
    expect(control(el, 'start').value).to.equal('2026-06-12T08:30');
    const store = (await (storeFor(server.url) as LazyStore).adapter()) as HttpStore;
    expect(await store.pendingWrites()).to.deep.equal([]);

    // Sent again, slower than the time trap, it is stored.
    await new Promise((resolve) => setTimeout(resolve, SERVER_MIN_FILL_MS));
    await submit(el);
    await confirmed(el);
    expect((await new HttpApi(server.url).list('side-event', el.event)).map(({ title }) => title)).to.deep.equal(['Swim at dawn']);
  });
});

