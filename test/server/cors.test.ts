import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { call, startServer, tempDir, type ServerProcess } from './harness.js';
import { rawGet } from './raw-http.js';

/**
 * Public reads from anywhere (issue 14, part 1), with two real servers on two ports, so two origins: a page served by
 * one reads the other's API and its live stream; it may write there only when that server allows its origin.
 */
describe('CORS across two servers', { timeout: 60_000 }, () => {
  let pages: ServerProcess;
  let api: ServerProcess;
  let welcoming: ServerProcess;

  before(async () => {
    const site = tempDir();
    writeFileSync(join(site, 'index.html'), '<off-side-event-board event="g21"></off-side-event-board>');
    pages = await startServer({ args: ['--static', site] });
    api = await startServer();
    welcoming = await startServer({ args: ['--allowed-origins', pages.origin] });
  });

  after(async () => {
    await Promise.all([pages, api, welcoming].map((server) => server?.stop()));
  });

  const preflight = (server: ServerProcess, method: string, headers = 'content-type,x-off-form-token') =>
    call(`${server.api}/events/g21/side-events`, {
      method: 'OPTIONS',
      headers: { Origin: pages.origin, 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': headers },
    });

  it('answers a page of another origin its public reads, lists from memory included, with * and no credentials', async () => {
    assert.notEqual(new URL(pages.origin).port, new URL(api.origin).port);
    for (let read = 0; read < 2; read += 1) {
      // The second read of the list is answered from memory, before the app.
      const list = await rawGet(`${api.api}/events/g21/side-events`, { Origin: pages.origin });
      assert.equal(list.status, 200);
      assert.equal(list.headers['access-control-allow-origin'], '*');
      assert.equal(list.headers['access-control-allow-credentials'], undefined);
      assert.match(String(list.headers['access-control-expose-headers']), /X-Off-Cursor/);
      assert.doesNotMatch(String(list.headers.vary ?? ''), /Origin/, 'the same answer for every origin: shared caches keep one copy');
    }
    const calendarFile = await rawGet(`${api.api}/events/g21/calendar.ics`, { Origin: pages.origin });
    assert.equal(calendarFile.headers['access-control-allow-origin'], '*');
    const read = await preflight(api, 'GET', 'if-none-match,last-event-id');
    assert.equal(read.headers.get('access-control-allow-origin'), '*');
    assert.match(read.headers.get('access-control-allow-headers') ?? '', /Last-Event-ID/);
  });

  it('lets a page of another origin follow the live stream', async () => {
    const stream = new AbortController();
    const live = await fetch(`${api.api}/events/g21/stream`, { headers: { Origin: pages.origin, Accept: 'text/event-stream' }, signal: stream.signal });
    assert.equal(live.status, 200);
    assert.equal(live.headers.get('access-control-allow-origin'), '*');
    stream.abort();
  });

  it('refuses that page its writes, unless the server allows its origin', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      assert.equal((await preflight(api, method)).headers.get('access-control-allow-origin'), null, method);
      assert.equal((await preflight(welcoming, method)).headers.get('access-control-allow-origin'), pages.origin, method);
    }
    const token = await call(`${api.api}/form-token`, { headers: { Origin: pages.origin } });
    assert.equal(token.headers.get('access-control-allow-origin'), '*', 'a form token is a public read; the write it is for still needs the origin allowed');
    const admin = await call(`${api.api}/admin/subscriptions`, { headers: { Origin: pages.origin } });
    assert.equal(admin.headers.get('access-control-allow-origin'), null);
  });
});
