import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { OffSideEventBoard } from '../../../src/elements/off-side-event-board/off-side-event-board.js';
import { storeFor } from '../../../src/elements/shared/store-registry.js';
import { UnavailableError } from '../../../src/storage/errors.js';
import { createIdbStore } from '../../../src/storage/idb.js';
import { sideEventInput, uniqueName } from '../../storage/fixtures.js';
import { failingStore, filledStore, offlineStore, pendingStore, rawStore } from '../stand-in-stores.js';
import { board, chooseDay, loaded, seed, typeFilter } from './helpers.js';

type Board = OffSideEventBoard;

const part = (el: Board, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: Board, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const texts = (el: Board, name: string) => parts(el, name).map((node) => node.textContent!.trim());
const status = (el: Board) => part(el, 'status')!.textContent!.trim();
const announcement = (el: Board) => el.shadowRoot!.querySelector('[aria-live="polite"]')!.textContent!.trim();

/** What the board's live regions would read out from now on: each new text of each of them. */
function spokenChanges(el: Board): { texts: string[]; stop: () => void } {
  const regions = () => [...el.shadowRoot!.querySelectorAll('[role="status"], [role="alert"], [aria-live]:not([aria-live="off"])')];
  const last = new Map(regions().map((region) => [region, region.textContent!.trim()]));
  const spoken: string[] = [];
  const watcher = new MutationObserver(() => {
    for (const region of regions()) {
      const text = region.textContent!.trim();
      if (text && text !== last.get(region)) spoken.push(text);
      last.set(region, text);
    }
  });
  watcher.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
  return { texts: spoken, stop: () => watcher.disconnect() };
}

const PROGRAMME = [
  { title: 'Évènement au Café', start: '2037-06-12T18:00:00+02:00', end: '2037-06-12T19:00:00+02:00', place: 'Café du Port', organizer: 'Les Communs', tags: ['ecologie'] },
  { title: 'Breakfast of the commons', start: '2037-06-12T08:30:00+02:00', end: '2037-06-12T09:30:00+02:00', place: 'Quai 3', organizer: 'Marie Dupont', tags: ['breakfast'] },
  { title: 'Walk to the lighthouse', start: '2037-06-13T10:00:00+02:00', place: 'Phare', organizer: 'Zoé Martin', tags: ['walk', 'sea'] },
];

describe('off-side-event-board', () => {
  describe('states', () => {
    it('is busy and accessible while loading', async () => {
      const el = await fixture<Board>(html`<off-side-event-board store=${pendingStore()} event="g21" lang="en"></off-side-event-board>`);
      await el.updateComplete;
      await expect(el).to.be.accessible();
      expect(part(el, 'board')!.getAttribute('aria-busy')).to.equal('true');
      expect(status(el)).to.equal('Loading side events…');
      expect(part(el, 'filters')!.hidden).to.equal(true);
    });

    it('invites people to add theirs when empty, to a configurable target', async () => {
      const el = await board(uniqueName('empty'));
      await expect(el).to.be.accessible();
      expect(part(el, 'empty')!.textContent).to.contain('No side events yet.');
      expect(part(el, 'contribute-link')!.getAttribute('href')).to.equal('#off-contribute');
      expect(status(el)).to.equal('0 side events');
      el.contributeHref = '/contribute?event=g21';
      await el.updateComplete;
      expect(part(el, 'contribute-link')!.getAttribute('href')).to.equal('/contribute?event=g21');
      el.contributeHref = 'javascript:alert(1)';
      await el.updateComplete;
      expect(part(el, 'contribute-link')!.getAttribute('href')).to.equal('#off-contribute');
    });

    it('warns that the memory store keeps nothing on this device', async () => {
      const el = await board(uniqueName('memory'));
      expect(texts(el, 'warning')).to.deep.equal([
        'Side events added here are not kept on this device: they disappear when the page is closed.',
      ]);
    });

    it('warns when offline', async () => {
      const el = await board('g21', 'fr', offlineStore());
      await expect(el).to.be.accessible();
      expect(texts(el, 'warning')).to.deep.equal(['Vous êtes hors ligne : cette liste n’est peut-être pas à jour.']);
    });

    it('shows a store error in the visitor’s language and retries', async () => {
      const el = await board('g21', 'fr', failingStore(new UnavailableError(), 1));
      await expect(el).to.be.accessible();
      expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
      expect(part(el, 'error')!.textContent).to.contain("Le stockage n'est pas disponible pour le moment.");
      part(el, 'retry-button')!.click();
      await waitUntil(() => part(el, 'empty'), 'retrying never loaded the list');
      expect(part(el, 'error')).to.equal(null);
      expect(status(el)).to.equal('0 évènement OFF');
    });
  });

  describe('filled', () => {
    it('groups side events by day, sorted by start, accessibly', async () => {
      const event = uniqueName('days');
      await seed(event, PROGRAMME);
      const el = await board(event);
      await expect(el).to.be.accessible();
      expect(texts(el, 'day')).to.deep.equal(['Friday, June 12', 'Saturday, June 13']);
      const lists = parts(el, 'day-list').map((list) => [...list.querySelectorAll('[part="item-title"]')].map((title) => title.textContent));
      expect(lists).to.deep.equal([['Breakfast of the commons', 'Évènement au Café'], ['Walk to the lighthouse']]);
      expect(status(el)).to.equal('3 side events');
      const [breakfast] = parts(el, 'item');
      expect(breakfast!.querySelector('time')!.getAttribute('datetime')).to.equal('2037-06-12T08:30:00+02:00');
      expect(breakfast!.querySelector('[part="item-organizer"]')!.textContent).to.equal('By Marie Dupont');
      expect(breakfast!.querySelector('[part="item-tags"]')!.textContent).to.equal('#breakfast');
      const zoneShown = -new Date('2037-06-12T08:30:00+02:00').getTimezoneOffset() !== 120;
      expect(breakfast!.querySelector('[part="item-time"]')!.textContent!.includes('UTC+02:00')).to.equal(zoneShown);
    });

    it('keeps days in calendar order, and the keyboard in the order shown, when side events are in several time zones', async () => {
      const event = uniqueName('zones');
      // In time: Tokyo's Sunday 01:00 (Saturday 16:00 UTC), then Marseille's and New York's Saturday evenings.
      await seed(event, [
        { title: 'Tokyo meetup', start: '2037-06-14T01:00:00+09:00' },
        { title: 'Fête de la mer', start: '2037-06-13T20:00:00+02:00' },
        { title: 'Night of code', start: '2037-06-13T21:00:00-05:00' },
      ]);
      const el = await board(event);
      expect(texts(el, 'day')).to.deep.equal(['Saturday, June 13', 'Sunday, June 14']);
      const titles = parts(el, 'item-title');
      expect(titles.map((title) => title.textContent)).to.deep.equal(['Fête de la mer', 'Night of code', 'Tokyo meetup']);
      titles[0]!.focus();
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      expect(el.shadowRoot!.activeElement).to.equal(titles[2]);
    });

    it('fits the page’s outline: heading-level sets its heading, day headings and titles take the next levels', async () => {
      const event = uniqueName('outline');
      await seed(event, PROGRAMME);
      const el = await board(event);
      const levels = () => ['heading', 'day', 'item-title'].map((name) => part(el, name)!.localName);
      expect(levels()).to.deep.equal(['h2', 'h3', 'h4']);
      el.setAttribute('heading-level', '3');
      await el.updateComplete;
      expect(levels()).to.deep.equal(['h3', 'h4', 'h5']);
      await expect(el).to.be.accessible();
      el.headingLevel = 5;
      await el.updateComplete;
      expect(levels()).to.deep.equal(['h5', 'h6', 'h6']);
      expect(texts(el, 'item-title')).to.deep.equal(['Breakfast of the commons', 'Évènement au Café', 'Walk to the lighthouse']);
    });

    it('speaks French with French day names', async () => {
      const event = uniqueName('fr');
      await seed(event, PROGRAMME);
      const el = await board(event, 'fr');
      await expect(el).to.be.accessible();
      expect(texts(el, 'day')).to.deep.equal(['vendredi 12 juin', 'samedi 13 juin']);
      expect(status(el)).to.equal('3 évènements OFF');
      expect(part(el, 'heading')!.textContent).to.equal('Évènements OFF');
      expect(el.shadowRoot!.querySelector('label[for="filter"]')!.textContent).to.equal('Rechercher dans les évènements OFF');
      expect([...el.shadowRoot!.querySelectorAll('option')].map((option) => option.textContent)).to.deep.equal([
        'Tous les jours',
        'vendredi 12 juin',
        'samedi 13 juin',
      ]);
      expect(parts(el, 'calendar-button')[0]!.textContent!.trim()).to.equal('Ajouter à l’agenda');
    });

    it('takes its heading from `label`, so two boards on one page are two distinct regions', async () => {
      const event = uniqueName('label');
      await seed(event, PROGRAMME);
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <off-side-event-board store="memory" event=${event} lang="en" label="Today at the venue"></off-side-event-board>
        <off-side-event-board store="memory" event=${event} lang="en"></off-side-event-board>
      </div>`);
      const [labelled, plain] = [...wrapper.querySelectorAll<Board>('off-side-event-board')] as [Board, Board];
      await Promise.all([labelled, plain].map(loaded));
      expect(part(labelled, 'heading')!.textContent).to.equal('Today at the venue');
      expect(part(plain, 'heading')!.textContent).to.equal('Side events #OFF');
      expect(part(labelled, 'board')!.getAttribute('aria-labelledby')).to.equal('heading');
      await expect(wrapper).to.be.accessible();
      labelled.label = '';
      await labelled.updateComplete;
      expect(part(labelled, 'heading')!.textContent).to.equal('Side events #OFF');
    });

    it('renders markup in a title as text', async () => {
      const event = uniqueName('xss');
      await seed(event, [{ title: '<img src=x onerror=alert(1)>', description: '<script>alert(2)</script>' }]);
      const el = await board(event);
      expect(part(el, 'item-title')!.textContent).to.equal('<img src=x onerror=alert(1)>');
      expect(part(el, 'item-description')!.textContent).to.equal('<script>alert(2)</script>');
      expect(el.shadowRoot!.querySelector('img, [part="list"] script')).to.equal(null);
    });

    it('links only to http(s) addresses, with a safe rel', async () => {
      const [stored] = await seed(uniqueName('links'), [{ url: 'https://example.org/breakfast' }]);
      const tampered = { ...stored!, id: 'tampered', title: 'Tampered', url: 'javascript:alert(1)' };
      const plain = { ...stored!, id: 'plain', title: 'Plain', url: 'http://example.org/plain' };
      const el = await board(stored!.event, 'en', rawStore([stored!, tampered, plain]));
      const links = parts(el, 'item-link');
      expect(links.map((link) => link.getAttribute('href'))).to.deep.equal(['https://example.org/breakfast', 'http://example.org/plain']);
      for (const link of links) expect(link.getAttribute('rel')).to.equal('noopener noreferrer nofollow ugc');
      expect(links[0]!.getAttribute('aria-label')).to.equal('More info: Breakfast of the commons');
      for (const anchor of el.shadowRoot!.querySelectorAll('a[href]')) {
        expect(anchor.getAttribute('href')).to.match(/^(https?:|#)/);
      }
    });

    it('lays out a right-to-left title, place and description right to left on a left-to-right page', async () => {
      const event = uniqueName('rtl');
      await seed(event, [
        { title: 'لقاء المشاع!', place: 'بيت الثقافة', description: 'نقاش مفتوح للجميع.' },
        { title: 'Open breakfast', place: 'Main hall', description: 'Coffee first.' },
      ]);
      const el = await board(event);
      const direction = (name: string) => parts(el, name).map((node) => (node.matches(':dir(rtl)') ? 'rtl' : 'ltr'));
      // Same start: the English one comes first, by title.
      for (const name of ['item-title', 'item-place', 'item-description']) expect(direction(name), name).to.deep.equal(['ltr', 'rtl']);
    });

    it('says how many are left, and how many come before, with French plurals', async () => {
      const event = uniqueName('plural');
      await seed(event, Array.from({ length: 91 }, (_, index) => ({ title: `Item ${index}`, start: `2037-06-12T08:${String(index % 60).padStart(2, '0')}:00+02:00` })));
      const el = await board(event, 'fr');
      const pager = async (name: string) => {
        part(el, name)!.click();
        await el.updateComplete;
      };
      await pager('more-button');
      await pager('more-button');
      expect(part(el, 'range')!.textContent).to.equal('31 à 90 sur 91');
      expect(part(el, 'more-button')!.textContent!.trim()).to.equal('Afficher 1 de plus (1 restant)');
      expect(part(el, 'earlier-button')!.textContent!.trim()).to.equal('Afficher les 30 précédents');
      await pager('more-button');
      await pager('earlier-button');
      expect(part(el, 'range')!.textContent).to.equal('2 à 61 sur 91');
      expect(part(el, 'earlier-button')!.textContent!.trim()).to.equal('Afficher le précédent');
      expect(part(el, 'more-button')!.textContent!.trim()).to.equal('Afficher 30 de plus (30 restants)');
    });

    it('clamps a long description and expands it', async () => {
      const event = uniqueName('long');
      await seed(event, [{ description: 'A long read. '.repeat(30) }]);
      const el = await board(event);
      const toggle = part(el, 'expand-button')!;
      expect(part(el, 'item-description')!.classList.contains('clamped')).to.equal(true);
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      toggle.click();
      await el.updateComplete;
      expect(part(el, 'item-description')!.classList.contains('clamped')).to.equal(false);
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(toggle.textContent!.trim()).to.equal('Read less');
    });
  });

  describe('filters', () => {
    it('filters by title, place, organiser and tag, ignoring case and accents', async () => {
      const event = uniqueName('filter');
      await seed(event, PROGRAMME);
      const el = await board(event);
      const titles = () => texts(el, 'item-title');

      await typeFilter(el, 'cafe');
      expect(titles()).to.deep.equal(['Évènement au Café']);
      expect(status(el)).to.equal('1 side event');
      await expect(el).to.be.accessible();

      await typeFilter(el, 'ÉCOLOGIE');
      expect(titles()).to.deep.equal(['Évènement au Café']);
      await typeFilter(el, 'zoe');
      expect(titles()).to.deep.equal(['Walk to the lighthouse']);
      await typeFilter(el, 'quai');
      expect(titles()).to.deep.equal(['Breakfast of the commons']);
      await typeFilter(el, 'nothing like this');
      expect(part(el, 'empty')!.textContent).to.contain('No side event matches “nothing like this”.');
      await expect(el).to.be.accessible();

      part(el, 'clear-button')!.click();
      await el.updateComplete;
      expect(titles()).to.have.length(3);
      expect((part(el, 'filter-input') as HTMLInputElement).value).to.equal('');
    });

    it('filters by day and tells the page', async () => {
      const event = uniqueName('day');
      await seed(event, PROGRAMME);
      const el = await board(event);
      const changed = oneEvent(el, 'off-filter-change');
      await chooseDay(el, '2037-06-13');
      const { detail } = await changed;
      expect(detail).to.deep.equal({ query: '', day: '2037-06-13', count: 1 });
      expect(texts(el, 'item-title')).to.deep.equal(['Walk to the lighthouse']);
      expect(texts(el, 'day')).to.deep.equal(['Saturday, June 13']);
      await chooseDay(el, '');
      expect(texts(el, 'item-title')).to.have.length(3);
    });

    it('puts the day filter back to all days with “Clear filters”, even once the visitor has picked “All days” themselves', async () => {
      const event = uniqueName('clear-day');
      await seed(event, PROGRAMME);
      const el = await board(event);
      await chooseDay(el, '2037-06-13');
      await chooseDay(el, '');
      await chooseDay(el, '2037-06-12');
      await typeFilter(el, 'nothing like this');
      part(el, 'clear-button')!.click();
      await el.updateComplete;
      expect(texts(el, 'item-title')).to.have.length(3);
      expect((part(el, 'day-filter') as HTMLSelectElement).value).to.equal('');
    });

    it('keeps showing the chosen day in the day filter when its last side event is removed', async () => {
      const event = uniqueName('day-gone');
      const [friday] = await seed(event, PROGRAMME.slice(1));
      const el = await board(event);
      await chooseDay(el, '2037-06-12');
      await storeFor('memory').remove('side-event', friday!.id);
      await waitUntil(() => part(el, 'empty'), 'the removal never showed');
      const select = part(el, 'day-filter') as HTMLSelectElement;
      expect([select.value, select.selectedOptions[0]?.textContent]).to.deep.equal(['2037-06-12', 'Friday, June 12']);
      expect(part(el, 'empty')!.textContent).to.contain('No side event on this day.');
    });

    it('reads the count out once the visitor stops typing, not at every pause between keys', async () => {
      const event = uniqueName('chatty');
      await seed(event, PROGRAMME);
      const el = await board(event);
      const spoken = spokenChanges(el);
      try {
        // A word typed a key at a time, each pause just long enough for the list to follow.
        for (const typed of ['e', 'ea', 'eak']) await typeFilter(el, typed);
        expect(texts(el, 'item-title')).to.deep.equal(['Breakfast of the commons']);
        expect(status(el)).to.equal('1 side event');
        await waitUntil(() => spoken.texts.length > 0, 'the count was never read out', { timeout: 3000 });
      } finally {
        spoken.stop();
      }
      expect(spoken.texts).to.deep.equal(['1 side event']);
    });

    it('reads the count out again when the next filter gives the same count', async () => {
      const event = uniqueName('same-count');
      await seed(event, PROGRAMME);
      const el = await board(event);
      const region = el.shadowRoot!.querySelector('[aria-live="polite"]')!;
      await typeFilter(el, 'breakfast');
      await waitUntil(() => announcement(el) === '1 side event', 'the first count was never read out', { timeout: 3000 });
      const first = region.textContent;
      await typeFilter(el, 'lighthouse');
      expect(texts(el, 'item-title')).to.deep.equal(['Walk to the lighthouse']);
      // A live region whose text does not change is not read out again.
      await waitUntil(() => region.textContent !== first, 'the same count was not read out again', { timeout: 3000 });
      expect(announcement(el)).to.equal('1 side event');
    });

    it('has labelled filters', async () => {
      const event = uniqueName('labels');
      await seed(event, PROGRAMME);
      const el = await board(event);
      expect(el.shadowRoot!.querySelector('label[for="filter"]')!.textContent).to.equal('Search side events');
      expect(el.shadowRoot!.querySelector('label[for="day"]')!.textContent).to.equal('Day');
      expect(part(el, 'filters')!.getAttribute('role')).to.equal('search');
    });
  });

  describe('live', () => {
    it('shows and announces a side event put into the same store', async () => {
      const event = uniqueName('live');
      await seed(event, [PROGRAMME[0]!]);
      const el = await board(event);
      await seed(event, [{ title: 'Late-night jam', start: '2037-06-12T23:00:00+02:00' }]);
      await waitUntil(() => texts(el, 'item-title').includes('Late-night jam'), 'the new side event never appeared');
      expect(status(el)).to.equal('2 side events');
      await waitUntil(() => announcement(el) === 'New side event: Late-night jam', 'the new side event was not announced', { timeout: 3000 });
    });

    it('announces a burst of arrivals once, while each shows at once', async () => {
      const event = uniqueName('burst');
      const el = await board(event);
      const spoken = spokenChanges(el);
      try {
        // Arriving one by one, in separate tasks: a server's stream, a queue sent when back online.
        for (let n = 1; n <= 5; n += 1) {
          await seed(event, [{ title: `Arrival ${n}`, start: `2037-06-12T1${n}:00:00+02:00` }]);
          await waitUntil(() => texts(el, 'item-title').includes(`Arrival ${n}`), `arrival ${n} not shown at once`);
          await new Promise((resolve) => setTimeout(resolve, 30));
        }
        await waitUntil(() => announcement(el) !== '', 'the arrivals were never announced', { timeout: 3000 });
      } finally {
        spoken.stop();
      }
      // Read out once, by every live region together: not also the count, once per arrival.
      expect(spoken.texts).to.deep.equal(['5 new side events']);
    });

    it('announces as new only what arrives, not the side events of another event or store it is switched to', async () => {
      const [first, second] = [uniqueName('first'), uniqueName('second')];
      await seed(first, [PROGRAMME[0]!]);
      await seed(second, PROGRAMME);
      const el = await board(first);
      const announced: string[] = [];
      const watcher = new MutationObserver(() => announced.push(announcement(el)));
      watcher.observe(el.shadowRoot!.querySelector('[aria-live="polite"]')!, { subtree: true, childList: true, characterData: true });
      try {
        el.event = second;
        await waitUntil(() => texts(el, 'item-title').length === 3, 'the second event’s side events never showed');
        el.store = await filledStore([sideEventInput({ event: second, title: 'Elsewhere', start: '2037-06-14T10:00:00+02:00', end: undefined })]);
        await waitUntil(() => texts(el, 'item-title').join() === 'Elsewhere', 'the other store’s side events never showed');
        await seed(second, [{ title: 'Late-night jam', start: '2037-06-12T23:00:00+02:00' }]);
        el.store = 'memory';
        await waitUntil(() => texts(el, 'item-title').length === 4, 'the board never came back to the memory store');
        await seed(second, [{ title: 'Really new', start: '2037-06-13T23:00:00+02:00' }]);
        await waitUntil(() => announcement(el) !== '', 'the arrival was never announced', { timeout: 3000 });
      } finally {
        watcher.disconnect();
      }
      expect(announced).to.deep.equal(['New side event: Really new']);
    });

    it('does not read out on the next event an arrival of the event it has just left', async () => {
      const [first, second] = [uniqueName('left'), uniqueName('next')];
      await seed(second, [PROGRAMME[0]!]);
      const el = await board(first);
      await seed(first, [{ title: 'Arrived just before the switch', start: '2037-06-12T23:00:00+02:00' }]);
      await waitUntil(() => texts(el, 'item-title').includes('Arrived just before the switch'), 'the arrival never showed');
      el.event = second;
      await waitUntil(() => texts(el, 'item-title').join() === PROGRAMME[0]!.title, 'the next event’s side events never showed');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(announcement(el)).to.not.contain('Arrived just before the switch');
    });

    it('shows a change made in another tab (a second IndexedDB store)', async () => {
      const event = uniqueName('tab');
      const el = await board(event, 'en', 'idb');
      const otherTab = createIdbStore();
      try {
        const [created] = await otherTab.putMany('side-event', [sideEventInput({ event, title: 'From the other tab' })]);
        await waitUntil(() => texts(el, 'item-title').includes('From the other tab'), 'the other tab’s side event never appeared');
        await otherTab.put('side-event', { ...sideEventInput({ event, title: 'Renamed in the other tab' }), id: created!.id });
        await waitUntil(() => texts(el, 'item-title').includes('Renamed in the other tab'), 'the other tab’s change never appeared');
        expect(texts(el, 'item-title')).to.deep.equal(['Renamed in the other tab']);
      } finally {
        otherTab.close();
      }
    });
  });
});
