import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/off-event-badge/define.js';
import type { OffEventBadge } from '../../../src/elements/off-event-badge/off-event-badge.js';
import { storeFor } from '../../../src/elements/shared/store-registry.js';
import { hostEventInput, placeInput, sideEventInput, uniqueName } from '../../storage/fixtures.js';
import { filledStore } from '../stand-in-stores.js';

const text = (el: OffEventBadge, name: string) => el.shadowRoot!.querySelector(`[part="${name}"]`)!.textContent!.trim();

async function badge(store: string, attributes: { event?: string; place?: string }, lang = 'en'): Promise<OffEventBadge> {
  const el = await fixture<OffEventBadge>(
    html`<off-event-badge store=${store} event=${attributes.event ?? ''} place=${attributes.place ?? ''} lang=${lang}></off-event-badge>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('[part="count"]')?.getAttribute('aria-busy') === 'false', 'the count never loaded');
  return el;
}

describe('off-event-badge across the network', () => {
  it('counts a venue’s side events to come across events, and is named after the venue, accessibly', async () => {
    const spec = await filledStore([]);
    const store = storeFor(spec);
    const cafe = await store.put('place', placeInput());
    const elsewhere = await store.put('place', placeInput({ name: 'Café du Port', address: 'Rue du Port, Lyon' }));
    const at = (event: string, start: string, placeId = cafe.id) => sideEventInput({ event, start, end: undefined, placeId });
    await store.putMany('side-event', [
      at(uniqueName('summit'), '2037-06-12T08:30:00+02:00'),
      at(uniqueName('festival'), '2037-07-01T20:00:00+02:00'),
      at(uniqueName('festival'), '2025-07-01T20:00:00+02:00'),
      at(uniqueName('summit'), '2037-06-12T08:30:00+02:00', elsewhere.id),
    ]);
    const el = await badge(spec, { place: cafe.id }, 'fr');
    await waitUntil(() => text(el, 'label') === 'Les OFF à Café du Port', `label: ${text(el, 'label')}`);
    await expect(el).to.be.accessible();
    expect(text(el, 'count')).to.equal('2 évènements OFF');
  });

  it('is named after its event once described, and keeps the default label for an event nobody described', async () => {
    const spec = await filledStore([]);
    const summit = await storeFor(spec).put('event', hostEventInput({ name: 'Summit of the commons' }));
    const described = await badge(spec, { event: summit.id });
    await waitUntil(() => text(described, 'label') === 'Side events around Summit of the commons', `label: ${text(described, 'label')}`);
    const undescribed = await badge(spec, { event: uniqueName('nobody') });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(text(undescribed, 'label')).to.equal('Side events around this event');
  });
});
