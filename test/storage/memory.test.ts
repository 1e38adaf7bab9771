import { expect } from '@open-wc/testing';
import { createMemoryStore } from '../../src/storage/memory.js';
import { storeContract } from './contract.js';
import { uniqueName } from './fixtures.js';

const names = new WeakMap<object, string>();

storeContract('memory', {
  async open() {
    const name = uniqueName('memory');
    const store = createMemoryStore({ name });
    names.set(store, name);
    return store;
  },
  async openPeer(store) {
    return createMemoryStore({ name: names.get(store) });
  },
});

describe('memory store status', () => {
  it('says records are not kept across reloads', async () => {
    const status = await createMemoryStore({ name: uniqueName('memory') }).ready();
    expect(status).to.deep.equal({ persistent: false, online: true, reason: 'memory' });
  });
});
