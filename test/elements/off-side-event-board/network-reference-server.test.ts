import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/off-side-event-board/define.js';
import type { OffSideEventBoard } from '../../../src/elements/off-side-event-board/off-side-event-board.js';
import { hostEventInput, placeInput, sideEventInput, uniqueName } from '../../storage/fixtures.js';
import { openStore, startServer, stopServer } from '../../storage/http-servers.js';

const texts = (el: OffSideEventBoard, name: string) => [...el.shadowRoot!.querySelectorAll(`[part~="${name}"]`)].map((node) => node.textContent!.trim());
const heading = (el: OffSideEventBoard) => el.shadowRoot!.querySelector('[part="heading"]')!.textContent!.trim();

describe('off-side-event-board across the network, on the reference server', function () {
  this.timeout(30000);

  it('lists a venue’s side events to come across events, named, and follows a renamed place', async () => {
    const server = await startServer('sqlite');
    try {
      const store = await openStore(server.url);
      const summit = await store.put('event', hostEventInput({ id: uniqueName('summit'), name: 'Summit of the commons' }));
      const place = await store.put('place', placeInput());
      await store.putMany('side-event', [
        sideEventInput({ event: summit.id, title: 'Breakfast', start: '2037-06-12T08:30:00+02:00', end: undefined, placeId: place.id }),
        sideEventInput({ event: uniqueName('undescribed'), title: 'Concert', start: '2037-07-01T20:00:00+02:00', end: undefined, placeId: place.id }),
        sideEventInput({ event: summit.id, title: 'Last year', start: '2025-06-12T08:30:00+02:00', end: undefined, placeId: place.id }),
      ]);
      const el = await fixture<OffSideEventBoard>(html`<off-side-event-board store=${server.url} lang="en" place=${place.id}></off-side-event-board>`);
      await waitUntil(() => heading(el) === 'Side events #OFF at Café du Port' && texts(el, 'item-event')[0] === 'Part of Summit of the commons', 'never named', {
        timeout: 10000,
      });
      expect(texts(el, 'item-title')).to.deep.equal(['Breakfast', 'Concert']);
      expect(texts(el, 'item-event')[1]).to.match(/^Part of undescribed-/);
      await store.put('place', { ...placeInput({ name: 'Le Nouveau Café' }), id: place.id });
      await waitUntil(() => heading(el) === 'Side events #OFF at Le Nouveau Café', 'the new name never showed', { timeout: 10000 });
    } finally {
      await stopServer(server);
    }
  });
});
