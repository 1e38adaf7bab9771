import { expect } from '@open-wc/testing';
import { storeFor } from '../../src/elements/shared/store-registry.js';
import { canEdit } from '../../src/storage/http.js';
import { LazyStore } from '../../src/storage/lazy.js';
import { createMemoryStore } from '../../src/storage/memory.js';
import { MEMORY_STATUS } from '../../src/storage/statuses.js';
import type { StoreChange } from '../../src/storage/store.js';
import { storeContract } from './contract.js';
import { sideEventInput, uniqueName } from './fixtures.js';

const names = new WeakMap<object, string>();

function lazyMemory(name: string): LazyStore {
  const store = new LazyStore(async () => createMemoryStore({ name }), MEMORY_STATUS);
  names.set(store, name);
  return store;
}

storeContract('lazy (memory loaded on first use)', {
  async open() {
    return lazyMemory(uniqueName('lazy'));
  },
  async openPeer(store) {
    return lazyMemory(names.get(store)!);
  },
});

describe('lazy store', () => {
  it('says its initial status before the adapter is loaded', () => {
    const store = new LazyStore(() => new Promise(() => {}), MEMORY_STATUS);
    expect(store.status).to.equal(MEMORY_STATUS);
  });

  it('delivers changes to listeners that subscribed before the adapter was loaded', async () => {
    const name = uniqueName('lazy');
    let finishLoading = () => {};
    const store = new LazyStore(
      () => new Promise((resolve) => (finishLoading = () => resolve(createMemoryStore({ name })))),
      MEMORY_STATUS,
    );
    const changes: StoreChange[] = [];
    store.subscribe((change) => changes.push(change));
    finishLoading();
    await store.ready();
    const created = await createMemoryStore({ name }).put('side-event', sideEventInput());
    expect(changes).to.deep.equal([{ type: 'put', kind: 'side-event', records: [created] }]);
  });

  it('turns an adapter module that fails to load into an UnavailableError, and tries again on the next call', async () => {
    let attempts = 0;
    const store = new LazyStore(async () => {
      attempts += 1;
      if (attempts <= 2) throw new TypeError('Failed to fetch dynamically imported module');
      return createMemoryStore({ name: uniqueName('lazy') });
    }, MEMORY_STATUS);
    expect(await store.ready()).to.equal(MEMORY_STATUS);
    const error = await store.list('seed').catch((caught: unknown) => caught);
    expect(error).to.have.property('code', 'unavailable');
    expect(await store.list('seed')).to.deep.equal([]);
    expect(attempts).to.equal(3);
  });

  it('stands for a server named by the `store` attribute until it is used', () => {
    const store = storeFor(`https://${uniqueName('server')}.example/api`);
    expect(store).to.be.instanceOf(LazyStore);
    expect(store.status).to.deep.equal({ persistent: true, online: true });
  });

  it('lets canEdit see the adapter it stands for', async () => {
    expect(await canEdit(lazyMemory(uniqueName('lazy')), 'seed', 'any-id')).to.equal(true);
  });
});
