import { expect } from '@open-wc/testing';
import { storeFor } from '../../../src/elements/shared/store-registry.js';
import { UnavailableError } from '../../../src/storage/errors.js';
import { LazyStore } from '../../../src/storage/lazy.js';

/** Console errors while `action` runs. */
async function errorsDuring(action: () => Promise<unknown>): Promise<string[]> {
  const errors: string[] = [];
  const error = console.error;
  console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
  try {
    await action();
  } finally {
    console.error = error;
  }
  return errors;
}

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

  it('refuses a server reached in clear (http://, or //host on an http page), saying why once, but for this machine', async () => {
    for (const spec of ['http://example.org/api', '//example.org/api', 'HTTP://example.org/api']) {
      const store = storeFor(`${spec}/refused`);
      let refused: unknown;
      const errors = await errorsDuring(async () => {
        await store.list('side-event').catch((error) => (refused = error));
        await store.list('side-event').catch(() => {});
      });
      expect(errors).to.have.length(1);
      expect(errors[0]).to.contain(`${spec}/refused`).and.contain('in clear').and.contain('https://');
      expect(refused, spec).to.be.instanceOf(UnavailableError);
    }
    for (const spec of ['http://localhost:8787/api', 'http://127.0.0.1:8787/api', 'https://example.org/api', '/api']) {
      const store = storeFor(`${spec}/allowed`) as LazyStore;
      expect(await errorsDuring(() => store.adapter()), spec).to.deep.equal([]);
      store.close();
    }
  });
});
