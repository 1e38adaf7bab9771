import { expect } from '@open-wc/testing';
import { storeFor } from '../../../src/elements/shared/store-registry.js';
import { LazyStore } from '../../../src/storage/lazy.js';

describe('store registry', () => {
  it('gives every element of a page the same store for the same value', () => {
    expect(storeFor('memory')).to.equal(storeFor(' memory '));
    expect(storeFor('idb')).to.equal(storeFor(undefined)).and.to.equal(storeFor(''));
    expect(storeFor('https://example.org/api')).to.be.instanceOf(LazyStore);
  });

  it('falls back to the default store for an unknown value, with a warning, instead of opening another one', () => {
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      expect(storeFor('indexeddb')).to.equal(storeFor('idb'));
    } finally {
      console.warn = original;
    }
    expect(String(warnings[0])).to.contain('unknown store "indexeddb"');
  });
});
