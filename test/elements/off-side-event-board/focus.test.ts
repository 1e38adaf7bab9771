import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { OffSideEventBoard } from '../../../src/elements/off-side-event-board/off-side-event-board.js';
import { storeFor } from '../../../src/elements/shared/store-registry.js';
import { UnavailableError } from '../../../src/storage/errors.js';
import { sideEventInput, uniqueName } from '../../storage/fixtures.js';
import { failingStore } from '../stand-in-stores.js';
import { board, seed, typeFilter } from './helpers.js';

type Board = OffSideEventBoard;

const part = (el: Board, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;
const titles = (el: Board) => [...el.shadowRoot!.querySelectorAll('[part="item-title"]')].map((title) => title.textContent);
/** What has focus, as text; null when focus has gone back to the page. */
const focused = (el: Board) => {
  const active = el.shadowRoot!.activeElement;
  return active && `${active.getAttribute('part')}: ${active.textContent!.trim()}`;
};
const calendarButtonOf = (el: Board, title: string) =>
  [...el.shadowRoot!.querySelectorAll('[part="item"]')]
    .find((item) => item.querySelector('[part="item-title"]')!.textContent === title)!
    .querySelector<HTMLElement>('[part="calendar-button"]')!;

const DAYS = [
  { title: 'Breakfast', start: '2037-06-12T08:30:00+02:00' },
  { title: 'Workshop', start: '2037-06-12T14:00:00+02:00' },
  { title: 'Walk', start: '2037-06-13T10:00:00+02:00' },
];

describe('off-side-event-board focus', () => {
  it('puts focus in the search when “Clear filters” is pressed, not back at the page’s start', async () => {
    const event = uniqueName('clear');
    await seed(event, DAYS);
    const el = await board(event);
    await typeFilter(el, 'nothing like this');
    part(el, 'clear-button').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Breakfast', 'Workshop', 'Walk']);
    expect(focused(el)).to.equal('filter-input: ');
  });

  it('moves focus to the next side event when the one it is on is removed, and to the previous one at the end', async () => {
    const event = uniqueName('removed');
    const [, workshop, walk] = await seed(event, DAYS);
    const el = await board(event);
    calendarButtonOf(el, 'Workshop').focus();
    await storeFor('memory').remove('side-event', workshop!.id);
    await waitUntil(() => titles(el).length === 2, 'the removal never showed');
    expect(focused(el)).to.equal('item-title: Walk');
    await storeFor('memory').remove('side-event', walk!.id);
    await waitUntil(() => titles(el).length === 1, 'the second removal never showed');
    expect(focused(el)).to.equal('item-title: Breakfast');
  });

  it('keeps focus in the list when a change makes the side event it is on leave a filtered list', async () => {
    const event = uniqueName('unmatched');
    const [breakfast] = await seed(event, DAYS.map((fields) => ({ ...fields, tags: ['open'] })));
    const el = await board(event);
    await typeFilter(el, 'open');
    calendarButtonOf(el, 'Breakfast').focus();
    await storeFor('memory').put('side-event', { ...sideEventInput({ event, ...DAYS[0], url: undefined, end: undefined, tags: ['closed'] }), id: breakfast!.id });
    await waitUntil(() => titles(el).length === 2, 'the change never showed');
    expect(focused(el)).to.equal('item-title: Workshop');
  });

  it('keeps focus in the list, on the side event now in its place, when the one it is on moves to another day', async () => {
    const event = uniqueName('moved');
    const [breakfast] = await seed(event, DAYS);
    const el = await board(event);
    calendarButtonOf(el, 'Breakfast').focus();
    await storeFor('memory').put('side-event', { ...sideEventInput({ event, ...DAYS[0], url: undefined, end: undefined, start: '2037-06-13T18:00:00+02:00' }), id: breakfast!.id });
    await waitUntil(() => titles(el).join() === 'Workshop,Walk,Breakfast', 'the move never showed');
    expect(focused(el)).to.equal('item-title: Workshop');
  });

  it('puts focus on the board’s heading when “Try again” is pressed, while the list loads again', async () => {
    const el = await board('g21', 'en', failingStore(new UnavailableError(), 1));
    part(el, 'retry-button').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(focused(el)).to.equal('heading: Side events #OFF');
    await waitUntil(() => el.shadowRoot!.querySelector('[part="empty"]'), 'the list never loaded again');
    expect(focused(el)).to.equal('heading: Side events #OFF');
  });
});
