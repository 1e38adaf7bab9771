import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { foldWhenIdle, searchTexts } from '../../../src/elements/off-side-event-board/board-index.js';
import type { OffSideEventBoard } from '../../../src/elements/off-side-event-board/off-side-event-board.js';
import type { SideEvent } from '../../../src/model/records.js';
import { uniqueName } from '../../storage/fixtures.js';
import { registerStandIn } from '../stand-in-stores.js';
import { loaded } from './helpers.js';

const COUNT = 2000;

/** Side events whose organiser counts its reads: only folding a search text reads it beyond the shown items. */
function countedSideEvents(event: string) {
  const reads = new Array<number>(COUNT).fill(0);
  const records = Array.from({ length: COUNT }, (_, index) => {
    const record = {
      id: `counted-${index}`,
      event,
      title: `Side event ${index}`,
      // In the stores' order (by start), as every store lists them: the first ones are those shown.
      start: `2037-06-${String(10 + Math.floor(index / 200))}T09:00:00+02:00`,
      tags: index === COUNT - 1 ? ['needle'] : ['talk'],
      createdAt: '2037-01-01T00:00:00Z',
      updatedAt: '2037-01-01T00:00:00Z',
    } as SideEvent;
    Object.defineProperty(record, 'organizer', { enumerable: true, get: () => ((reads[index]! += 1), `Organiser ${index}`) });
    return record;
  });
  const readCount = (from = 0, to = COUNT) => reads.slice(from, to).reduce((sum, count) => sum + count, 0);
  return { records, readCount };
}

describe('board search texts folded in idle time', () => {
  it('folds every search text once, after the current task, so a later query reads no record again', async () => {
    const { records, readCount } = countedSideEvents('idle-unit');
    foldWhenIdle(records);
    expect(readCount()).to.equal(0);
    await waitUntil(() => readCount() === COUNT, 'the search texts were never folded', { timeout: 10000 });

    const texts = searchTexts(records);
    expect(readCount()).to.equal(COUNT);
    expect(texts[7]).to.equal('side event 7\n\norganiser 7\ntalk');
  });

  it('folds the texts of the whole list after the board renders, not only those it shows', async () => {
    const event = uniqueName('idle-board');
    const { records, readCount } = countedSideEvents(event);
    const store = registerStandIn(uniqueName('counted'), () => ({ list: async () => records as never }));
    const el = await fixture<OffSideEventBoard>(html`<off-side-event-board store=${store} event=${event} lang="en"></off-side-event-board>`);
    await loaded(el);
    const shown = el.shadowRoot!.querySelectorAll('[part="item"]').length;
    expect(shown).to.be.lessThan(100);
    await waitUntil(() => readCount(100) === COUNT - 100, 'the board never folded the records it does not show', { timeout: 10000 });
    const readsBeforeQuery = readCount();

    const input = el.shadowRoot!.querySelector<HTMLInputElement>('[part="filter-input"]')!;
    input.value = 'needle';
    input.dispatchEvent(new Event('input'));
    await waitUntil(() => el.shadowRoot!.querySelector('[part="status"]')!.textContent === '1 side event', 'the query found nothing');
    // Only the one match, now shown, is read again (to render it).
    expect(readCount(100, COUNT - 1)).to.equal(COUNT - 101);
    expect(readCount()).to.be.greaterThan(readsBeforeQuery);
  });
});
