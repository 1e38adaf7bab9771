import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { OffSideEventBoard } from '../../../src/elements/off-side-event-board/off-side-event-board.js';
import { storeFor } from '../../../src/elements/shared/store-registry.js';
import { hostEventInput, organizerInput, placeInput, sideEventInput, storedSideEvent, uniqueName } from '../../storage/fixtures.js';
import { filledStore, registerStandIn } from '../stand-in-stores.js';
import { loaded } from './helpers.js';

type Board = OffSideEventBoard;

const part = (el: Board, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const texts = (el: Board, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)].map((node) => node.textContent!.trim());
const heading = (el: Board) => part(el, 'heading')!.textContent!.trim();
const jsonLd = (event: string) =>
  JSON.parse(document.head.querySelector(`script[type="application/ld+json"][data-off-board="${event}"]`)?.textContent ?? 'null') as {
    name?: string;
    itemListElement: { item: Record<string, unknown> }[];
  } | null;

const LAST_YEAR = '2025-06-12T08:30:00+02:00';
const NEXT_YEAR = '2037-06-12T08:30:00+02:00';

/** A store of its own with two host events sharing the Café du Port (with coordinates) and an organiser. */
async function network() {
  const spec = await filledStore([]);
  const store = storeFor(spec);
  const summit = await store.put('event', hostEventInput({ name: 'Summit of the commons 2037' }));
  const festival = await store.put('event', hostEventInput({ name: 'Harbour festival' }));
  const cafe = await store.put('place', placeInput());
  const hall = await store.put('place', placeInput({ name: 'Town hall', address: 'Place de la Mairie, Lyon', latitude: undefined, longitude: undefined }));
  const communs = await store.put('organizer', organizerInput());
  const at = (event: string, title: string, start: string, fields: Record<string, unknown> = {}) =>
    sideEventInput({ event, title, start, end: undefined, url: undefined, placeId: cafe.id, organizerId: communs.id, ...fields });
  await store.putMany('side-event', [
    at(summit.id, 'Breakfast at the summit', NEXT_YEAR),
    at(festival.id, 'Concert at the festival', '2037-07-01T20:00:00+02:00', { organizerId: undefined }),
    at(festival.id, 'Last year’s picnic', LAST_YEAR),
    at(summit.id, 'Debate at the town hall', NEXT_YEAR, { placeId: hall.id, place: 'Mairie' }),
  ]);
  return { spec, store, summit, festival, cafe, hall, communs };
}

async function boardOf(attributes: { store: string; event?: string; place?: string; organizer?: string; past?: boolean; lang?: string }): Promise<Board> {
  const el = await fixture<Board>(html`<off-side-event-board
    store=${attributes.store}
    event=${attributes.event ?? ''}
    place=${attributes.place ?? ''}
    organizer=${attributes.organizer ?? ''}
    ?past=${attributes.past}
    lang=${attributes.lang ?? 'en'}
  ></off-side-event-board>`);
  await loaded(el);
  return el;
}

const named = async (el: Board, text: string) => waitUntil(() => heading(el) === text, `heading never became “${text}” (was “${heading(el)}”)`);

