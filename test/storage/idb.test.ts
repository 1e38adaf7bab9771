import { expect } from '@open-wc/testing';
import { createStore, get, keys } from 'idb-keyval';
import { createIdbStore } from '../../src/storage/idb.js';
import { QuotaError } from '../../src/storage/errors.js';
import type { StoreChange } from '../../src/storage/store.js';
import { storeContract } from './contract.js';
import { fillTheDisk, seedInput, uniqueName, until } from './fixtures.js';

const databases = new WeakMap<object, string>();

storeContract('idb', {
  async open() {
    const database = uniqueName('off-layer-test');
    const store = createIdbStore({ database });
    databases.set(store, database);
    expect((await store.ready()).persistent).to.equal(true);
    return store;
  },
  async openPeer(store) {
    return createIdbStore({ database: databases.get(store) });
  },
});

/** Replaces `window.indexedDB` for one test: the only way to meet private-mode failures in a normal profile. */
function withIndexedDB(replacement: unknown): () => void {
  const original = Object.getOwnPropertyDescriptor(window, 'indexedDB')!;
  Object.defineProperty(window, 'indexedDB', { configurable: true, get: () => replacement });
  return () => Object.defineProperty(window, 'indexedDB', original);
}

describe('idb store', () => {
  it('keeps records in its own database, never in idb-keyval’s default store', async () => {
    const database = uniqueName('off-layer-test');
    const store = createIdbStore({ database });
    const created = await store.put('seed', seedInput());
    expect(await get(`seed/${created.id}`, createStore(database, 'records'))).to.deep.equal(created);
    expect(await keys()).to.not.include(`seed/${created.id}`);
    store.close();
  });

  it('keeps records across store instances (a reload)', async () => {
    const database = uniqueName('off-layer-test');
    const first = createIdbStore({ database });
    const created = await first.put('seed', seedInput());
    first.close();
    const second = createIdbStore({ database });
    expect(await second.get('seed', created.id)).to.deep.equal(created);
    second.close();
  });

  it('falls back to memory and says so when IndexedDB is missing', async () => {
    const restore = withIndexedDB(undefined);
    try {
      const store = createIdbStore({ database: uniqueName('off-layer-test') });
      expect(await store.ready()).to.deep.equal({ persistent: false, online: true, reason: 'no-indexeddb' });
      const created = await store.put('seed', seedInput());
      expect(await store.get('seed', created.id)).to.deep.equal(created);
    } finally {
      restore();
    }
  });

  it('falls back to memory when opening IndexedDB hangs (Safari) and tells subscribers', async () => {
    const hanging = { open: () => ({}) as IDBOpenDBRequest };
    const restore = withIndexedDB(hanging);
    try {
      const store = createIdbStore({ database: uniqueName('off-layer-test'), openTimeoutMs: 200 });
      const changes: StoreChange[] = [];
      store.subscribe((change) => changes.push(change));
      expect(store.status.persistent).to.equal(true);
      const status = await store.ready();
      expect(status).to.deep.equal({ persistent: false, online: true, reason: 'open-timeout' });
      expect(store.status).to.deep.equal(status);
      expect(changes).to.deep.equal([{ type: 'status', status }]);
    } finally {
      restore();
    }
  });

  it('falls back to memory when opening IndexedDB fails (Firefox private mode)', async () => {
    const failing = {
      open() {
        const request = { error: new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError') } as unknown as IDBOpenDBRequest;
        queueMicrotask(() => request.onerror?.(new Event('error')));
        return request;
      },
    };
    const restore = withIndexedDB(failing);
    try {
      const store = createIdbStore({ database: uniqueName('off-layer-test') });
      expect((await store.ready()).reason).to.equal('open-failed');
    } finally {
      restore();
    }
  });

  it('keeps a write made on a full disk as pending, shows it, and stores it once there is room', async () => {
    const database = uniqueName('off-layer-test');
    const store = createIdbStore({ database });
    await store.ready();
    const restore = fillTheDisk();
    try {
      const record = await store.put('seed', seedInput({ title: 'Written on a full disk' }));
      const [pending] = await store.pending();
      expect(pending).to.include({ kind: 'seed', op: 'create', id: record.id });
      expect(pending.failure).to.equal(undefined);
      expect((await store.list('seed')).map((seed) => seed.title)).to.deep.equal(['Written on a full disk']);
    } finally {
      restore();
    }
    await until(async () => (await store.pending()).length === 0, 'the pending write to be stored');
    const stored = await createIdbStore({ database }).list('seed');
    expect(stored.map((seed) => seed.title)).to.deep.equal(['Written on a full disk']);
    store.close();
  });

  it('sends on the next visit what an earlier visit left pending', async () => {
    const database = uniqueName('off-layer-test');
    const firstVisit = createIdbStore({ database });
    await firstVisit.ready();
    const restore = fillTheDisk();
    try {
      await firstVisit.put('seed', seedInput({ title: 'Left pending' }));
    } finally {
      firstVisit.close();
      restore();
    }
    const nextVisit = createIdbStore({ database });
    await until(async () => (await nextVisit.list('seed')).length === 1 && (await nextVisit.pending()).length === 0, 'the write to be made');
    expect((await nextVisit.list('seed'))[0].title).to.equal('Left pending');
    nextVisit.close();
  });

  it('turns a full disk with no room anywhere into a QuotaError with a message to show, and changes nothing', async () => {
    const database = uniqueName('off-layer-test');
    const store = createIdbStore({ database });
    await store.ready();
    const restoreDisk = fillTheDisk();
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      const error = await store.put('seed', seedInput()).catch((failure: unknown) => failure);
      expect(error).to.be.instanceOf(QuotaError);
      expect((error as QuotaError).messageIn('fr')).to.equal("Cet appareil n'a plus d'espace de stockage.");
    } finally {
      Storage.prototype.setItem = setItem;
      restoreDisk();
    }
    expect(await store.list('seed')).to.have.length(0);
    expect(await store.pending()).to.have.length(0);
    store.close();
  });
});
