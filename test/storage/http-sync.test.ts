import { expect } from '@open-wc/testing';
import { createStore, get, setMany } from 'idb-keyval';
import { keyUnder } from '../../src/storage/http-local.js';
import { recordName, type SideEvent } from '../../src/model/records.js';
import { LIMITS } from '../../src/model/validate.js';
import { CHECKED_BY } from '../../src/storage/http-list-cache.js';
import type { StoreChange } from '../../src/storage/store.js';
import { sideEventInput, uniqueName, until } from './fixtures.js';
import { openStore, proxyTo, startServer, stripCaching, type TestServer } from './http-servers.js';

const ADMIN_TOKEN = 'moderator-token-for-tests';

/** The API URLs this page requests while `during` runs: what a visitor's phone asks the server for. */
async function requestsDuring(during: () => Promise<unknown>): Promise<string[]> {
  const urls: string[] = [];
  const fetchAsItWas = window.fetch;
  window.fetch = (input, init) => {
    urls.push(String(input instanceof Request ? input.url : input));
    return fetchAsItWas(input, init);
  };
  try {
    await during();
  } finally {
    window.fetch = fetchAsItWas;
  }
  return urls.filter((url) => url.includes('/side-events'));
}

async function plant(server: TestServer, event: string, titles: string[]): Promise<string[]> {
  const store = await openStore(server.url);
  const created = await store.putMany('side-event', titles.map((title) => sideEventInput({ event, title })));
  return created.map((record) => record.id);
}