describe('off-side-event-board across the network', () => {
  it('shows a venue’s upcoming side events across events, each with its event’s name, accessibly', async () => {
    const { spec, cafe } = await network();
    const el = await boardOf({ store: spec, place: cafe.id });
    await named(el, 'Side events #OFF at Café du Port');
    await waitUntil(() => texts(el, 'item-event').includes('Part of Harbour festival'));
    await expect(el).to.be.accessible();
    expect(texts(el, 'item-title')).to.deep.equal(['Breakfast at the summit', 'Concert at the festival']);
    expect(texts(el, 'item-event')).to.deep.equal(['Part of Summit of the commons 2037', 'Part of Harbour festival']);
  });

  it('adds the side events already over on request (past)', async () => {
    const { spec, cafe } = await network();
    const el = await boardOf({ store: spec, place: cafe.id, past: true });
    expect(texts(el, 'item-title')).to.deep.equal(['Last year’s picnic', 'Breakfast at the summit', 'Concert at the festival']);
    el.past = false;
    await el.updateComplete;
    await loaded(el);
    expect(texts(el, 'item-title')).to.deep.equal(['Breakfast at the summit', 'Concert at the festival']);
  });

  it('shows the place record’s name and address over the free text, with an OpenStreetMap link only when it has coordinates', async () => {
    const { spec, summit } = await network();
    const el = await boardOf({ store: spec, event: summit.id, lang: 'fr' });
    await waitUntil(() => texts(el, 'item-address').length === 2, 'the places never arrived');
    await expect(el).to.be.accessible();
    expect(texts(el, 'item-place')).to.deep.equal(['Café du Port · 1 quai du Port, 13002 Marseille · Carte', 'Town hall · Place de la Mairie, Lyon']);
    const links = el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part="item-map-link"]');
    expect(links).to.have.length(1);
    expect(links[0]!.href).to.equal('https://www.openstreetmap.org/?mlat=43.2965&mlon=5.3698#map=17/43.2965/5.3698');
    expect(links[0]!.getAttribute('aria-label')).to.equal('Carte : Café du Port (OpenStreetMap)');
    expect(document.querySelectorAll('iframe, img')).to.have.length(0);
  });

  it('shows a renamed place’s new name at once', async () => {
    const { spec, store, cafe } = await network();
    const el = await boardOf({ store: spec, place: cafe.id });
    await named(el, 'Side events #OFF at Café du Port');
    await store.put('place', { ...placeInput({ name: 'Le Nouveau Café' }), id: cafe.id });
    await named(el, 'Side events #OFF at Le Nouveau Café');
    expect(texts(el, 'item-place')[0]).to.match(/^Le Nouveau Café · /);
  });

  it('shows an organiser’s side events across events, with their website', async () => {
    const { spec, communs } = await network();
    const el = await boardOf({ store: spec, organizer: communs.id });
    await named(el, 'Side events #OFF by Les Communs');
    await expect(el).to.be.accessible();
    expect(texts(el, 'item-title')).to.deep.equal(['Breakfast at the summit', 'Debate at the town hall']);
    expect(part(el, 'item-organizer')!.textContent).to.equal('By Les Communs · Website');
    expect(part(el, 'item-organizer-link')!.getAttribute('href')).to.equal('https://example.org/communs');
  });

  it('names its event in the heading and in the JSON-LD, whose side events have their superEvent and Place with geo', async () => {
    const { spec, summit } = await network();
    const el = await boardOf({ store: spec, event: summit.id });
    await named(el, 'Side events #OFF around Summit of the commons 2037');
    await waitUntil(() => jsonLd(summit.id)?.name === '#OFF Summit of the commons 2037' && jsonLd(summit.id)!.itemListElement[1]!.item.location);
    const [cafe, hall] = jsonLd(summit.id)!.itemListElement.map(({ item }) => item);
    expect(cafe!.superEvent).to.deep.equal({
      '@type': 'Event',
      name: 'Summit of the commons 2037',
      startDate: '2026-06-12T09:00:00+02:00',
      endDate: '2026-06-14T18:00:00+02:00',
      url: 'https://example.org/summit',
    });
    expect(cafe!.location).to.deep.equal({
      '@type': 'Place',
      name: 'Café du Port',
      address: '1 quai du Port, 13002 Marseille',
      geo: { '@type': 'GeoCoordinates', latitude: 43.2965, longitude: 5.3698 },
      url: 'https://example.org/cafe',
    });
    expect(hall!.location).to.not.have.property('geo');
    expect(cafe!.organizer).to.deep.equal({ '@type': 'Organization', name: 'Les Communs', url: 'https://example.org/communs' });
    el.remove();
  });

  it('still works for an event nobody has described: its id, as before', async () => {
    const spec = await filledStore([sideEventInput({ event: uniqueName('undescribed'), start: NEXT_YEAR, end: undefined })]);
    const event = (await storeFor(spec).list('side-event'))[0]!.event;
    const el = await boardOf({ store: spec, event });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heading(el)).to.equal('Side events #OFF');
    expect(part(el, 'item-place')!.textContent).to.equal('Café du Port, Marseille');
    await waitUntil(() => jsonLd(event), 'no JSON-LD was written');
    expect(jsonLd(event)!.itemListElement[0]!.item).to.not.have.property('superEvent');
    el.remove();
  });

  it('treats markup and javascript: URLs in place and organiser records (from a tampered backend) as text and no link', async () => {
    const event = uniqueName('markup');
    const stamps = { createdAt: LAST_YEAR, updatedAt: LAST_YEAR };
    const spec = registerStandIn(uniqueName('tampered'), (base) => ({
      list: async () => [storedSideEvent({ event, start: NEXT_YEAR, end: undefined, placeId: 'p1', organizerId: 'o1' })] as never,
      get: async (kind, id) => {
        if (kind === 'place') return { id, name: '<img src=x onerror=alert(1)>', address: '<b>bold</b>', latitude: 1, longitude: 2, url: 'javascript:alert(1)', ...stamps } as never;
        if (kind === 'organizer') return { id, name: '<script>alert(1)</script>', url: 'javascript:alert(1)', ...stamps } as never;
        return base.get(kind, id);
      },
    }));
    const el = await boardOf({ store: spec, event });
    await waitUntil(() => texts(el, 'item-address').length === 1 && texts(el, 'item-organizer')[0]!.includes('script'));
    expect(part(el, 'item-place')!.textContent).to.equal('<img src=x onerror=alert(1)> · <b>bold</b> · Map');
    expect(part(el, 'item-organizer')!.textContent).to.equal('By <script>alert(1)</script>');
    expect(el.shadowRoot!.querySelectorAll('img, b, script')).to.have.length(0);
    expect(part(el, 'item-organizer-link')).to.equal(null);
    await waitUntil(() => jsonLd(event)?.itemListElement[0]!.item.organizer);
    expect(JSON.stringify(jsonLd(event))).to.not.contain('javascript:');
    el.remove();
  });
});
