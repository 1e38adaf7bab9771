import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { OffSideEventBoard } from '../../../src/elements/off-side-event-board/off-side-event-board.js';
import { uniqueName } from '../../storage/fixtures.js';
import { board, seed } from './helpers.js';

type Board = OffSideEventBoard;

const titles = (el: Board) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="item-title"]')];
const titleOf = (el: Board, text: string) => titles(el).find((title) => title.textContent === text)!;
/** What has focus, as text: an element in a failed assertion drags the whole board into the report. */
const focused = (el: Board) => {
  const active = el.shadowRoot!.activeElement;
  return active && `${active.getAttribute('part')}: ${active.textContent!.trim()}`;
};
const range = (el: Board) => el.shadowRoot!.querySelector('[part="range"]')?.textContent;

/** Presses `key` for real (Chromium's own keyboard events) and waits for the board to render what it changed. */
async function press(el: Board, key: string): Promise<void> {
  await sendKeys({ press: key });
  await el.updateComplete;
}

/** `count` side events on one day, a minute apart, titled "Item 000", "Item 001"… */
async function numbered(count: number): Promise<Board> {
  const event = uniqueName('keys');
  const minute = (index: number) => String(index % 60).padStart(2, '0');
  await seed(
    event,
    Array.from({ length: count }, (_, index) => ({
      title: `Item ${String(index).padStart(3, '0')}`,
      start: `2037-06-12T${String(8 + Math.floor(index / 60)).padStart(2, '0')}:${minute(index)}:00+02:00`,
    })),
  );
  return board(event);
}

describe('off-side-event-board keyboard navigation', () => {
  it('moves between side events with ArrowDown and ArrowUp, across days, from a title or a control', async () => {
    const event = uniqueName('keys-days');
    await seed(event, [
      { title: 'Breakfast', start: '2037-06-12T08:30:00+02:00' },
      { title: 'Workshop', start: '2037-06-12T14:00:00+02:00' },
      { title: 'Walk', start: '2037-06-13T10:00:00+02:00' },
    ]);
    const el = await board(event);
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLElement>('[part="item"] [part="calendar-button"]')!.focus();

    await press(el, 'ArrowDown');
    expect(focused(el)).to.equal('item-title: Workshop');
    await press(el, 'ArrowDown');
    expect(focused(el)).to.equal('item-title: Walk');
    await press(el, 'ArrowUp');
    await press(el, 'ArrowUp');
    expect(focused(el)).to.equal('item-title: Breakfast');
    await expect(el).to.be.accessible();
  });

  it('goes to the first and last side event with Home and End', async () => {
    const el = await numbered(5);
    titleOf(el, 'Item 002').focus();
    await press(el, 'End');
    expect(focused(el)).to.equal('item-title: Item 004');
    await press(el, 'Home');
    expect(focused(el)).to.equal('item-title: Item 000');
  });

  it('shows the next or previous page when moving past the rendered window', async () => {
    const el = await numbered(100);
    expect(range(el)).to.equal('Showing 1–30 of 100');
    titleOf(el, 'Item 029').focus();
    const steps = [
      ['ArrowDown', 'Showing 1–60 of 100', 'Item 030'],
      ['End', 'Showing 41–100 of 100', 'Item 099'],
      ['Home', 'Showing 1–60 of 100', 'Item 000'],
      ['End', 'Showing 41–100 of 100', 'Item 099'],
    ];
    for (const [key, shown, title] of steps) {
      await press(el, key!);
      expect([range(el), focused(el)], key).to.deep.equal([shown, `item-title: ${title}`]);
    }
    titleOf(el, 'Item 040').focus();
    await press(el, 'ArrowUp');
    expect([range(el), focused(el)]).to.deep.equal(['Showing 11–70 of 100', 'item-title: Item 039']);
    await expect(el).to.be.accessible();
  });

  it('leaves the keys to the page past either end of the list', async () => {
    const el = await numbered(2);
    const prevented: boolean[] = [];
    const record = (event: KeyboardEvent) => prevented.push(event.defaultPrevented);
    document.addEventListener('keydown', record);
    try {
      titleOf(el, 'Item 000').focus();
      await press(el, 'ArrowUp');
      expect(focused(el)).to.equal('item-title: Item 000');
      await press(el, 'ArrowDown');
      await press(el, 'ArrowDown');
      expect(focused(el)).to.equal('item-title: Item 001');
      expect(prevented).to.deep.equal([false, true, false]);
    } finally {
      document.removeEventListener('keydown', record);
    }
  });

  it('leaves arrows, Home and End to the filter input', async () => {
    const el = await numbered(3);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('[part="filter-input"]')!;
    input.focus();
    await sendKeys({ type: 'item' });
    await press(el, 'Home');
    expect(input.selectionStart).to.equal(0);
    await press(el, 'ArrowRight');
    await press(el, 'ArrowDown');
    await press(el, 'ArrowUp');
    expect(focused(el)).to.equal('filter-input: ');
    await press(el, 'End');
    await press(el, 'ArrowLeft');
    expect(input.selectionStart).to.equal(3);
    expect(focused(el)).to.equal('filter-input: ');
  });

  it('does nothing when a modifier key is held', async () => {
    const el = await numbered(3);
    const first = titleOf(el, 'Item 000');
    for (const modifier of ['Shift', 'Control', 'Alt']) {
      first.focus();
      await sendKeys({ down: modifier });
      try {
        await press(el, 'ArrowDown');
        await press(el, 'End');
      } finally {
        await sendKeys({ up: modifier });
      }
      expect(focused(el), modifier).to.equal('item-title: Item 000');
    }
  });

  it('tells people about the keys, in English and in French', async () => {
    const event = uniqueName('keys-hint');
    await seed(event, [{ title: 'Breakfast' }]);
    const hint = (el: Board) => el.shadowRoot!.querySelector('.visually-hidden:not([aria-live])')!.textContent;
    expect(hint(await board(event))).to.equal(
      'Arrow keys move between side events, Home and End to the first and last.',
    );
    const french = await board(event, 'fr');
    expect(hint(french)).to.equal(
      'Les flèches passent d’un évènement OFF à l’autre, Début et Fin au premier et au dernier.',
    );
    await expect(french).to.be.accessible();
  });
});
