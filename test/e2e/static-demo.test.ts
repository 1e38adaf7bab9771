// End to end: the demo as a static site on the embedded idb store, as the README says to make it
// (`npm run build:demo`), served by a plain static server (no API, no SPA fallback: a missing file is a 404),
// at the root of a host and, built with `--base ./`, in a subfolder. Driven in Debian's Chromium.
import assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { summitDays } from '../../demo/sample-data.js';
import { launchChromium } from '../../scripts/chromium.js';
import { listenOnLoopback } from './loopback.js';
import { offElementsDefined } from './off-elements.js';

const TIMEOUT = 20000;
const PAGES = ['index.html', 'venue.html', 'contribute.html', 'seeds.html', 'theming.html'];
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

let root: string;
let server: Server;
let base: string;
let browser: Browser;

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'off-layer-static-demo-'));
  // The README's command, written elsewhere than demo-dist/, which the developer may be using.
  execSync(`npm run build:demo --silent -- --logLevel warn --emptyOutDir --outDir ${join(root, 'site')}`, { stdio: 'inherit' });
  execSync(`npm run build:demo --silent -- --logLevel warn --emptyOutDir --base ./ --outDir ${join(root, 'host', 'off-demo')}`, { stdio: 'inherit' });
  server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url!, 'http://x').pathname));
    // The host: the root build at its root, the other in its subfolder off-demo/.
    const folder = path.startsWith('/off-demo/') ? join(root, 'host') : join(root, 'site');
    const file = join(folder, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(folder) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  base = `http://127.0.0.1:${await listenOnLoopback(server)}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
  rmSync(root, { recursive: true, force: true });
});

/** Opens a page and collects what an organiser would see in the console: errors, failed requests. */
async function open(context: BrowserContext, url: string, problems: string[]): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.on('pageerror', (error) => problems.push(`${url}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${url}: console: ${message.text()} (${message.location().url})`);
  });
  page.on('requestfailed', (request) => problems.push(`${url}: failed: ${request.url()}`));
  await page.goto(url);
  return page;
}

const badgeCount = async (page: Page) => Number(/\d+/.exec((await page.locator('off-event-badge [part="count"]').textContent()) ?? '')?.[0] ?? NaN);

test('at the root of a static host: every page without a console error, the summit planted, a side event added shows on the board and in the badge', async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const problems: string[] = [];
  for (const path of PAGES) {
    const page = await open(context, `${base}/${path}`, problems);
    await offElementsDefined(page);
    await page.waitForLoadState('networkidle');
    await page.close();
  }
  const board = await open(context, `${base}/index.html`, problems);
  await board.locator('off-side-event-board [part="status"]').filter({ hasText: '14 side events' }).waitFor();
  const venue = await open(context, `${base}/venue.html`, problems);
  // The venue's badge counts the side events to come at La Friche, across events: 9 of the summit's 14.
  await venue.locator('off-event-badge [part="count"]').filter({ hasText: '9' }).waitFor();

  const contribute = await open(context, `${base}/contribute.html`, problems);
  const form = contribute.locator('off-contribute-form[kind="side-event"]');
  const title = `Static picnic ${Date.now()}`;
  await form.locator('input[name="title"]').fill(title);
  await form.locator('input[name="start"]').fill(`${summitDays()[2]}T12:00`);
  await form.locator('input[name="place"]').fill('La Friche la Belle de Mai');
  await contribute.waitForTimeout(3100); // a person takes more than the 3 s time trap
  await form.locator('[part="submit"]').click();
  await form.locator('[part="confirmation"]').getByText(title).waitFor();
  await board.locator('off-side-event-board [part="item-title"]', { hasText: title }).waitFor();
  await venue.locator('off-event-badge [part="count"]').filter({ hasText: '10' }).waitFor();
  assert.equal(await badgeCount(venue), 10);
  assert.deepEqual(problems, []);
  await context.close();
});

test('built with --base ./ and copied into a subfolder of a host: the pages load their scripts and styles, and work', async () => {
  const context = await browser.newContext();
  const problems: string[] = [];
  for (const path of PAGES) {
    const page = await open(context, `${base}/off-demo/${path}`, problems);
    await offElementsDefined(page);
    await page.waitForLoadState('networkidle');
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).margin), '0px', `${path}: site.css applies`);
    await page.close();
  }
  const board = await open(context, `${base}/off-demo/index.html`, problems);
  await board.locator('off-side-event-board [part="status"]').filter({ hasText: '14 side events' }).waitFor();
  await board.locator('a', { hasText: 'Add yours' }).click();
  await board.waitForURL(`${base}/off-demo/contribute.html`);
  assert.deepEqual(problems, []);
  await context.close();
});
