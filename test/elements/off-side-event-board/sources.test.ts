import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/off-event-badge/define.js';
import '../../../src/elements/off-side-event-board/define.js';
import type { OffEventBadge } from '../../../src/elements/off-event-badge/off-event-badge.js';
import type { OffSideEventBoard } from '../../../src/elements/off-side-event-board/off-side-event-board.js';
import { viewFor } from '../../../src/elements/shared/store-registry.js';
import { canonicalUrl } from '../../../src/model/canonical-url.js';
import { sideEventInput, uniqueName } from '../../storage/fixtures.js';
import { holdAnswerAfter, insertRaw, openStore, proxyTo, releaseAnswer, startServer, stopServer, UNLIMITED_WRITES } from '../../storage/http-servers.js';
import { typeFilter } from './helpers.js';

const texts = (el: HTMLElement, name: string) => [...el.shadowRoot!.querySelectorAll(`[part~="${name}"]`)].map((node) => node.textContent!.trim());
const ADMIN_TOKEN = 'host-token-for-tests';
const hostOf = (url: string) => new URL(url).host;
const baseOf = (url: string) => url.replace(/\/api$/, '');

/* Two real servers, each its own origin (the test page is a third): the board's own store on A, B read alongside. */
describe('off-side-event-board and off-event-badge with sources', function () {
  this.timeout(40000);

  it('shows both servers’ side events once each, says where each comes from, filters across both, follows B live, and keeps A’s when B stops', async () => {
    const [a, b] = await Promise.all([startServer('sqlite'), startServer('sqlite', { ...UNLIMITED_WRITES, OFF_ADMIN_TOKEN: ADMIN_TOKEN })]);
    const event = uniqueName('summit');
    const [storeA, storeB] = await Promise.all([openStore(a.url), openStore(b.url)]);
    const breakfast = await storeA.put('side-event', sideEventInput({ event, title: 'Breakfast on A', start: '2037-06-12T08:30:00+02:00', end: undefined }));
    await storeB.put('side-event', sideEventInput({ event, title: 'Walk on B', start: '2037-06-12T10:00:00+02:00', end: undefined, tags: ['walk'] }));
    // The same side event, imported from A by B's host with its identity: shown once, A's copy.
    const copy = sideEventInput({ event, title: 'Breakfast on A (copy on B)', start: '2037-06-12T08:30:00+02:00', end: undefined, canonicalUrl: canonicalUrl(baseOf(a.url), 'side-event', breakfast.id) });
    const imported = await fetch(`${b.url}/side-events`, { method: 'POST', headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' }, body: JSON.stringify(copy) });
    expect(imported.status).to.equal(201);
    await insertRaw(b, 'side-event', { id: 'garbage', event, title: 42, start: 'not a time', tags: 'none' });

    const el = await fixture<OffSideEventBoard>(html`<off-side-event-board store=${a.url} sources=${b.url} event=${event} lang="en"></off-side-event-board>`);
    await waitUntil(() => texts(el, 'item-title').includes('Walk on B'), 'B never showed', { timeout: 15000 });
    expect(texts(el, 'item-title')).to.deep.equal(['Breakfast on A', 'Walk on B']);
    expect(texts(el, 'item-source')).to.deep.equal([`From ${hostOf(b.url)}`]);
    const link = el.shadowRoot!.querySelector<HTMLAnchorElement>('[part="item-source"] a')!;
    expect(link.href).to.match(new RegExp(`^${baseOf(b.url)}/api/side-events/`));
    await expect(el).to.be.accessible();

    await typeFilter(el, 'walk');
    expect(texts(el, 'item-title')).to.deep.equal(['Walk on B']);
    await typeFilter(el, '');

    await storeB.put('side-event', sideEventInput({ event, title: 'Concert on B', start: '2037-06-12T20:00:00+02:00', end: undefined }));
    await waitUntil(() => texts(el, 'item-title').includes('Concert on B'), 'B’s new side event never reached the board', { timeout: 15000 });

    await stopServer(b);
    await waitUntil(() => texts(el, 'warning').some((text) => text.includes(hostOf(b.url))), 'no notice that B is missing', { timeout: 15000 });
    expect(texts(el, 'warning')).to.deep.equal([`No answer from ${hostOf(b.url)} for now: its side events are missing here.`]);
    expect(texts(el, 'item-title')).to.include('Breakfast on A');
    await expect(el).to.be.accessible();
  });

  it('shows the host’s side events while a source is down from the start, in French', async () => {
    const [a, b] = await Promise.all([startServer('sqlite'), startServer('sqlite')]);
    const event = uniqueName('summit');
    await (await openStore(a.url)).put('side-event', sideEventInput({ event, title: 'Petit-déjeuner', start: '2037-06-12T08:30:00+02:00', end: undefined }));
    await stopServer(b);
    const el = await fixture<OffSideEventBoard>(html`<off-side-event-board store=${a.url} sources=${b.url} event=${event} lang="fr"></off-side-event-board>`);
    await waitUntil(() => texts(el, 'item-title').length === 1 && texts(el, 'warning').length === 1, 'A’s side event or the notice never showed', { timeout: 15000 });
    expect(texts(el, 'warning')).to.deep.equal([`Pas de réponse de ${hostOf(b.url)} pour l’instant : ses événements #OFF manquent ici.`]);
    await expect(el).to.be.accessible();
  });

  it('shows the host’s side events at once while a source is slow, names it after 3 s, and adds its side events when they come', async () => {
    const [a, b] = await Promise.all([startServer('sqlite'), startServer('sqlite')]);
    const event = uniqueName('summit');
    await (await openStore(a.url)).put('side-event', sideEventInput({ event, title: 'Breakfast on A', start: '2037-06-12T08:30:00+02:00', end: undefined }));
    await (await openStore(b.url)).put('side-event', sideEventInput({ event, title: 'Walk on B', start: '2037-06-12T10:00:00+02:00', end: undefined }));
    const slowB = await proxyTo(b);
    await holdAnswerAfter(b, 'GET', '/side-events');
    const el = await fixture<OffSideEventBoard>(html`<off-side-event-board store=${a.url} sources=${slowB} event=${event} lang="en"></off-side-event-board>`);
    await waitUntil(() => texts(el, 'item-title').length === 1, 'A’s side event waited for B', { timeout: 10000 });
    expect(texts(el, 'item-title')).to.deep.equal(['Breakfast on A']);
    await waitUntil(() => texts(el, 'warning').length === 1, 'the slow source was never named', { timeout: 10000 });
    expect(texts(el, 'warning')).to.deep.equal([`No answer from ${hostOf(slowB)} for now: its side events are missing here.`]);
    await expect(el).to.be.accessible();
    await releaseAnswer(b);
    await waitUntil(() => texts(el, 'item-title').length === 2 && texts(el, 'warning').length === 0, 'B’s side event never came, or the notice stayed', { timeout: 10000 });
    expect(texts(el, 'item-title')).to.deep.equal(['Breakfast on A', 'Walk on B']);
  });

  it('badge: counts the side events of both servers', async () => {
    const [a, b] = await Promise.all([startServer('sqlite'), startServer('sqlite')]);
    const event = uniqueName('summit');
    await (await openStore(a.url)).put('side-event', sideEventInput({ event }));
    await (await openStore(b.url)).putMany('side-event', [sideEventInput({ event }), sideEventInput({ event, title: 'Walk' })]);
    const el = await fixture<OffEventBadge>(html`<off-event-badge store=${a.url} sources=${b.url} event=${event} lang="en"></off-event-badge>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part="count"]')!.textContent === '3 side events', 'the badge never counted both servers', { timeout: 15000 });
    await expect(el).to.be.accessible();
  });

  it('writes go to the host’s own store only', async () => {
    const [a, b] = await Promise.all([startServer('sqlite'), startServer('sqlite')]);
    const event = uniqueName('summit');
    await viewFor(a.url, b.url).put('side-event', sideEventInput({ event, title: 'Added here' }));
    const [storeA, storeB] = await Promise.all([openStore(a.url), openStore(b.url)]);
    const titlesOnA = async () => (await storeA.list('side-event', { event })).map(({ title }) => title);
    // On a loaded machine A may not take the write at once: the outbox then sends it, under the id A gives it.
    await waitUntil(async () => (await titlesOnA()).length > 0, 'the write never reached A', { timeout: 10000 });
    expect(await titlesOnA()).to.deep.equal(['Added here']);
    expect(await storeB.list('side-event', { event })).to.deep.equal([]);
  });
});
