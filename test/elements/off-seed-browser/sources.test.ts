import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../src/elements/off-seed-browser/define.js';
import type { OffSeedBrowser } from '../../../src/elements/off-seed-browser/off-seed-browser.js';
import { canonicalUrl } from '../../../src/model/canonical-url.js';
import { seedInput, uniqueName } from '../../storage/fixtures.js';
import { openStore, startServer } from '../../storage/http-servers.js';

/* Two real servers, each its own origin (the test page is a third): the browser's own store on A, B read alongside. */
describe('off-seed-browser with sources', function () {
  this.timeout(40000);

  it('lists both servers’ seeds, says which come from B, and replants one of B’s into A with its URL as replantedFrom', async () => {
    const [a, b] = await Promise.all([startServer('sqlite'), startServer('sqlite')]);
    const [storeA, storeB] = await Promise.all([openStore(a.url), openStore(b.url)]);
    const here = uniqueName('g21');
    await storeA.put('seed', seedInput({ event: uniqueName('g20'), title: 'Seed of A' }));
    const fromB = await storeB.put('seed', seedInput({ event: uniqueName('elsewhere'), title: 'Seed of B', author: 'Bea', license: 'CC0-1.0' }));

    const el = await fixture<OffSeedBrowser>(html`<off-seed-browser store=${a.url} sources=${b.url} event=${here} lang="fr"></off-seed-browser>`);
    const item = (title: string) => [...el.shadowRoot!.querySelectorAll('[part="item"]')].find((candidate) => candidate.textContent!.includes(title));
    await waitUntil(() => item('Seed of A') && item('Seed of B'), 'both servers’ seeds never showed', { timeout: 15000 });
    expect(item('Seed of B')!.querySelector('[part="item-source"]')!.textContent!.trim()).to.equal(`Depuis ${new URL(b.url).host}`);
    expect(item('Seed of A')!.querySelector('[part="item-source"]')).to.equal(null);
    await expect(el).to.be.accessible();

    const fired = oneEvent(el, 'off-replanted');
    item('Seed of B')!.querySelector<HTMLButtonElement>('[part="replant-button"]')!.click();
    const { detail } = await fired;
    const urlOnB = canonicalUrl(b.url.replace(/\/api$/, ''), 'seed', fromB.id);
    expect(detail.record).to.include({ event: here, replantedFrom: urlOnB, license: 'CC0-1.0', author: 'Bea' });
    expect((await storeA.list('seed', { replantedFrom: urlOnB })).map((seed) => seed.id)).to.deep.equal([detail.record.id]);
    expect((await storeB.list('seed')).map((seed) => seed.id)).to.deep.equal([fromB.id]);
    await expect(el).to.be.accessible();
  });
});
