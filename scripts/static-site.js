// A static site on 127.0.0.1 for the script-tag pages (the size check and the end-to-end tests): the files of a
// folder, gzipped as a CDN or a web host sends them, and pages given as text.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json', '.svg': 'image/svg+xml' };

/**
 * Serves `root` at `/` (a missing file is a 404), `pages` (path → HTML) at their paths, with `headers` on every
 * answer, gzipped when the browser accepts it. Resolves once it listens.
 */
export async function serveStatic({ root, pages = {}, headers = {} }) {
  const folder = resolve(root);
  const gzipped = new Map();
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname));
    const file = join(folder, path);
    let body = pages[path];
    if (body === undefined && file.startsWith(folder + sep) && existsSync(file) && statSync(file).isFile()) body = readFileSync(file);
    if (body === undefined) {
      response.writeHead(404, { 'Content-Type': 'text/plain', ...headers }).end('Not found');
      return;
    }
    const type = pages[path] === undefined ? (TYPES[extname(file)] ?? 'application/octet-stream') : TYPES['.html'];
    if (!/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
      response.writeHead(200, { 'Content-Type': type, ...headers }).end(body);
      return;
    }
    if (!gzipped.has(path)) gzipped.set(path, gzipSync(body, { level: 9 }));
    response.writeHead(200, { 'Content-Type': type, 'Content-Encoding': 'gzip', ...headers }).end(gzipped.get(path));
  });
  await new Promise((listening) => server.listen(0, '127.0.0.1', listening));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise((done) => {
        server.close(done);
        server.closeAllConnections();
      }),
  };
}
