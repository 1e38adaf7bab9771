// End to end: the README's HTML snippets, taken from README.md as written, pasted into pages as an organiser
// would, with dist/off-layer.js and its folder dist/off-layer/ where they load it from and the reference server
// behind `your-site.example`.
import assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/chromium.js';
import { startServer, type RunningServer } from '../../scripts/demo-site.js';
import { readyFormToken } from '../../scripts/form-token.js';
import { offElementsDefined } from './off-elements.js';

const TIMEOUT = 20000;
const README = readFileSync('README.md', 'utf8');
/** The script on unpkg, and the chunks it loads from beside it. */
const UNPKG_FILES = 'https://unpkg.com/off-layer/dist/off-layer**';
const SITE = 'https://your-site.example';

/** The first ```html block after the heading `title` in the README. */
function snippet(title: string): string {
  const at = README.indexOf(`\n${title}\n`);
  assert.ok(at >= 0, `README has a "${title}" section`);
  const match = /```html\n([\s\S]*?)```/.exec(README.slice(at));
  assert.ok(match, `README's "${title}" has an html block`);
  return match[1]!;
}

/** A snippet pasted into a host page (a WordPress Custom HTML block, a page of a static site). */
const hostPage = (body: string) => `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Host page</title></head>\n<body>\n<h1>Host event</h1>\n${body}\n</body>\n</html>\n`;

let server: RunningServer;
let browser: Browser;
let siteDir: string;
let dataDir: string;

before(async () => {
  if (!existsSync('dist/off-layer.js')) execSync('npx vite build --mode bundle --logLevel warn', { stdio: 'inherit' });
  siteDir = mkdtempSync(join(tmpdir(), 'off-layer-readme-site-'));
  dataDir = mkdtempSync(join(tmpdir(), 'off-layer-readme-data-'));
  const plain = snippet('### Plain HTML');
  // Copied where the plain page loads it from, with its folder, as the README says.
  const src = /<script type="module" src="([^"]+)"/.exec(plain)?.[1];
  assert.ok(src && src.startsWith('/'), `the plain page loads the script from this site (${src})`);
  mkdirSync(join(siteDir, dirname(src)), { recursive: true });
  cpSync('dist/off-layer.js', join(siteDir, src));
  cpSync('dist/off-layer', join(siteDir, dirname(src), 'off-layer'), { recursive: true });
  writeFileSync(join(siteDir, 'plain.html'), plain);
  writeFileSync(join(siteDir, 'twenty.html'), hostPage(snippet('## In 20 seconds')));
  server = await startServer(['--port', '0', '--data', dataDir, '--static', siteDir]);
  // WordPress and the reference server on one site, as in the README.
  writeFileSync(join(siteDir, 'wordpress.html'), hostPage(snippet('### WordPress').replaceAll(SITE, server.url)));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(siteDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

/** A visitor's browser; the unpkg address answers with what the published package would serve (`files: dist`). */
async function visitor(): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 375, height: 700 } });
  await context.route(UNPKG_FILES, (route) => {
    const file = join('dist', new URL(route.request().url()).pathname.replace('/off-layer/dist/', ''));
    return existsSync(file) ? route.fulfill({ contentType: 'text/javascript', body: readFileSync(file, 'utf8') }) : route.fulfill({ status: 404 });
  });
  return context;
}

async function open(context: BrowserContext, path: string): Promise<Page & { problems: string[] }> {
  const page = (await context.newPage()) as Page & { problems: string[] };
  page.setDefaultTimeout(TIMEOUT);
  page.problems = [];
  page.on('pageerror', (error) => page.problems.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) page.problems.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(`${server.url}/${path}`);
  await offElementsDefined(page);
  return page;
}

/** Where a link inside a widget leads on this page: the element its fragment names, if any. */
async function fragmentTarget(page: Page, selector: string): Promise<string | null> {
  const href = await page.locator(selector).getAttribute('href');
  const url = new URL(href!, page.url());
  assert.equal(url.pathname, new URL(page.url()).pathname, `${selector} leads to this page (${href})`);
  return page.evaluate((id) => document.getElementById(id)?.localName ?? null, decodeURIComponent(url.hash.slice(1)));
}

test('the plain-HTML page: French widgets, and the empty board’s “add yours” leads to the form on the page', async () => {
  const context = await visitor();
  const page = await open(context, 'plain.html');
  const link = 'off-side-event-board [part="contribute-link"]';
  await page.locator(link).filter({ hasText: 'Ajouter votre évènement OFF' }).waitFor();
  assert.equal(await fragmentTarget(page, link), 'off-contribute-form');
  await page.locator(link).click();
  await page.waitForFunction(() => {
    const box = document.querySelector('off-contribute-form')!.getBoundingClientRect();
    return box.top >= -1 && box.top < innerHeight;
  });
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('the 20-second snippet: the badge and the board’s own links lead to the board and to the form', async () => {
  const context = await visitor();
  const page = await open(context, 'twenty.html');
  await page.locator('off-side-event-board [part="contribute-link"]').waitFor();
  assert.equal(await fragmentTarget(page, 'off-side-event-board [part="contribute-link"]'), 'off-contribute-form');
  await page.locator('off-event-badge [part="link"]').waitFor();
  assert.equal(await fragmentTarget(page, 'off-event-badge [part="link"]'), 'off-side-event-board');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('the WordPress snippet: the badge counts the side events the board shows', async () => {
  const response = await fetch(`${server.url}/api/side-events`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Off-Form-Token': await readyFormToken(`${server.url}/api`) },
    body: JSON.stringify({ event: 'g21', title: 'Breakfast on the roof', start: '2037-06-12T08:30:00+02:00', tags: [] }),
  });
  assert.equal(response.status, 201);
  const context = await visitor();
  const page = await open(context, 'wordpress.html');
  await page.locator('off-side-event-board [part="item-title"]', { hasText: 'Breakfast on the roof' }).waitFor();
  const badge = page.locator('off-event-badge [part="count"]');
  await badge.filter({ hasText: /\d|No / }).waitFor();
  await page.waitForTimeout(500);
  assert.equal((await badge.textContent())?.trim(), '1 side event');
  // Nobody described g21 on this server: the widgets ask for its name, get 404, and show the id (issue 13).
  const undescribed = `404 ${server.url}/api/events/g21`;
  assert.deepEqual(page.problems.filter((problem) => problem !== undescribed), []);
  await context.close();
});
