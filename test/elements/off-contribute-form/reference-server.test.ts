import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { OffContributedEvent } from '../../../src/elements/shared/events.js';
import { storeFor } from '../../../src/elements/shared/store-registry.js';
import { HttpApi } from '../../../src/storage/http-api.js';
import { proxyTo, refuseNext, restartServer, startServer, stopServer } from '../../storage/http-servers.js';
import { confirmed, control, fillSideEvent, formFixture, part, statusText, submit } from './helpers.js';

/** How old the server's form tokens must be (src/server/form-token.ts). */
const SERVER_MIN_FILL_MS = 3000;

/**
 * A form that queued "Swim at dawn" while `server` was down, on a store reached through a proxy that
 * answers its next create as the server does a form token too recent (its clock ahead of ours); with its
 * confirmation and the store's address.
 */
async function queuedWhileDown(server: Awaited<ReturnType<typeof startServer>>) {
  const url = await proxyTo(server);
  const el = await formFixture({ store: url, minFillMs: 0 });
  await el.updateComplete;
  await stopServer(server);
  fillSideEvent(el, { title: 'Swim at dawn' });
  await submit(el);
  await refuseNext(server, 'POST', '/side-events', 400, 'too-fast');
  return { el, url, confirmation: await confirmed(el) };
}

describe('off-contribute-form on the reference server', function () {
  this.timeout(30000);

  it('holds a contribution sent sooner than the server allows until its form token is 3 s old, and the server takes it', async () => {
    const server = await startServer('sqlite');
    // A page that lowered the form's own time trap below the server's.
    const el = await formFixture({ store: server.url, minFillMs: 0 });
    const appeared = performance.now();
    const contributed = oneEvent(el, 'off-contributed') as Promise<OffContributedEvent>;
    fillSideEvent(el);
    await submit(el);
    const { detail } = await contributed;
    await confirmed(el);

    expect(performance.now() - appeared).to.be.at.least(SERVER_MIN_FILL_MS - 200);
    expect(statusText(el)).not.to.contain('check what you entered');
    expect(statusText(el)).not.to.match(/waiting|queued/i);
    const stored = await new HttpApi(server.url).list('side-event', { event: el.event });
    expect(stored.map(({ id }) => id)).to.deep.equal([detail.record.id]);
  });

  it('tells the contributor when this device could not keep the right to change what they added', async () => {
    const server = await startServer('sqlite');
    const el = await formFixture({ store: server.url, minFillMs: 0 });
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.transaction.db.name === 'off-layer-tokens') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
    try {
      const contributed = oneEvent(el, 'off-contributed');
      fillSideEvent(el);
      await submit(el);
      await contributed;
      await confirmed(el);
      await waitUntil(() => statusText(el).includes('could not keep the right to change it'), 'the warning');
      await expect(el).to.be.accessible();
    } finally {
      IDBObjectStore.prototype.put = put;
    }
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
    expect((await new HttpApi(server.url).list('side-event', { event: el.event })).map(({ id }) => id)).to.deep.equal([detail.record.id]);
  });

  it('says a contribution it queued while the server was down has been sent, once it has', async () => {
    const server = await startServer('sqlite');
    const el = await formFixture({ store: server.url, minFillMs: 0 });
    await el.updateComplete;
    await stopServer(server);
    // Sent at once: the store holds it until its form token is old enough, then sends it.
    fillSideEvent(el, { title: 'Swim at dawn' });
    await submit(el);
    const confirmation = await confirmed(el);
    expect(confirmation.textContent).to.contain('Saved on this device, will be sent when you are back online.');

    await restartServer(server);
    await waitUntil(() => !confirmation.textContent!.includes('will be sent'), 'still says it will be sent', { timeout: 20000 });
    expect(confirmation.textContent).to.contain('Thank you! “Swim at dawn” has been added.');
    expect((await new HttpApi(server.url).list('side-event', { event: el.event })).map(({ title }) => title)).to.deep.equal(['Swim at dawn']);
  });

  it('does not say a contribution it queued has been added once the server refused it', async () => {
    const server = await startServer('sqlite');
    const { el } = await queuedWhileDown(server);

    // Back, the create is refused as sent too fast: the store drops its provisional record, as it does once one is sent.
    await restartServer(server);
    await waitUntil(() => statusText(el).includes('Swim at dawn: Sent too fast'), 'the refusal never shown', { timeout: 20000 });
    await waitUntil(() => !part(el, 'confirmation')?.textContent!.includes('will be sent'), 'still says it will be sent');
    expect(part(el, 'confirmation')?.textContent ?? '').not.to.contain('has been added');
    expect(await new HttpApi(server.url).list('side-event', { event: el.event })).to.deep.equal([]);
  });

  it('lists a contribution it queued that the server then refused, with the reason, and puts it back in the form', async () => {
    const server = await startServer('sqlite');
    const { el, url, confirmation } = await queuedWhileDown(server);
    expect(confirmation.textContent).to.match(/saved on this device|will be sent/i);

    // Back, the create is refused: sent faster than the server's time trap allows.
    await restartServer(server);
    await waitUntil(() => statusText(el).includes('Swim at dawn'), 'the refusal never shown', { timeout: 20000 });
    expect(statusText(el)).to.contain('Swim at dawn: Sent too fast; please send it again.');
    expect(await new HttpApi(server.url).list('side-event', { event: el.event })).to.deep.equal([]);
    await expect(el).to.be.accessible();

    // The list follows the store: another store's outbox holds no refusal, and coming back shows it again.
    el.store = 'memory';
    await waitUntil(() => !statusText(el).includes('Swim at dawn'), 'the refusal stayed after the store changed');
    el.store = url;
    await waitUntil(() => statusText(el).includes('Swim at dawn'), 'the refusal not shown again on the store it is in');

    part(el, 'status')!.querySelector<HTMLButtonElement>('.put-back')!.click();
    await waitUntil(() => !statusText(el).includes('Swim at dawn'), 'the refusal is still listed');
    expect(control(el, 'title').value).to.equal('Swim at dawn');
    expect(control(el, 'start').value).to.equal('2026-06-12T08:30');
    expect(await storeFor(url).pending()).to.deep.equal([]);

    // Sent again, it is stored. Read by its id: the list read above may still be in the browser's cache (max-age=5).
    const contributed = oneEvent(el, 'off-contributed') as Promise<OffContributedEvent>;
    await submit(el);
    const { detail } = await contributed;
    await confirmed(el);
    expect((await new HttpApi(server.url).get('side-event', detail.record.id)).title).to.equal('Swim at dawn');
  });
});

