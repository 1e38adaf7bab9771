import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ADMIN_TOKEN, bearer, call, startServer, type ServerProcess } from './harness.js';
import { seedInput, sideEventInput, uniqueName } from '../storage/fixtures.js';

const FORM_FILLED = { 'X-Off-Honeypot': '' };

/** Records' global identity (issue 14, part 2): a canonical URL on the server holding them. */
describe('canonical URLs', { timeout: 60_000 }, () => {
  let proxied: ServerProcess;
  let direct: ServerProcess;

  before(async () => {
    proxied = await startServer({ args: ['--public-url', 'https://festival.example/off/'] });
    direct = await startServer({ args: ['--trust-proxy'] });
  });

  after(async () => {
    await Promise.all([proxied?.stop(), direct?.stop()]);
  });

  const create = async (server: ServerProcess, path: string, input: object, headers: Record<string, string> = {}) => {
    const reply = await call(`${server.api}/${path}`, { method: 'POST', json: input, headers: { ...FORM_FILLED, ...headers } });
    assert.equal(reply.status, 201, reply.text);
    return reply.body.record;
  };

  it('exports each record under its canonical URL: --public-url, else the proxy’s forwarded origin, else the request’s', async () => {
    const event = uniqueName('identity');
    const record = await create(proxied, 'side-events', sideEventInput({ event }));
    const exported = (await call(`${proxied.api}/events/${event}/export.json`)).body;
    assert.equal(exported.sideEvents[0].canonicalUrl, `https://festival.example/off/api/side-events/${record.id}`);

    const other = await create(direct, 'side-events', sideEventInput({ event }));
    const forwarded = await call(`${direct.api}/events/${event}/export.json`, { headers: { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'off.example' } });
    assert.equal(forwarded.body.sideEvents[0].canonicalUrl, `https://off.example/api/side-events/${other.id}`);
    const plain = await call(`${direct.api}/events/${event}/export.json`);
    assert.equal(plain.body.sideEvents[0].canonicalUrl, `${direct.origin}/api/side-events/${other.id}`);
  });

  it('keeps the identity a record had on the first server only when the host imports it; a contributor’s claim is dropped', async () => {
    const event = uniqueName('identity');
    const elsewhere = 'https://first.example/api/side-events/abc';
    const claimed = await create(direct, 'side-events', sideEventInput({ event, canonicalUrl: elsewhere }));
    assert.equal(claimed.canonicalUrl, undefined);
    const imported = await create(direct, 'side-events', sideEventInput({ event, canonicalUrl: elsewhere }), bearer(ADMIN_TOKEN));
    assert.equal(imported.canonicalUrl, elsewhere);
    const exported = (await call(`${direct.api}/events/${event}/export.json`)).body.sideEvents;
    assert.deepEqual(exported.map(({ canonicalUrl }: { canonicalUrl: string }) => canonicalUrl).sort(), [`${direct.origin}/api/side-events/${claimed.id}`, elsewhere].sort());
  });

  it('takes a seed replanted from a seed on another server, by its canonical URL', async () => {
    const seed = await create(direct, 'seeds', seedInput({ event: uniqueName('identity'), replantedFrom: `${proxied.api}/seeds/some-seed` }));
    assert.equal(seed.replantedFrom, `${proxied.api}/seeds/some-seed`);
    const refused = await call(`${direct.api}/seeds`, { method: 'POST', json: seedInput({ replantedFrom: 'https://other.example/not-a-seed' }), headers: FORM_FILLED });
    assert.deepEqual(refused.body.error.issues, [{ field: 'replantedFrom', code: 'invalid-id' }]);
  });
});
