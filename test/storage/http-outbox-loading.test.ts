import { expect } from '@open-wc/testing';
import type { Seed } from '../../src/model/records.js';
import type * as HttpModule from '../../src/storage/http.js';
import { HttpApi } from '../../src/storage/http-api.js';
import { Outbox } from '../../src/storage/outbox.js';
import { idbTable, keyValueTable, type OutboxTable } from '../../src/storage/outbox-tables.js';
import { insertRaw, restartServer, startServer, stopServer, type TestServer } from './http-servers.js';
import { seedInput, storedSideEvent, until } from './fixtures.js';

// Each "tab" is a frame of this page with modules of its own: what it imports shows in its own resource timings.

/** The modules only writes need: the outbox, what sends writes to a server, and the form token creates carry. */
const WRITES_MODULE = /\/src\/storage\/(outbox|outbox-tables|outbox-sender|outbox-store|pending-entry|batch-planner|http-writes|http-delivery|http-write-plan|form-token)\.ts/;

interface Tab {
  store: HttpModule.HttpStore;
  /** The writes modules this tab has imported. */
  writesModules(): string[];
}

const frames: { frame: HTMLIFrameElement; store: HttpModule.HttpStore }[] = [];

/** A tab on `url`; `prepare` runs in it before its store is made. */
async function openTab(url: string, prepare?: (tab: Window & typeof globalThis) => void): Promise<Tab> {
  const frame = document.createElement('iframe');
  document.body.append(frame);
  const tab = frame.contentWindow as Window & typeof globalThis;
  prepare?.(tab);
  tab.performance.setResourceTimingBufferSize(1000);
  const http = (await tab.eval(`import('/src/storage/http.ts')`)) as typeof HttpModule;
  const store = http.createHttpStore(url, { retryBaseMs: 200, showKeptListAfterMs: 30_000 });
  frames.push({ frame, store });
  const writesModules = () =>
    tab.performance
      .getEntriesByType('resource')
      .map(({ name }) => new URL(name).pathname)
      .filter((path) => WRITES_MODULE.test(path));
  return { store, writesModules };
}

/** A device that never kept a pending write: no outbox database. Tabs opened before are closed, so nothing holds it open. */
function forgetOutboxDatabase(): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase('off-layer-outbox');
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('the outbox database is held open'));
  });
}

/** An outbox entry as the release before the marker kept it: written to its table, no marker set. */
async function keptByEarlierRelease(url: string, table: OutboxTable, title: string): Promise<void> {
  const outbox = new Outbox(url, [table]);
  const now = new Date().toISOString();
  const input = seedInput({ title });
  const record = { ...input, id: crypto.randomUUID(), createdAt: now, updatedAt: now } as Seed;
  await table.save([outbox.entryFor({ op: 'create', kind: 'seed', input, options: {}, record })]);
}

const titlesOn = async (server: TestServer) => (await new HttpApi(server.url).list('seed', {})).map(({ title }) => title);

