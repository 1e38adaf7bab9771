import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { boardCalendar, sideEventCalendar } from '../../../src/elements/off-side-event-board/calendar.js';
import type { OffSideEventBoard } from '../../../src/elements/off-side-event-board/off-side-event-board.js';
import type { SideEvent } from '../../../src/model/records.js';
import type { OffStore } from '../../../src/storage/store.js';
import { storeFor } from '../../../src/elements/shared/store-registry.js';
import { placeInput, sideEventInput, uniqueName } from '../../storage/fixtures.js';
import { filledStore, rawStore, registerStandIn } from '../stand-in-stores.js';
import { board, seed } from './helpers.js';

const NOW = new Date('2037-01-01T00:00:00Z');

function sideEvent(overrides: Partial<SideEvent> = {}): SideEvent {
  return {
    ...sideEventInput({ start: '2037-06-12T08:30:00+02:00', end: '2037-06-12T09:30:00+02:00' }),
    id: 'abc-123',
    createdAt: '2037-01-01T00:00:00Z',
    updatedAt: '2037-01-01T00:00:00Z',
    ...overrides,
  } as SideEvent;
}

interface Download {
  download: string;
  href: string;
}

/** Records the downloads the board starts instead of letting the browser save them. */
function captureDownloads(): { downloads: Download[]; restore: () => void } {
  const downloads: Download[] = [];
  const click = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'click')!;
  Object.defineProperty(HTMLAnchorElement.prototype, 'click', {
    configurable: true,
    value(this: HTMLAnchorElement) {
      downloads.push({ download: this.download, href: this.href });
    },
  });
  return { downloads, restore: () => Object.defineProperty(HTMLAnchorElement.prototype, 'click', click) };
}

const jsonLdScripts = (event: string) => [...document.head.querySelectorAll(`script[type="application/ld+json"][data-off-board="${event}"]`)];


