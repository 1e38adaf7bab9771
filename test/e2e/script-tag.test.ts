// End to end: one script tag (dist/off-layer.js) on a plain page from a static server with a strict
// Content-Security-Policy, the four elements on the embedded idb store, driven in Debian's Chromium.
import assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/chromium.js';
import { listenOnLoopback } from './loopback.js';

const TIMEOUT = 20000;
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'";

function page(lang: 'en' | 'fr'): string {
  return `<!doctype html>
<html lang="${lang}">
  <head><meta charset="utf-8"><title>#OFF</title><script type="module" src="/off-layer.js"></script></head>
  <body>
    <off-event-badge event="e2e"></off-event-badge>
    <off-side-event-board event="e2e"></off-side-event-board>
    <off-contribute-form event="e2e" time-zone="Europe/Paris"></off-contribute-form>
    <off-seed-card seed="no-such-seed"></off-seed-card>
  </body>
</html>`;
}

let server: Server;
let base: string;
let browser: Browser;

before(async () => {
  if (!existsSync('dist/off-layer.js')) execSync('npx vite build --mode bundle --logLevel warn', { stdio: 'inherit' });
  const bundle = readFileSync('dist/off-layer.js');
  server = createServer((request, response) => {
    const isBundle = request.url === '/off-layer.js';
    response.writeHead(200, {
      'Content-Type': isBundle ? 'text/javascript' : 'text/html; charset=utf-8',
      'Content-Security-Policy': CSP,
    });
    response.end(isBundle ? bundle : page(request.url?.startsWith('/fr') ? 'fr' : 'en'));
  });
  base = `http://127.0.0.1:${await listenOnLoopback(server)}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** Opens a page and records CSP violations and uncaught errors, which must stay empty. */
async function open(context: BrowserContext, path = '/'): Promise<Page & { problems: string[] }> {
  const tab = (await context.newPage()) as Page & { problems: string[] };
  tab.setDefaultTimeout(TIMEOUT);
  tab.problems = [];
  tab.on('pageerror', (error) => tab.problems.push(`error: ${error.message}`));
  tab.on('console', (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) tab.problems.push(`csp: ${message.text()}`);
  });
  await tab.goto(`${base}${path}`);
  await tab.locator('off-side-event-board [part="status"]').filter({ hasText: /\d|No |Pas /i }).first().waitFor();
  return tab;
}

const countOf = async (tab: Page) => Number(/\d+/.exec((await tab.locator('off-event-badge [part="count"]').textContent()) ?? '')?.[0] ?? 0);

test('the form adds a side event that appears on the board and in the badge, in a second tab too, and survives a reload', async () => {
  const context = await browser.newContext();
  const first = await open(context);
  const second = await open(context);
  const before = await countOf(first);

  const form = first.locator('off-contribute-form');
  const title = `<img src=x onerror=alert(1)> Night walk ${Date.now()}`;
  await form.locator('input[name="title"]').fill(title);
  await form.locator('input[name="start"]').fill('2027-03-18T21:00');
  await form.locator('input[name="url"]').fill('javascript:alert(1)');
  await first.waitForTimeout(3100);
  await form.locator('[part="submit"]').click();
  await form.getByText('Only http:// and https:// addresses are accepted.').waitFor();
  await form.locator('input[name="url"]').fill('');
  await form.locator('[part="submit"]').click();
  await form.locator('[part="confirmation"]').waitFor();

  for (const tab of [first, second]) {
    await tab.locator('off-side-event-board [part="item-title"]', { hasText: title }).waitFor();
    await tab.locator('off-event-badge [part="count"]').filter({ hasText: String(before + 1) }).waitFor();
    assert.equal(await tab.locator('off-side-event-board img, off-contribute-form img').count(), 0, 'markup in a title stays text');
  }
  await second.reload();
  await second.locator('off-side-event-board [part="item-title"]', { hasText: title }).waitFor();
  assert.deepEqual([...first.problems, ...second.problems], []);
  await context.close();
});

test('the same page in French: French labels, errors and dates', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const tab = await open(context, '/fr');
  const form = tab.locator('off-contribute-form');
  await form.getByLabel(/^Titre/).waitFor();
  await form.locator('input[name="title"]').fill('Pique-nique de clôture');
  await form.locator('input[name="start"]').fill('2027-03-19T12:30');
  await form.locator('input[name="url"]').fill('javascript:alert(1)');
  await tab.waitForTimeout(3100);
  await form.locator('[part="submit"]').click();
  await form.getByText('Seules les adresses http:// et https:// sont acceptées.').waitFor();
  await form.locator('input[name="url"]').fill('https://example.org/pique-nique');
  await form.locator('[part="submit"]').click();
  await form.locator('[part="confirmation"]').waitFor();
  await tab.locator('off-side-event-board [part="day"]', { hasText: 'vendredi 19 mars' }).waitFor();
  await tab.locator('off-seed-card').getByText("Cet élément n'existe pas (ou plus).").waitFor();
  assert.deepEqual(tab.problems, []);
  await context.close();
});
