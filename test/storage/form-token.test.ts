import { expect } from '@open-wc/testing';
import { createHttpStore } from '../../src/storage/http.js';
import { uniqueName, until } from './fixtures.js';
import { startServer } from './http-servers.js';

/** The form tokens this page has asked `url`'s server for. */
const tokenRequests = (url: string) => performance.getEntriesByType('resource').filter((entry) => entry.name.startsWith(`${url}/form-token`)).length;

describe('HTTP store: the form token', function () {
  this.timeout(30000);

  it('is not fetched by a page that only reads, and is fetched once a writer says it is there', async () => {
    const { url } = await startServer('sqlite');
    const store = createHttpStore(url);
    try {
      await store.ready();
      await store.list('side-event', { event: uniqueName('ev') });
      expect(tokenRequests(url)).to.equal(0);
      store.prepareWrites();
      store.prepareWrites();
      await until(() => tokenRequests(url) === 1, 'no form token fetched');
    } finally {
      store.close();
    }
  });
});
