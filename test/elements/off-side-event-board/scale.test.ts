import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { OffSideEventBoard } from '../../../src/elements/off-side-event-board/off-side-event-board.js';
import { storeFor } from '../../../src/elements/shared/store-registry.js';
import { sideEventInput, uniqueName } from '../../storage/fixtures.js';
import { loaded } from './helpers.js';

const COUNT = 10_000;
const MAX_ELEMENTS = 1000;

/** 10,000 side events over ten days; every third is a walk. */
function programme(event: string) {
  return Array.from({ length: COUNT }, (_, index) => {
    const day = 10 + (index % 10);
    const minutes = index % 1440;
    const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    return sideEventInput({
      event,
      title: `Side event ${index}`,
      start: `2037-06-${day}T${time}:00+02:00`,
      end: undefined,
      tags: index % 3 === 0 ? ['walk', 'sea'] : ['talk'],
      description: 'A gathering around the summit, open to all.',
    });
  });
}

describe('off-side-event-board at 10,000 side events', () => {
  it('keeps at most 1,000 elements in its shadow DOM while paging and filtering', async () => {
    const event = uniqueName('scale');
    await storeFor('memory').putMany('side-event', programme(event));
    const el = await fixture<OffSideEventBoard>(html`<off-side-event-board store="memory" event=${event} lang="en"></off-side-event-board>`);
    await loaded(el, 15000);
    const elements = () => el.shadowRoot!.querySelectorAll('*').length;
    const status = () => el.shadowRoot!.querySelector('[part="status"]')!.textContent;

    expect(status()).to.equal('10,000 side events');
    expect(elements()).to.be.at.most(MAX_ELEMENTS);
    expect(el.shadowRoot!.querySelectorAll('[part="item"]').length).to.be.greaterThan(0);

    const firstTitle = () => el.shadowRoot!.querySelector('[part="item-title"]')!.textContent;
    const initialFirst = firstTitle();
    for (let page = 0; page < 5; page += 1) {
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part="more-button"]')!.click();
      await el.updateComplete;
      expect(elements()).to.be.at.most(MAX_ELEMENTS);
    }
    expect(firstTitle()).to.not.equal(initialFirst);
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('item-title');
    expect(el.shadowRoot!.querySelector('[part="range"]')!.textContent).to.equal('Showing 121–180 of 10,000');
    expect(el.shadowRoot!.querySelector('[part="earlier-button"]')).to.not.equal(null);

    const input = el.shadowRoot!.querySelector<HTMLInputElement>('[part="filter-input"]')!;
    const filtered = oneEvent(el, 'off-filter-change');
    input.value = 'walk';
    input.dispatchEvent(new Event('input'));
    await filtered;
    await el.updateComplete;
    expect(status()).to.equal('3,334 side events');
    expect(elements()).to.be.at.most(MAX_ELEMENTS);
    expect(el.shadowRoot!.querySelector('[part="range"]')!.textContent).to.equal('Showing 1–30 of 3,334');
  });
});
