import { expect, waitUntil } from '@open-wc/testing';
import { HttpApi } from '../../../src/storage/http-api.js';
import { placeInput } from '../../storage/fixtures.js';
import { openStore, startServer, stopServer } from '../../storage/http-servers.js';
import { control, fillSideEvent, formFixture, part, submit, type } from './helpers.js';

const options = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll<HTMLOptionElement>('datalist#suggestions-place option')].map((option) => option.value);

describe('off-contribute-form and the network, on the reference server', function () {
  this.timeout(30000);

  it('suggests the server’s places, then creates a new place there and the side event at it', async () => {
    const server = await startServer('sqlite');
    try {
      await (await openStore(server.url)).put('place', placeInput());
      const el = await formFixture({ store: server.url });
      control(el, 'place').focus();
      await waitUntil(() => options(el).length === 1, 'the server’s place was never suggested', { timeout: 10000 });
      expect(options(el)).to.deep.equal(['Café du Port — 1 quai du Port, 13002 Marseille']);
      (part(el, 'new-place-button') as HTMLButtonElement).click();
      await el.updateComplete;
      fillSideEvent(el, { place: '' });
      type(el, 'newPlace.name', 'La Friche');
      type(el, 'newPlace.address', '41 rue Jobin, Marseille');
      await submit(el);
      // The server's time trap: the form token is 3 s old before the first create.
      await waitUntil(() => part(el, 'confirmation'), 'no confirmation shown', { timeout: 10000 });
      const api = new HttpApi(server.url);
      const friche = (await api.list('place', {})).find((place) => place.name === 'La Friche')!;
      const [sideEvent] = await api.list('side-event', { event: el.event });
      expect(sideEvent).to.include({ place: 'La Friche', placeId: friche.id });
      (part(el, 'confirmation')!.querySelector('button') as HTMLButtonElement).click();
      await waitUntil(() => options(el).includes('La Friche — 41 rue Jobin, Marseille'), 'the new place is not suggested next time');
    } finally {
      await stopServer(server);
    }
  });
});
