import { expect } from '@open-wc/testing';
import { ListViewController } from '../../../src/elements/shared/list-view-controller.js';
import { CountingHost } from '../off-side-event-board/controller-hosts.js';

function listView(count: number) {
  const host = new CountingHost();
  const focused: number[] = [];
  const controller = new ListViewController(host, { count: () => count, focusItem: (index) => focused.push(index) });
  return { host, controller, focused };
}

describe('ListViewController', () => {
  it('pages forward and back, keeping at most 60 rendered, and focuses the first side event each button brings', () => {
    const { host, controller, focused } = listView(100);
    const windows = [controller.shown];
    for (const move of [controller.showMore, controller.showMore, controller.showMore, controller.showEarlier, controller.showEarlier]) {
      move();
      windows.push(controller.shown);
    }
    expect(windows.map(({ start, end }) => `${start}-${end}`)).to.deep.equal(['0-30', '0-60', '30-90', '40-100', '10-70', '0-60']);
    expect(focused).to.deep.equal([30, 60, 90, 10, 0]);
    expect(host.updates).to.equal(5);
  });

  it('reveals a side event by paging to it, and goes back to the first page on reset', () => {
    const { controller, focused } = listView(100);
    controller.reveal(95);
    expect(controller.shown).to.deep.equal({ start: 40, end: 100 });
    controller.reveal(5);
    expect(controller.shown).to.deep.equal({ start: 0, end: 60 });
    controller.showMore();
    controller.reset();
    expect(controller.shown).to.deep.equal({ start: 0, end: 30 });
    expect(focused).to.deep.equal([60]);
  });

  it('keeps a page that exists when the list shrinks under it, before the host renders', () => {
    let count = 100;
    const host = new CountingHost();
    const controller = new ListViewController(host, { count: () => count, focusItem: () => {} });
    controller.reveal(95);
    count = 35;
    controller.hostUpdate();
    expect(controller.shown).to.deep.equal({ start: 30, end: 60 });
  });

  it('opens and closes a description', () => {
    const { host, controller } = listView(3);
    controller.toggle('a');
    controller.toggle('b');
    controller.toggle('a');
    expect([...controller.expanded]).to.deep.equal(['b']);
    expect(host.updates).to.equal(3);
  });
});