describe('off-side-event-board exports', () => {
  describe('calendar files', () => {
    it('names one side event’s file after the event and its title', async () => {
      const file = await sideEventCalendar('g21', sideEvent({ title: 'Café & Co : petit-déjeuner !' }), NOW);
      expect(file.filename).to.equal('off-g21-cafe-co-petit-dejeuner.ics');
      expect(file.text).to.contain('BEGIN:VCALENDAR\r\n');
      expect(file.text).to.contain('SUMMARY:Café & Co : petit-déjeuner !\r\n');
      expect(file.text).to.contain('DTSTART:20370612T063000Z\r\n');
      expect(file.text.match(/BEGIN:VEVENT/g)).to.have.length(1);
    });

    it('falls back to the id when the title leaves no slug', async () => {
      expect((await sideEventCalendar('g21', sideEvent({ title: '★★★' }), NOW)).filename).to.equal('off-g21-abc-123.ics');
    });

    it('writes only an http(s) URL, whatever the store sends', async () => {
      expect((await sideEventCalendar('g21', sideEvent({ url: 'https://example.org/breakfast' }), NOW)).text).to.contain('URL:https://example.org/breakfast\r\n');
      expect((await sideEventCalendar('g21', sideEvent({ url: 'javascript:alert(1)' }), NOW)).text).to.not.contain('URL:');
    });

    it('puts every side event of the board in one named calendar', async () => {
      const file = await boardCalendar('g21', [sideEvent(), sideEvent({ id: 'second', title: 'Second' })], '#OFF g21', NOW);
      expect(file.filename).to.equal('off-g21.ics');
      expect(file.text).to.contain('X-WR-CALNAME:#OFF g21\r\n');
      expect(file.text.match(/BEGIN:VEVENT/g)).to.have.length(2);
    });

    it('downloads an item’s .ics and the whole board’s from their buttons', async () => {
      const event = uniqueName('ics');
      await seed(event, [
        { title: 'Breakfast', start: '2037-06-12T08:30:00+02:00' },
        { title: 'Walk', start: '2037-06-13T10:00:00+02:00' },
      ]);
      const el = await board(event);
      const { downloads, restore } = captureDownloads();
      try {
        el.shadowRoot!.querySelector<HTMLButtonElement>('[part="calendar-button"]')!.click();
        el.shadowRoot!.querySelector<HTMLButtonElement>('[part="calendar-all-button"]')!.click();
        // The calendar writer is loaded on the first click.
        await waitUntil(() => downloads.length === 2, 'not downloaded');
      } finally {
        restore();
      }
      expect(downloads.map((download) => download.download)).to.deep.equal([`off-${event}-breakfast.ics`, `off-${event}.ics`]);
      expect(downloads[0]!.href).to.match(/^blob:/);
      const one = await (await fetch(downloads[0]!.href)).text();
      expect(one).to.contain('SUMMARY:Breakfast\r\n');
      expect(one).to.not.contain('SUMMARY:Walk');
      const all = await (await fetch(downloads[1]!.href)).text();
      expect(all.match(/BEGIN:VEVENT/g)).to.have.length(2);
    });
    it('downloads a venue’s side events across events as one .ics named after the place, LOCATION from its record', async () => {
      const spec = await filledStore([]);
      const store = storeFor(spec);
      const place = await store.put('place', placeInput());
      await store.putMany('side-event', [
        sideEventInput({ event: uniqueName('summit'), title: 'Breakfast', start: '2037-06-12T08:30:00+02:00', end: undefined, placeId: place.id }),
        sideEventInput({ event: uniqueName('festival'), title: 'Concert', start: '2037-07-01T20:00:00+02:00', end: undefined, placeId: place.id }),
      ]);
      const el = await fixture<OffSideEventBoard>(html`<off-side-event-board store=${spec} place=${place.id} lang="en"></off-side-event-board>`);
      await waitUntil(() => el.shadowRoot!.querySelector('[part="heading"]')!.textContent!.includes('Café du Port'), 'the place was never named');
      const { downloads, restore } = captureDownloads();
      try {
        el.shadowRoot!.querySelector<HTMLButtonElement>('[part="calendar-all-button"]')!.click();
        await waitUntil(() => downloads.length === 1, 'not downloaded');
      } finally {
        restore();
      }
      expect(downloads.map((download) => download.download)).to.deep.equal(['off-cafe-du-port.ics']);
      const all = await (await fetch(downloads[0]!.href)).text();
      expect(all).to.contain('X-WR-CALNAME:#OFF Café du Port\r\n');
      expect(all.match(/LOCATION:Café du Port\\, 1 quai du Port\\, 13002 Marseille/g)).to.have.length(2);
    });
  });

  describe('JSON-LD', () => {
    it('writes schema.org events into the head, keeps them current and removes them on disconnect', async () => {
      const event = uniqueName('jsonld');
      await seed(event, [
        { title: '</script><script>alert(1)</script>', start: '2037-06-12T08:30:00+02:00' },
        { title: 'Walk', start: '2037-06-13T10:00:00+02:00' },
      ]);
      const el = await board(event);
      // The writer loads once the board has side events to describe.
      await waitUntil(() => jsonLdScripts(event).length === 1, 'no JSON-LD was written');
      const script = jsonLdScripts(event)[0]!;
      expect(script.textContent).to.not.contain('</script>');
      const list = JSON.parse(script.textContent!);
      expect(list['@type']).to.equal('ItemList');
      expect(list.itemListElement).to.have.length(2);
      expect(list.itemListElement[0].item).to.include({ '@type': 'Event', name: '</script><script>alert(1)</script>' });

      await seed(event, [{ title: 'Late', start: '2037-06-14T10:00:00+02:00' }]);
      await waitUntil(() => JSON.parse(jsonLdScripts(event)[0]!.textContent!).numberOfItems === 3, 'the JSON-LD never caught up');

      el.remove();
      expect(jsonLdScripts(event)).to.have.length(0);
    });

    it('writes nothing into the page for a board removed before its side events arrived', async () => {
      const event = uniqueName('jsonld-gone');
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let base!: OffStore;
      const store = registerStandIn(uniqueName('held'), (memory) => {
        base = memory;
        return { list: async (kind, query) => (await held, memory.list(kind, query)) };
      });
      await base.putMany('side-event', [sideEventInput({ event, start: '2037-06-12T08:30:00+02:00', end: undefined })]);
      const el = await fixture<OffSideEventBoard>(html`<off-side-event-board store=${store} event=${event} lang="en"></off-side-event-board>`);
      // A framework's route change, a tab closed in a page builder: the board goes while the store is still answering.
      el.remove();
      release();
      await waitUntil(() => el.shadowRoot!.querySelector('[part="item"]'), 'the list never arrived');
      await el.updateComplete;
      expect(jsonLdScripts(event)).to.have.length(0);
    });

    it('gives search engines only http(s) links, whatever the store sends', async () => {
      const [stored] = await seed(uniqueName('jsonld-url'), [{ title: 'Safe', start: '2037-06-12T08:30:00+02:00', url: 'https://example.org/safe' }]);
      const tampered = { ...stored!, id: 'tampered', title: 'Tampered', url: 'javascript:alert(1)' };
      await board(stored!.event, 'en', rawStore([stored!, tampered]));
      await waitUntil(() => jsonLdScripts(stored!.event).length === 1, 'no JSON-LD was written');
      const items = JSON.parse(jsonLdScripts(stored!.event)[0]!.textContent!).itemListElement.map((entry: { item: object }) => entry.item);
      expect(items.map((item: { url?: string }) => item.url)).to.deep.equal(['https://example.org/safe', undefined]);
    });

    it('writes nothing for a board without upcoming side events', async () => {
      const event = uniqueName('past');
      await seed(event, [{ start: '2020-06-12T08:30:00+02:00' }]);
      const el = await board(event);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelectorAll('[part="item"]')).to.have.length(1);
      expect(jsonLdScripts(event)).to.have.length(0);
    });
  });
});
