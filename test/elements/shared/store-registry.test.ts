import { expect } from '@open-wc/testing';
import { storeFor } from '../../../src/elements/shared/store-registry.js';
import { LazyStore } from '../../../src/storage/lazy.js';

describe('store registry', () => {
  it('gives every element of a page the same store for the same value', () => {
    expect(storeFor('memory')).to.equal(storeFor(' memory '));
    expect(storeFor('idb')).to.equal(storeFor(undefined));
    expect(storeFor('idb')).to.equal(storeFor(''));
    expect(storeFor('https://example.org/api')).to.be.instanceOf(LazyStore);
  });

  it('treats an unknown value as the default store instead of opening another one', () => {
    expect(storeFor('indexeddb')).to.equal(storeFor('idb'));
  });
});
