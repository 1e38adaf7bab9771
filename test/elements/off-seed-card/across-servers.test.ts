import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/off-seed-card/define.js';
import type { OffSeedCard } from '../../../src/elements/off-seed-card/off-seed-card.js';
import { canonicalUrl } from '../../../src/model/canonical-url.js';
import { seedInput, uniqueName } from '../../storage/fixtures.js';
import { openStore, startServer, stopServer } from '../../storage/http-servers.js';

const titleOf = (el: OffSeedCard) => el.shadowRoot!.querySelector('[part="title"]')?.textContent?.trim();
const lineageTitles = (el: OffSeedCard) => [...el.shadowRoot!.querySelectorAll('[part="lineage-picture"] .node-title')].map((text) => text.textContent);

/* Two real servers, each its own origin (the test page is a third): a seed of A shown, replanted into B, its lineage read across. */
describe('off-seed-card across servers', function () {
  this.timeout(40000);

  it('shows a seed of another server by its URL, replants it here with licence, author and its URL kept, and draws the lineage across, with a gap once that server is down', async () => {
    const [a, b] = await Promise.all([startServer('sqlite'), startServer('sqlite')]);
    const [storeA, storeB] = await Promise.all([openStore(a.url), openStore(b.url)]);
    const original = await storeA.put('seed', seedInput({ event: uniqueName('g20'), title: 'Planted on A', author: 'Ada', license: 'CC0-1.0' }));
    const originalUrl = canonicalUrl(a.url.replace(/\/api$/, ''), 'seed', original.id);
    const here = uniqueName('g21');

    const card = await fixture<OffSeedCard>(html`<off-seed-card store=${b.url} seed=${originalUrl} replant-event=${here} lang="en"></off-seed-card>`);
    await waitUntil(() => titleOf(card) === 'Planted on A', 'the seed of A never showed', { timeout: 15000 });
    await expect(card).to.be.accessible();

    const replanted = (await card.replant())!;
    expect(replanted).to.include({ event: here, replantedFrom: originalUrl, author: 'Ada', license: 'CC0-1.0', title: 'Planted on A' });
    expect(replanted.canonicalUrl).to.equal(undefined);
    expect((await storeB.get('seed', replanted.id)).replantedFrom).to.equal(originalUrl);
    expect((await storeA.list('seed')).map((seed) => seed.id)).to.deep.equal([original.id]);

    const child = await fixture<OffSeedCard>(html`<off-seed-card store=${b.url} seed=${replanted.id} lang="en"></off-seed-card>`);
    await waitUntil(() => lineageTitles(child).length === 2, 'the lineage never showed', { timeout: 15000 });
    expect(lineageTitles(child)).to.deep.equal(['Planted on A', 'Planted on A']);
    expect(child.shadowRoot!.querySelector('[part="lineage"] a')!.textContent).to.equal('Planted on A');
    await expect(child).to.be.accessible();

    // A seed of A this page never read (one read before may be shown from the copy kept on this device).
    const unread = await storeA.put('seed', seedInput({ title: 'Never read here' }));
    const orphan = await storeB.put('seed', seedInput({ title: 'Replanted from A, A down', replantedFrom: canonicalUrl(a.url.replace(/\/api$/, ''), 'seed', unread.id) }));
    await stopServer(a);
    const afterStop = await fixture<OffSeedCard>(html`<off-seed-card store=${b.url} seed=${orphan.id} lang="en"></off-seed-card>`);
    await waitUntil(() => lineageTitles(afterStop).length === 2, 'the lineage never showed with A down', { timeout: 15000 });
    expect(lineageTitles(afterStop)).to.deep.equal(['A seed missing or hidden', 'Replanted from A, A down']);
    expect(afterStop.shadowRoot!.querySelector('.error')).to.equal(null);
    await expect(afterStop).to.be.accessible();
  });
});
