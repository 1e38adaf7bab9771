import { expect } from '@open-wc/testing';
import { clampWindow, firstWindow, MAX_RENDERED, nextWindow, PAGE_SIZE, previousWindow, windowWith } from '../../../src/elements/shared/item-window.js';

describe('item window', () => {
  it('grows by a page, then slides so no more than MAX_RENDERED items are rendered', () => {
    let shown = firstWindow();
    expect(shown).to.deep.equal({ start: 0, end: PAGE_SIZE });
    for (let page = 0; page < 10; page += 1) {
      shown = nextWindow(shown, 1000);
      expect(shown.end - shown.start).to.be.at.most(MAX_RENDERED);
    }
    expect(shown.end).to.equal(PAGE_SIZE * 11);
    expect(nextWindow({ start: 0, end: 30 }, 40)).to.deep.equal({ start: 0, end: 40 });
  });

  it('slides back a page at a time', () => {
    const back = previousWindow({ start: 90, end: 150 });
    expect(back).to.deep.equal({ start: 60, end: 120 });
    expect(previousWindow({ start: 10, end: 70 })).to.deep.equal({ start: 0, end: 60 });
  });

  it('moves to the last page when the list shrinks under the window', () => {
    const shown = { start: 120, end: 180 };
    expect(clampWindow(shown, 500)).to.equal(shown);
    expect(clampWindow(shown, 0)).to.equal(shown);
    expect(clampWindow(shown, 75)).to.deep.equal({ start: 60, end: 90 });
  });

  it('renders an item by keeping the window or paging towards it', () => {
    const shown = { start: 30, end: 90 };
    expect(windowWith(shown, 89, 500)).to.equal(shown);
    expect(windowWith(shown, 90, 500)).to.deep.equal({ start: 60, end: 120 });
    expect(windowWith(shown, 29, 500)).to.deep.equal({ start: 0, end: 60 });
    expect(windowWith(shown, 499, 500)).to.deep.equal({ start: 440, end: 500 });
    expect(windowWith({ start: 440, end: 500 }, 0, 500)).to.deep.equal({ start: 0, end: 60 });
  });
});
