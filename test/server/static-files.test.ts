import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startServer, tempDir, type ServerProcess } from './harness.js';
import { rawGet } from './raw-http.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';

describe('--static: compressed once, cached by name', { timeout: 60_000 }, () => {
  const site = tempDir();
  const page = `<!doctype html><title>Host event</title>${'<p>#OFF, tous acteurs, tous média.</p>\n'.repeat(200)}`;
  const script = `export const sideEvents = ${JSON.stringify(Array.from({ length: 200 }, (_, index) => `side event ${index}`))};\n`;
  const image = Buffer.alloc(4096, 7);
  let server: ServerProcess;

  before(async () => {
    mkdirSync(join(site, 'assets'));
    writeFileSync(join(site, 'index.html'), page);
    writeFileSync(join(site, 'assets', 'board-B1x9_kQz.js'), script);
    writeFileSync(join(site, 'assets', 'badge.png'), image);
    mkdirSync(join(site, 'off-layer'));
    writeFileSync(join(site, 'off-layer.js'), script);
    writeFileSync(join(site, 'off-layer', 'core-BkVim-c5.js'), script);
    server = await startServer({ args: ['--static', site] });
  });

  after(async () => assert.equal(await server.stop(), 0));

  it('serves pages in the coding the browser prefers, revalidated each time with their ETag', async () => {
    const [br, gzip, none] = await Promise.all(
      ['br, gzip', 'gzip', ''].map((accept) => rawGet(`${server.origin}/`, accept ? { 'Accept-Encoding': accept } : {})),
    );
    assert.deepEqual([br, gzip, none].map((reply) => reply.headers['content-encoding']), ['br', 'gzip', undefined]);
    for (const reply of [br, gzip, none]) {
      assert.equal(reply.text, page);
      assert.equal(reply.headers['cache-control'], 'no-cache');
      assert.match(String(reply.headers['content-type']), /text\/html/);
    }
    assert.ok(br.bytes.length < page.length / 5, `${br.bytes.length} bytes of ${page.length}`);
    assert.equal(Number(br.headers['content-length']), br.bytes.length);
    const revalidated = await rawGet(`${server.origin}/index.html`, { 'If-None-Match': String(gzip.headers.etag), 'Accept-Encoding': 'br' });
    assert.equal(revalidated.status, 304);
    assert.equal(revalidated.bytes.length, 0);

    writeFileSync(join(site, 'index.html'), `${page}<p>changed</p>`);
    const changed = await rawGet(`${server.origin}/`, { 'If-None-Match': String(br.headers.etag), 'Accept-Encoding': 'br' });
    assert.equal(changed.status, 200, 'a file changed on disk is compressed again');
    assert.match(changed.text, /changed/);
  });

  it('serves hashed assets as immutable, and images as they are', async () => {
    const asset = await rawGet(`${server.origin}/assets/board-B1x9_kQz.js`, { 'Accept-Encoding': 'gzip, br' });
    assert.equal(asset.headers['cache-control'], IMMUTABLE);
    assert.equal(asset.headers['content-encoding'], 'br');
    assert.equal(asset.text, script);
    assert.match(String(asset.headers['content-type']), /javascript/);
    const png = await rawGet(`${server.origin}/assets/badge.png`, { 'Accept-Encoding': 'gzip, br' });
    assert.equal(png.headers['content-encoding'], undefined);
    assert.deepEqual(png.bytes, image);
    assert.equal(png.headers['cache-control'], 'no-cache', 'an unhashed name may change');
    assert.equal((await rawGet(`${server.origin}/assets/missing-B1x9_kQz.js`)).status, 404);
    // The script tag's chunks too (a return visit asks for none of them); the loader, whose name stays, is checked in the background.
    assert.equal((await rawGet(`${server.origin}/off-layer/core-BkVim-c5.js`)).headers['cache-control'], IMMUTABLE);
    assert.equal((await rawGet(`${server.origin}/off-layer.js`)).headers['cache-control'], 'public, max-age=0, stale-while-revalidate=604800');
    assert.equal((await rawGet(`${server.origin}/../package.json`)).status, 404);
  });
});