describe('http store, incremental sync of the lists kept on this device', function () {
  this.timeout(60000);
  let server: TestServer;
  let event: string;

  beforeEach(async () => {
    server = await startServer('sqlite', { OFF_ADMIN_TOKEN: ADMIN_TOKEN, OFF_WRITES_PER_CLIENT: '1000000', OFF_WRITES_PER_EVENT: '1000000' });
    event = uniqueName('sync');
  });

  it('asks a returning visitor only for what changed since the list it kept, and shows the whole list', async () => {
    await plant(server, event, ['Breakfast', 'Walk']);
    const firstVisit = await openStore(server.url);
    const first = await requestsDuring(() => firstVisit.list('side-event', { event }));
    expect(first.some((url) => url.includes('since='))).to.equal(false);

    await plant(server, event, ['Late picnic']);
    const returnVisit = await openStore(server.url);
    let titles: string[] = [];
    const again = await requestsDuring(async () => {
      titles = (await returnVisit.list('side-event', { event })).map((record) => record.title);
    });
    expect(again).to.have.length(1);
    expect(again[0]).to.contain('since=');
    expect(titles.sort()).to.deep.equal(['Breakfast', 'Late picnic', 'Walk']);
  });

  it('shows a returning visitor the list kept at once, then what changed since', async () => {
    await plant(server, event, ['Breakfast']);
    const firstVisit = await openStore(server.url);
    await firstVisit.list('side-event', { event });
    await plant(server, event, ['Late picnic']);

    const returnVisit = await openStore(server.url, { showKeptListAfterMs: 0 });
    const changes: StoreChange[] = [];
    returnVisit.subscribe((change) => changes.push(change));
    expect((await returnVisit.list('side-event', { event })).map((record) => record.title)).to.deep.equal(['Breakfast']);
    await until(() => changes.some((change) => change.type === 'put' && change.records.some((record) => recordName(record) === 'Late picnic')), 'the new side event');
  });

  it('reads a list shown from the device from the server the next time, so a page sees what it wrote since', async () => {
    await plant(server, event, ['Breakfast']);
    const firstVisit = await openStore(server.url);
    await firstVisit.list('side-event', { event });

    const returnVisit = await openStore(server.url, { showKeptListAfterMs: 0 });
    expect(await returnVisit.list('side-event', { event })).to.have.length(1);
    await returnVisit.put('side-event', sideEventInput({ event, title: 'Written on this visit' }));
    const again = (await returnVisit.list('side-event', { event })).map((record) => record.title);
    expect(again.sort()).to.deep.equal(['Breakfast', 'Written on this visit']);
  });

  it('works behind a proxy that strips compression, ETag and the cursor: each visit reads the whole list', async () => {
    await plant(server, event, ['Breakfast']);
    const behindProxy = await proxyTo(server);
    await stripCaching(server);
    const answer = await fetch(`${behindProxy}/side-events?event=${event}`);
    expect([answer.headers.get('etag'), answer.headers.get('x-off-cursor')]).to.deep.equal([null, null]);
    const firstVisit = await openStore(behindProxy);
    expect((await firstVisit.list('side-event', { event })).map((record) => record.title)).to.deep.equal(['Breakfast']);

    await plant(server, event, ['Late picnic']);
    const returnVisit = await openStore(behindProxy);
    let titles: string[] = [];
    const asked = await requestsDuring(async () => {
      titles = (await returnVisit.list('side-event', { event })).map((record) => record.title);
    });
    expect(asked.some((url) => url.includes('since='))).to.equal(false);
    expect(titles.sort()).to.deep.equal(['Breakfast', 'Late picnic']);
  });

  it('drops at the next sync a record a moderator hid since the list was kept', async () => {
    const [kept, hidden] = await plant(server, event, ['Kept', 'Spam']);
    const firstVisit = await openStore(server.url);
    expect(await firstVisit.list('side-event', { event })).to.have.length(2);
    const hide = await fetch(`${server.url}/side-events/${hidden}/hide`, { method: 'POST', headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(hide.status).to.equal(200);

    const returnVisit = await openStore(server.url);
    expect((await returnVisit.list('side-event', { event })).map((record) => record.id)).to.deep.equal([kept]);
  });

  it('drops a kept list that is corrupt or of an older format, and reads the whole list again', async () => {
    await plant(server, event, ['Breakfast']);
    const lists = createStore('off-layer-cache', 'lists');
    const key = keyUnder(new URL(server.url).href.replace(/\/+$/, ''), 'side-event', event);
    for (const kept of [[{ id: 'an older format: a bare array' }], { format: 2, cursor: '12', records: [{ id: 'x', title: 42 }] }, 'garbage']) {
      await setMany([[key, kept]], lists);
      const store = await openStore(server.url);
      const asked = await requestsDuring(async () => {
        expect((await store.list('side-event', { event })).map((record) => record.title)).to.deep.equal(['Breakfast']);
      });
      expect(asked.some((url) => url.includes('since='))).to.equal(false);
    }
  });

  /** A first visit keeps the list; then its records get a title longer than the rules allow, and `checkedBy`. */
  async function keptWithTooLongTitles(checkedBy: string): Promise<string> {
    await plant(server, event, ['Breakfast']);
    await (await openStore(server.url)).list('side-event', { event });
    const lists = createStore('off-layer-cache', 'lists');
    const key = keyUnder(new URL(server.url).href.replace(/\/+$/, ''), 'side-event', event);
    let kept: { records: SideEvent[]; checkedBy?: string } | undefined;
    await until(async () => (kept = await get(key, lists)) !== undefined, 'the list to be kept');
    expect(kept!.checkedBy).to.equal(CHECKED_BY);
    const tooLong = 'x'.repeat(LIMITS.title + 1);
    await setMany([[key, { ...kept!, records: kept!.records.map((record) => ({ ...record, title: tooLong })), checkedBy }]], lists);
    return tooLong;
  }

  it('shows a list this version of the code kept as it is: it checked the records before keeping them', async () => {
    const tooLong = await keptWithTooLongTitles(CHECKED_BY);
    const returnVisit = await openStore(server.url, { showKeptListAfterMs: 0 });
    expect((await returnVisit.list('side-event', { event })).map((record) => record.title)).to.deep.equal([tooLong]);
  });

  it('checks again a list another version kept (its rules may differ), and reads the whole list again when it fails', async () => {
    await keptWithTooLongTitles('https://example.org/off-layer/http-0tHeRv3r.js');
    const returnVisit = await openStore(server.url, { showKeptListAfterMs: 0 });
    expect((await returnVisit.list('side-event', { event })).map((record) => record.title)).to.deep.equal(['Breakfast']);
  });

  it('reads the whole list again when the server no longer knows the kept cursor', async () => {
    await plant(server, event, ['Breakfast']);
    const lists = createStore('off-layer-cache', 'lists');
    const firstVisit = await openStore(server.url);
    const [record] = await firstVisit.list('side-event', { event });
    const key = keyUnder(new URL(server.url).href.replace(/\/+$/, ''), 'side-event', event);
    // A cursor from the future: the server answers 410 reload.
    await setMany([[key, { format: 2, cursor: '999999999', records: [record] }]], lists);
    const returnVisit = await openStore(server.url);
    const asked = await requestsDuring(async () => {
      expect((await returnVisit.list('side-event', { event })).map((each) => each.title)).to.deep.equal(['Breakfast']);
    });
    expect(asked.map((url) => url.includes('since='))).to.deep.equal([true, false]);
  });
});