describe('http store, its outbox loaded only when writes need it', function () {
  this.timeout(60000);
  let server: TestServer;

  beforeEach(async () => {
    server = await startServer('sqlite');
  });

  afterEach(() => {
    for (const { frame, store } of frames.splice(0)) {
      store.close();
      frame.remove();
    }
  });

  it('reads on a device that never kept a pending write without importing the outbox', async () => {
    const record = storedSideEvent({ title: 'Read only' });
    await insertRaw(server, 'side-event', record);
    await forgetOutboxDatabase();

    let lookups = 0;
    const reader = await openTab(server.url, (tab) => {
      const databases = tab.indexedDB.databases.bind(tab.indexedDB);
      tab.indexedDB.databases = () => (lookups++, databases());
    });
    await reader.store.ready();
    expect((await reader.store.list('side-event', { event: 'g21' })).map(({ title }) => title)).to.deep.equal(['Read only']);
    expect((await reader.store.list('side-event', { place: 'nowhere' })).length).to.equal(0);
    expect((await reader.store.get('side-event', record.id as string)).title).to.equal('Read only');
    expect(await reader.store.canEdit('side-event', record.id as string)).to.equal(false);
    expect(await reader.store.pending()).to.deep.equal([]);
    expect(reader.writesModules()).to.deep.equal([]);
    expect(lookups, 'the list of databases is asked for once per page').to.equal(1);

    await reader.store.put('seed', seedInput({ title: 'First write' }));
    expect(reader.writesModules(), 'the first write loads them').to.include.members(['/src/storage/http-writes.ts', '/src/storage/form-token.ts']);
    expect(await titlesOn(server)).to.deep.equal(['First write']);
  });

  it('reads, and loads the outbox to look, where the list of databases never answers', async () => {
    await forgetOutboxDatabase();
    const reader = await openTab(server.url, (tab) => {
      tab.indexedDB.databases = () => new Promise(() => {});
    });
    const read = reader.store.list('seed', { event: 'g21' }).then((seeds) => seeds.length);
    const hung = new Promise<string>((resolve) => setTimeout(() => resolve('still waiting after 10 s'), 10_000));
    expect(await Promise.race([read, hung])).to.equal(0);
    expect(reader.writesModules(), 'in doubt, it looked').to.include('/src/storage/http-writes.ts');
  });

  it('once a page looked and marked nothing pending, reads import no outbox although its database exists', async () => {
    const writer = await openTab(server.url);
    await writer.store.put('seed', seedInput({ title: 'Written in another tab' }));
    expect(await writer.store.pending()).to.deep.equal([]);

    const reader = await openTab(server.url);
    await reader.store.ready();
    expect((await reader.store.list('seed')).map(({ title }) => title)).to.deep.equal(['Written in another tab']);
    expect(reader.writesModules()).to.deep.equal([]);
  });

  it("shows another tab's pending write in a tab that only read until then", async () => {
    await forgetOutboxDatabase();
    const reader = await openTab(server.url);
    await reader.store.ready();
    expect(await reader.store.list('seed', { event: 'g21' })).to.deep.equal([]);
    expect(reader.writesModules()).to.deep.equal([]);

    await stopServer(server);
    const writer = await openTab(server.url);
    const provisional = await writer.store.put('seed', seedInput({ title: 'Kept in another tab' }));
    expect((await writer.store.pending()).map(({ id }) => id)).to.deep.equal([provisional.id]);

    expect((await reader.store.list('seed', { event: 'g21' })).map(({ id }) => id)).to.deep.equal([provisional.id]);
    expect((await reader.store.pending()).map(({ id }) => id)).to.deep.equal([provisional.id]);
    expect(await reader.store.canEdit('seed', provisional.id)).to.equal(true);

    await restartServer(server);
    await until(async () => (await titlesOn(server)).length === 1, 'the pending write to be sent');
    expect(await titlesOn(server)).to.deep.equal(['Kept in another tab']);
  });

  for (const [where, table] of [
    ['localStorage', (url: string) => keyValueTable(url, () => localStorage)],
    ['IndexedDB', () => idbTable],
  ] as const) {
    it(`shows and sends writes an earlier release left pending in ${where}, which kept no marker`, async () => {
      await forgetOutboxDatabase();
      await stopServer(server);
      await keptByEarlierRelease(server.url, table(server.url), `Left by the earlier release (${where})`);

      const next = await openTab(server.url);
      expect((await next.store.list('seed', { event: 'g21' })).map(({ title }) => title)).to.deep.equal([`Left by the earlier release (${where})`]);
      expect(await next.store.pending()).to.have.length(1);

      await restartServer(server);
      await until(async () => (await titlesOn(server)).length === 1, 'the write left pending to be sent');
      expect(await titlesOn(server)).to.deep.equal([`Left by the earlier release (${where})`]);
      await until(async () => (await next.store.pending()).length === 0, 'the outbox to empty');
    });
  }
});
