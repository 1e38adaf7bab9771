import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/off-seed-card/define.js';
import { lineageRows, lineageTree } from '../../../src/elements/off-seed-card/lineage-picture.js';
import type { OffSeedCard } from '../../../src/elements/off-seed-card/off-seed-card.js';
import { registerStore, storeFor } from '../../../src/elements/shared/store-registry.js';
import type { Seed } from '../../../src/model/records.js';
import { createMemoryStore } from '../../../src/storage/memory.js';
import { hostEventInput, seedInput, uniqueName } from '../../storage/fixtures.js';

/** A memory store of its own, so that one test's seeds are not another's lineage. */
function freshStore() {
  const spec = uniqueName('lineage');
  registerStore(spec, createMemoryStore({ name: spec }));
  return { spec, store: storeFor(spec) };
}

const part = (el: OffSeedCard, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const pictureTitles = (el: OffSeedCard) => [...part(el, 'lineage-picture')!.querySelectorAll('.node-title')].map((text) => text.textContent);
/** Each list item's own text (its link or name, then its detail), in document order, as a screen reader reads them. */
const listEntries = (el: OffSeedCard) =>
  [...part(el, 'lineage-list')!.querySelectorAll('li')].map((item) => item.firstElementChild!.textContent!.trim());

async function cardFor(spec: string, seed: Seed, replantEvent = ''): Promise<OffSeedCard> {
  const el = await fixture<OffSeedCard>(html`<off-seed-card store=${spec} lang="en" seed=${seed.id} replant-event=${replantEvent}></off-seed-card>`);
  await waitUntil(() => part(el, 'title'), 'the card never showed its seed');
  return el;
}

describe('off-seed-card: event names and lineage across events', () => {
  it('names the event it was planted at and the one it replants into, the id when nobody described it', async () => {
    const { spec, store } = freshStore();
    const g21 = await store.put('event', hostEventInput({ name: 'G21 Summit 2026' }));
    const seed = await store.put('seed', seedInput({ event: g21.id }));
    const undescribed = uniqueName('next');
    const el = await cardFor(spec, seed, undescribed);
    await waitUntil(() => part(el, 'meta')!.textContent!.includes('G21 Summit 2026'), 'the event’s name never showed');
    expect(part(el, 'meta')!.textContent).to.not.include(g21.id);
    expect(part(el, 'actions')!.textContent).to.include(`Replant into ${undescribed}`);
    await store.put('event', { ...g21, name: 'G21 Summit, Marseille' });
    await waitUntil(() => part(el, 'meta')!.textContent!.includes('G21 Summit, Marseille'), 'the renamed event never showed');
    await expect(el).to.be.accessible();
  });

  it('draws a chain of three seeds across events, and lists the same chain', async () => {
    const { spec, store } = freshStore();
    const [g19, g20, g21] = await store.putMany('event', [
      hostEventInput({ name: 'G19 Lisbon' }),
      hostEventInput({ name: 'G20 Turin' }),
      hostEventInput({ name: 'G21 Marseille' }),
    ]);
    const first = await store.put('seed', seedInput({ event: g19!.id, title: 'Talking stone' }));
    const second = await store.put('seed', seedInput({ event: g20!.id, title: 'Talking stone at tables of ten', replantedFrom: first.id }));
    const third = await store.put('seed', seedInput({ event: g21!.id, title: 'Talking stone at tables of eighty', replantedFrom: second.id }));
    const el = await cardFor(spec, second);
    await waitUntil(() => part(el, 'lineage-picture') && el.shadowRoot!.textContent!.includes('G21 Marseille'), 'the lineage never showed');
    expect(pictureTitles(el)).to.deep.equal([first.title, second.title, third.title]);
    expect(part(el, 'lineage-picture')!.getAttribute('aria-hidden')).to.equal('true');
    expect(part(el, 'lineage-picture')!.querySelectorAll('.edge')).to.have.length(2);
    expect(part(el, 'lineage-picture')!.querySelector('.node.current')).to.not.equal(null);
    // The list: the same seeds, each nested in the one it was replanted from, with event names and dates.
    const entries = listEntries(el);
    expect(entries.map((entry) => entry.split(',')[0])).to.deep.equal([first.title, second.title, third.title]);
    const [oldest, middle, newest] = [...part(el, 'lineage-list')!.querySelectorAll('li')];
    expect(oldest!.contains(middle!) && middle!.contains(newest!)).to.equal(true);
    expect(oldest!.textContent).to.include('G19 Lisbon');
    expect(middle!.firstElementChild!.tagName, 'the seed on show is named, not linked').to.equal('SPAN');
    expect(middle!.textContent).to.include('this seed');
    expect(oldest!.querySelector('a')!.getAttribute('href')).to.include(`#seed-${first.id}`);
    const details = [...part(el, 'lineage-picture')!.querySelectorAll('.node-detail')].map((text) => text.textContent);
    expect(details[2]).to.include('G21 Marseille');
    await expect(el).to.be.accessible();
  });

  it('draws the tree of replantings below a seed, and the list nests them alike', async () => {
    const { spec, store } = freshStore();
    const root = await store.put('seed', seedInput({ event: uniqueName('a'), title: 'Root' }));
    const [left] = await store.putMany('seed', [
      seedInput({ event: uniqueName('b'), title: 'Left', replantedFrom: root.id }),
      seedInput({ event: uniqueName('c'), title: 'Right', replantedFrom: root.id }),
    ]);
    await store.put('seed', seedInput({ event: uniqueName('d'), title: 'Leaf', replantedFrom: left!.id }));
    const el = await cardFor(spec, root);
    await waitUntil(() => pictureTitles(el).length === 4, 'the tree never showed whole');
    const rows = pictureTitles(el);
    expect(rows[0]).to.equal('Root');
    expect(rows.indexOf('Leaf')).to.equal(rows.indexOf('Left') + 1);
    expect(listEntries(el).map((entry) => entry.split(',')[0])).to.deep.equal(rows);
    const rootItem = part(el, 'lineage-list')!.querySelector('li')!;
    const children = rootItem.querySelector(':scope > ul')!.children;
    expect([...children].map((child) => child.firstElementChild!.textContent)).to.have.members(['Left', 'Right']);
    expect([...children].find((child) => child.textContent!.includes('Left'))!.textContent).to.include('Leaf');
    await expect(el).to.be.accessible();
  });

  it('shows a parent that is missing or hidden as a gap in the lineage, not an error', async () => {
    const { spec, store } = freshStore();
    const parent = await store.put('seed', seedInput({ title: 'Known parent', replantedFrom: 'a-removed-seed' }));
    const child = await store.put('seed', seedInput({ title: 'Child', replantedFrom: parent.id }));
    const el = await cardFor(spec, child);
    await waitUntil(() => pictureTitles(el).length === 3, 'the lineage never showed');
    expect(pictureTitles(el)).to.deep.equal(['A seed missing or hidden', 'Known parent', 'Child']);
    expect(part(el, 'lineage-picture')!.querySelector('.node.gap')).to.not.equal(null);
    expect(listEntries(el)[0]).to.equal('A seed missing or hidden');
    expect(el.shadowRoot!.querySelector('.error')).to.equal(null);
    await expect(el).to.be.accessible();
    // The parent is removed (or hidden by a moderator): the gap moves up to it.
    await store.remove('seed', parent.id);
    await waitUntil(() => pictureTitles(el).length === 2, 'the removed parent stayed');
    expect(pictureTitles(el)).to.deep.equal(['A seed missing or hidden', 'Child']);
    expect(part(el, 'lineage')!.textContent).to.include(parent.id);
  });

  it('keeps markup inert in titles and event names, and links only to seeds', async () => {
    const { spec, store } = freshStore();
    const event = await store.put('event', hostEventInput({ name: '<img src=x onerror=alert(1)> Summit' }));
    const parent = await store.put('seed', seedInput({ event: event.id, title: '<script>alert(1)</script> Parent' }));
    const child = await store.put('seed', seedInput({ event: event.id, title: 'Child', replantedFrom: parent.id }));
    const el = await cardFor(spec, child);
    await waitUntil(() => pictureTitles(el).length === 2 && part(el, 'meta')!.textContent!.includes('Summit'), 'the lineage never showed');
    expect(el.shadowRoot!.querySelectorAll('img, script')).to.have.length(0);
    expect(pictureTitles(el)[0]).to.equal('<script>alert(1)</script> Parent');
    expect(part(el, 'meta')!.textContent).to.include('<img src=x onerror=alert(1)> Summit');
    for (const link of el.shadowRoot!.querySelectorAll('a')) expect(link.getAttribute('href')).to.not.match(/^javascript:/i);
    expect(el.shadowRoot!.querySelector('[style]')).to.equal(null);
  });

  it('lays a lineage out as rows: the oldest first, each after the seed it was replanted from', () => {
    const seed = (id: string) => ({ id }) as Seed;
    const tree = lineageTree(seed('me'), {
      ancestors: [{ id: 'parent', seed: seed('parent') }, { id: 'gone' }],
      descendants: [{ seed: seed('kid'), replantings: [{ seed: seed('grandkid'), replantings: [] }] }, { seed: seed('kid2'), replantings: [] }],
    });
    const rows = lineageRows(tree);
    expect(rows.map(({ node }) => `${node.id}:${node.place}:${node.indent}`)).to.deep.equal([
      'gone:gap:0',
      'parent:ancestor:0',
      'me:current:0',
      'kid:descendant:1',
      'grandkid:descendant:2',
      'kid2:descendant:1',
    ]);
    expect(rows.map(({ parentRow }) => parentRow)).to.deep.equal([undefined, 0, 1, 2, 3, 2]);
  });
});
