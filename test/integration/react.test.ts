import { expect, waitUntil } from '@open-wc/testing';
import { createElement, createRef } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { OffContributeForm } from '../../src/elements/off-contribute-form/off-contribute-form.js';
import type { OffSeedCard } from '../../src/elements/off-seed-card/off-seed-card.js';
import { OffSideEventBoard } from '../../src/elements/off-side-event-board/off-side-event-board.js';
import { storeFor } from '../../src/elements/shared/store-registry.js';
import type { OffRecord } from '../../src/model/records.js';
import { seedInput } from '../storage/fixtures.js';
import { fillSideEvent, submit } from '../elements/off-contribute-form/helpers.js';
import { loaded } from '../elements/off-side-event-board/helpers.js';
import { OffPage, SeedCard } from './react-page.js';

describe('React 19 (README snippet)', () => {
  let container: HTMLElement;
  let root: Root;

  beforeEach(() => {
    container = document.body.appendChild(document.createElement('div'));
    root = createRoot(container);
  });

  afterEach(() => {
    root.unmount();
    container.remove();
  });

  async function rendered<E extends Element>(selector: string): Promise<E> {
    await waitUntil(() => container.querySelector(selector), `React never rendered ${selector}`);
    return container.querySelector<E>(selector)!;
  }

  it('renders the board, given its event by React, and calls onoff-contributed with the stored record', async () => {
    const records: OffRecord[] = [];
    root.render(createElement(OffPage, { onRecord: (record) => records.push(record) }));
    const board = await rendered<OffSideEventBoard>('off-side-event-board');
    const form = await rendered<OffContributeForm>('off-contribute-form');
    // Booleans: a failed assertion about a React-rendered node would serialize React's fibers with it.
    expect(board instanceof OffSideEventBoard, 'the board is upgraded').to.equal(true);
    expect(board.event).to.equal('g21');
    await loaded(board);
    expect(form.kind).to.equal('side-event');

    fillSideEvent(form, { title: 'Breakfast in React' });
    await submit(form);
    await waitUntil(() => records.length === 1, 'onoff-contributed was not called');

    const [stored] = await storeFor('memory').list('side-event', { event: 'g21' });
    expect(records[0]).to.deep.equal(stored);
    // Given as attributes (the form has no `time-zone` property), read as Paris time.
    expect(records[0]).to.include({ title: 'Breakfast in React', event: 'g21', start: '2026-06-12T08:30:00+02:00' });
    const titles = () => [...board.shadowRoot!.querySelectorAll('[part~="item-title"]')].map((node) => node.textContent!.trim());
    await waitUntil(() => titles().includes('Breakfast in React'), 'the board did not show the contribution');
  });

  it('sets the seed property to the record and gives the ref the element', async () => {
    const seed = await storeFor('memory').put('seed', seedInput({ title: 'Seed given by React' }));
    const cardRef = createRef<OffSeedCard>();
    root.render(createElement(SeedCard, { seed, cardRef }));
    const card = await rendered<OffSeedCard>('off-seed-card');
    expect(cardRef.current === card, 'the ref holds the card').to.equal(true);
    expect(card.seed).to.equal(seed);
    expect(card.className).to.equal('featured');
    await card.updateComplete;
    expect(card.shadowRoot!.querySelector('[part~="title"]')!.textContent!.trim()).to.equal('Seed given by React');
  });

  it('loads the seed whose id it gets as seed="…", which React sets as the property', async () => {
    const seed = await storeFor('memory').put('seed', seedInput({ title: 'Seed loaded by id' }));
    root.render(createElement(SeedCard, { seed: seed.id }));
    const card = await rendered<OffSeedCard>('off-seed-card');
    const title = () => card.shadowRoot!.querySelector('[part~="title"]')?.textContent!.trim();
    await waitUntil(() => title() === 'Seed loaded by id', 'the seed given by its id never showed');
    expect(card.seedId).to.equal(seed.id);
  });
});
