import { expect } from '@open-wc/testing';
import { dayKeys, filterSideEvents, inDayOrder, searchTexts } from '../../../src/elements/off-side-event-board/board-index.js';
import type { SideEvent } from '../../../src/model/records.js';

const sideEvent = (id: string, fields: Partial<SideEvent>): SideEvent => ({
  id,
  event: 'g21',
  title: id,
  start: '2037-06-12T08:30:00+02:00',
  tags: [],
  createdAt: '2037-01-01T00:00:00Z',
  updatedAt: '2037-01-01T00:00:00Z',
  ...fields,
});

const LIST = [
  sideEvent('breakfast', { title: 'Breakfast of the commons', place: 'Café du Port', organizer: 'Les Communs', tags: ['commons'] }),
  sideEvent('fete', { title: 'FÊTE de la mer', start: '2037-06-13T20:00:00+02:00', organizer: 'Zoé Martin', tags: ['Écologie'] }),
  sideEvent('code', { title: 'C++ (and Rust) night.', start: '2037-06-13T21:00:00-05:00', tags: ['code'] }),
  sideEvent('tokyo', { title: '東京 Meetup', place: 'Ｔｏｋｙｏ', start: '2037-06-14T01:00:00+09:00' }),
];

const ids = (query: string, day = '') => filterSideEvents(LIST, () => searchTexts(LIST), { query, day }).map((record) => record.id);

describe('board index', () => {
  it('keeps every side event, in order, without a filter', () => {
    expect(filterSideEvents(LIST, () => searchTexts(LIST), { query: '  ', day: '' })).to.equal(LIST);
  });

  it('folds no search text until a query needs it, even for a day', () => {
    const unread = () => {
      throw new Error('search texts read without a query');
    };
    expect(filterSideEvents(LIST, unread, { query: '', day: '' })).to.equal(LIST);
    expect(filterSideEvents(LIST, unread, { query: '', day: '2037-06-14' }).map((record) => record.id)).to.deep.equal(['tokyo']);
  });

  it('matches every word, in any order, in the title, place, organiser or tags, ignoring case and accents', () => {
    expect(ids('port cafe')).to.deep.equal(['breakfast']);
    expect(ids('CAFÉ commons')).to.deep.equal(['breakfast']);
    expect(ids('fete ecologie')).to.deep.equal(['fete']);
    expect(ids('zoe')).to.deep.equal(['fete']);
    expect(ids('cafe lunch')).to.deep.equal([]);
    expect(ids('o')).to.deep.equal(['breakfast', 'fete', 'code']);
  });

  it('matches text beyond Latin letters', () => {
    expect(ids('東京')).to.deep.equal(['tokyo']);
    expect(ids('ｔｏｋｙｏ')).to.deep.equal(['tokyo']);
    expect(ids('tokyo')).to.deep.equal([]);
  });

  it('filters by the wall-clock day of the place, alone or with words', () => {
    expect(dayKeys(LIST)).to.deep.equal(['2037-06-12', '2037-06-13', '2037-06-14']);
    expect(ids('', '2037-06-13')).to.deep.equal(['fete', 'code']);
    expect(ids('night', '2037-06-13')).to.deep.equal(['code']);
    expect(ids('night', '2037-06-12')).to.deep.equal([]);
  });

  it('orders by the day of each place, then by instant, when a later day somewhere comes first in time', () => {
    // Tokyo's Sunday 01:00 comes before the Saturday evenings of Europe and America.
    const inTime = [...LIST].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    expect(inTime.map((record) => record.id)).to.deep.equal(['breakfast', 'tokyo', 'fete', 'code']);
    expect(inDayOrder(inTime).map((record) => record.id)).to.deep.equal(['breakfast', 'fete', 'code', 'tokyo']);
    const alreadyInOrder = inTime.slice(0, 1).concat(inTime.slice(2));
    expect(inDayOrder(alreadyInOrder)).to.equal(alreadyInOrder);
  });
});
