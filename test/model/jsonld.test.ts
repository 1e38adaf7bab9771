import { expect } from '@open-wc/testing';
import { serializeJsonLd, toJsonLd } from '../../src/model/jsonld.js';
import type { SideEvent } from '../../src/model/records.js';

const NOW = new Date('2037-06-12T12:00:00Z');

function sideEvent(index: number, overrides: Partial<SideEvent> = {}): SideEvent {
  return {
    id: `id-${index}`,
    event: 'g21',
    title: `Side event ${index}`,
    start: '2037-06-13T10:00:00+02:00',
    tags: [],
    createdAt: '2037-01-01T00:00:00Z',
    updatedAt: '2037-01-01T00:00:00Z',
    ...overrides,
  };
}

type Item = { item: Record<string, unknown>; position: number };

describe('toJsonLd', () => {
  it('lists upcoming side events as schema.org Events', () => {
    const full = sideEvent(1, {
      end: '2037-06-13T11:00:00+02:00',
      place: 'Café du Port',
      url: 'https://example.org/a',
      organizer: 'Les Communs',
      description: 'Coffee.',
      tags: ['commons', 'coffee'],
    });
    const list = toJsonLd([full, sideEvent(2)], { eventName: 'G21', now: NOW });
    expect(list).to.include({ '@context': 'https://schema.org', '@type': 'ItemList', numberOfItems: 2, name: '#OFF G21' });
    const [first, second] = list.itemListElement as Item[];
    expect(first!.position).to.equal(1);
    expect(first!.item).to.deep.equal({
      '@type': 'Event',
      name: 'Side event 1',
      startDate: '2037-06-13T10:00:00+02:00',
      endDate: '2037-06-13T11:00:00+02:00',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      eventStatus: 'https://schema.org/EventScheduled',
      location: { '@type': 'Place', name: 'Café du Port', address: 'Café du Port' },
      url: 'https://example.org/a',
      organizer: { '@type': 'Organization', name: 'Les Communs' },
      description: 'Coffee.',
      keywords: 'commons, coffee',
    });
    expect(second!.item).to.not.have.keys('location', 'url', 'organizer', 'endDate');
  });

  it('leaves out what has ended and caps the list', () => {
    const past = sideEvent(0, { start: '2037-06-11T10:00:00+02:00' });
    const ongoing = sideEvent(1, { start: '2037-06-12T10:00:00+02:00', end: '2037-06-12T18:00:00+02:00' });
    const upcoming = Array.from({ length: 150 }, (_, index) => sideEvent(index + 2));
    const list = toJsonLd([past, ongoing, ...upcoming], { now: NOW });
    expect(list.numberOfItems).to.equal(100);
    const names = (list.itemListElement as Item[]).map(({ item }) => item.name);
    expect(names[0]).to.equal('Side event 1');
    expect(names).to.not.include('Side event 0');
    expect(toJsonLd(upcoming, { now: NOW, limit: 3 }).numberOfItems).to.equal(3);
  });
});

describe('serializeJsonLd', () => {
  it('gives each event its canonical URL as @id: the one it kept, or the one the page computes from its server', () => {
    const kept = sideEvent(1, { canonicalUrl: 'https://festival.example/api/side-events/id-1' });
    const [first, second] = (toJsonLd([kept, sideEvent(2)], { now: NOW }).itemListElement as Item[]).map(({ item }) => item);
    expect(first!['@id']).to.equal('https://festival.example/api/side-events/id-1');
    expect(second).not.to.have.property('@id');
    const fromServer = toJsonLd([sideEvent(2)], { now: NOW, canonicalUrlOf: ({ id }) => `https://off.example/api/side-events/${id}` });
    expect((fromServer.itemListElement as Item[])[0]!.item['@id']).to.equal('https://off.example/api/side-events/id-2');
  });

  it('escapes < so a title cannot close the script', () => {
    const text = serializeJsonLd({ name: '</script><script>alert(1)</script>' });
    expect(text).to.not.contain('<');
    expect(JSON.parse(text)).to.deep.equal({ name: '</script><script>alert(1)</script>' });
  });
});
