import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/off-contribute-form/define.js';
import '../../../src/elements/off-event-badge/define.js';
import '../../../src/elements/off-seed-browser/define.js';
import '../../../src/elements/off-seed-card/define.js';
import '../../../src/elements/off-side-event-board/define.js';
import type { OffContributeForm } from '../../../src/elements/off-contribute-form/off-contribute-form.js';
import type { OffSeedBrowser } from '../../../src/elements/off-seed-browser/off-seed-browser.js';
import type { OffSeedCard } from '../../../src/elements/off-seed-card/off-seed-card.js';
import { storeFor } from '../../../src/elements/shared/store-registry.js';
import type { OffSideEventBoard } from '../../../src/elements/off-side-event-board/off-side-event-board.js';
import { UnavailableError } from '../../../src/storage/errors.js';
import { filledStore, failingStore, offlineStore } from '../stand-in-stores.js';
import { hostEventInput, seedInput, sideEventInput, uniqueName } from '../../storage/fixtures.js';
import { control, fillSideEvent, part, submit } from '../off-contribute-form/helpers.js';

// Every state with its own colours (warnings, errors, alerts, invalid fields), in the dark theme, on a dark page.
describe('the dark theme, state by state', () => {
  before(() => {
    document.body.style.background = '#000';
  });
  after(() => {
    document.body.style.background = '';
  });

  const boardWith = (store: string) =>
    fixture<OffSideEventBoard>(html`<off-side-event-board theme="dark" lang="en" event="g21" store=${store}></off-side-event-board>`);
  const settled = (el: OffSideEventBoard) => waitUntil(() => el.shadowRoot!.querySelector('[part="board"]')?.getAttribute('aria-busy') === 'false');

  it('board with side events, filtered to none', async () => {
    const el = await boardWith(await filledStore([sideEventInput({ event: 'g21', title: 'Breakfast' })]));
    await settled(el);
    await expect(el).to.be.accessible();
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('[part="filter-input"]')!;
    input.value = 'nothing matches this';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await waitUntil(() => el.shadowRoot!.querySelector('[part="clear-button"]'));
    await expect(el).to.be.accessible();
  });

  it('board that cannot load, and one offline', async () => {
    const failing = await boardWith(failingStore(new UnavailableError()));
    await waitUntil(() => failing.shadowRoot!.querySelector('[part="error"]'));
    await expect(failing).to.be.accessible();
    const offline = await boardWith(offlineStore());
    await waitUntil(() => offline.shadowRoot!.querySelector('[part="warning"]'));
    await expect(offline).to.be.accessible();
  });

  it('seed browser with seeds of other events, replanting refused, and offline', async () => {
    const spec = await filledStore([]);
    const store = storeFor(spec);
    const event = await store.put('event', hostEventInput({ name: 'G20 Turin' }));
    await store.put('seed', seedInput({ event: event.id }));
    Object.defineProperty(store, 'put', { configurable: true, value: () => Promise.reject(new UnavailableError()) });
    const el = await fixture<OffSeedBrowser>(html`<off-seed-browser theme="dark" lang="en" event="g21" store=${spec}></off-seed-browser>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part="replant-button"]'));
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="replant-button"]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part="item-error"]'));
    await expect(el).to.be.accessible();
    const offline = await fixture<OffSeedBrowser>(html`<off-seed-browser theme="dark" lang="en" store=${offlineStore()}></off-seed-browser>`);
    await waitUntil(() => offline.shadowRoot!.querySelector('[part="warning"]'));
    await expect(offline).to.be.accessible();
  });

  it('seed card with its lineage across events', async () => {
    const spec = await filledStore([]);
    const store = storeFor(spec);
    const parent = await store.put('seed', seedInput({ event: uniqueName('before'), replantedFrom: 'gone' }));
    const child = await store.put('seed', seedInput({ event: uniqueName('after'), replantedFrom: parent.id }));
    const el = await fixture<OffSeedCard>(html`<off-seed-card theme="dark" lang="en" store=${spec} seed=${child.id}></off-seed-card>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part="lineage-picture"]'));
    await expect(el).to.be.accessible();
  });

  it('form with invalid fields, and offline', async () => {
    const el = await fixture<OffContributeForm>(
      html`<off-contribute-form theme="dark" lang="en" event=${uniqueName('dark')} store=${offlineStore()} min-fill-ms="0"></off-contribute-form>`,
    );
    fillSideEvent(el, { title: '', url: 'javascript:alert(1)' });
    await submit(el);
    await waitUntil(() => control(el, 'title').getAttribute('aria-invalid') === 'true');
    expect(part(el, 'status')!.textContent).to.match(/offline|attention/i);
    await expect(el).to.be.accessible();
  });
});
