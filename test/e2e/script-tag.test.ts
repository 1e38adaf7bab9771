// End to end: the script tag (dist/off-layer.js, which loads each element's code from dist/off-layer/ on first use)
// on plain pages from a static server with a strict Content-Security-Policy, the four elements on the embedded idb
// store, driven in Debian's Chromium.
import assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { launchChromium } from '../../scripts/chromium.js';
import { serveStatic, type StaticSite } from '../../scripts/static-site.js';

const TIMEOUT = 20000;
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'";

const hostPage = (lang: 'en' | 'fr', body: string, script = '/off-layer.js') => `<!doctype html>
<html lang="${lang}">
  <head><meta charset="utf-8"><title>#OFF</title><script type="module" src="${script}"></script></head>
  <body>
${body}
  </body>
</html>`;

const ALL_FOUR = `
    <off-event-badge event="e2e"></off-event-badge>
    <off-side-event-board event="e2e"></off-side-event-board>
    <off-contribute-form event="e2e" time-zone="Europe/Paris"></off-contribute-form>
    <off-seed-card seed="no-such-seed"></off-seed-card>`;

const BADGE_ONLY = '    <off-event-badge event="e2e"></off-event-badge>';

/** A board on a server this static site does not have: it loads the HTTP store and the read checks, then says so. */
const SERVER_BOARD = '    <off-side-event-board event="e2e" store="/api"></off-side-event-board>';

/** A seed planted at another event, replanted here from the seed browser, and its card drawing the lineage. */
const SEEDS = `
    <off-contribute-form kind="seed" event="e2e-last-year"></off-contribute-form>
    <off-seed-browser event="e2e"></off-seed-browser>
    <off-seed-card seed="none-yet"></off-seed-card>`;

let root: string;
let site: StaticSite;
let browser: Browser;

before(async () => {
  if (!existsSync('dist/off-layer.js')) execSync('npx vite build --mode bundle --logLevel warn', { stdio: 'inherit' });
  // The site's root is dist/ as built; its copy in a folder of another name, as README's "copy the folder" says.
  root = mkdtempSync(join(tmpdir(), 'off-layer-script-tag-'));
  cpSync('dist/off-layer.js', join(root, 'assets/widgets/off-layer.js'));
  cpSync('dist/off-layer', join(root, 'assets/widgets/off-layer'), { recursive: true });
  cpSync('dist/off-layer.js', join(root, 'off-layer.js'));
  cpSync('dist/off-layer', join(root, 'off-layer'), { recursive: true });
  site = await serveStatic({
    root,
    pages: {
      '/': hostPage('en', ALL_FOUR),
      '/fr': hostPage('fr', ALL_FOUR),
      '/badge': hostPage('en', BADGE_ONLY),
      '/server-board': hostPage('en', SERVER_BOARD),
      '/seeds': hostPage('en', SEEDS),
      '/events/copied': hostPage('en', ALL_FOUR, '../assets/widgets/off-layer.js'),
      '/twice': hostPage('en', `${BADGE_ONLY}\n    <script type="module" src="/assets/widgets/off-layer.js"></script>`),
    },
    headers: { 'Content-Security-Policy': CSP },
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await site?.close();
  rmSync(root, { recursive: true, force: true });
});

type Tab = Page & { problems: string[]; requested: string[]; finished: Request[] };

/** Opens a page and records the files it requests, CSP violations, failed requests and uncaught errors (which must stay empty). */
async function openTab(context: BrowserContext, path: string, beforeLoad?: (tab: Page) => Promise<void>): Promise<Tab> {
  const tab = (await context.newPage()) as Tab;
  tab.setDefaultTimeout(TIMEOUT);
  tab.problems = [];
  tab.requested = [];
  tab.finished = [];
  tab.on('pageerror', (error) => tab.problems.push(`error: ${error.message}`));
  tab.on('console', (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) tab.problems.push(`csp: ${message.text()}`);
  });
  tab.on('request', (request) => tab.requested.push(new URL(request.url()).pathname));
  tab.on('requestfinished', (request) => tab.finished.push(request));
  tab.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) tab.problems.push(`${response.status()} ${response.url()}`);
  });
  await beforeLoad?.(tab);
  await tab.goto(`${site.url}${path}`);
  return tab;
}

/** Opens a page with the four elements and waits until the board has read its store. */
async function open(context: BrowserContext, path = '/'): Promise<Tab> {
  const tab = await openTab(context, path);
  await boardReady(tab);
  return tab;
}

const boardReady = (tab: Page) => tab.locator('off-side-event-board [part="status"]').filter({ hasText: /\d|No |Pas /i }).first().waitFor();

/** Fills a side event's title and start in the page's form, waits out the time trap (3 s), and presses the button. */
async function submitSideEvent(tab: Page, title: string, start: string): Promise<void> {
  const form = tab.locator('off-contribute-form');
  await form.locator('input[name="title"]').fill(title);
  await form.locator('input[name="start"]').fill(start);
  await tab.waitForTimeout(3100);
  await form.locator('[part="submit"]').click();
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

/** The chunks of validation: the form's checks, valibot and the model's rules, the field messages, the local stores' checks. */
const VALIDATION_CHUNKS = /^(form-checks|validate|validation-error|record-checks)$/;

test('the form loads its validation on the first focus, not with the page; when the network drops it, what was typed stays, the form says so, and the next press loads it and sends', async () => {
  const context = await browser.newContext();
  let offline = true;
  const checksRequests: string[] = [];
  await context.route(/\/off-layer\/form-checks-[\w-]+\.js$/, (route) => {
    checksRequests.push(offline ? 'dropped' : 'sent');
    return offline ? route.abort('internetdisconnected') : route.continue();
  });
  const tab = await open(context);
  const form = tab.locator('off-contribute-form');
  await form.locator('input[name="title"]').waitFor();
  await tab.waitForLoadState('networkidle');
  assert.deepEqual(chunksOf(tab).filter((name) => VALIDATION_CHUNKS.test(name)), [], 'nothing of validation before anyone touches the form');

  const title = `Lantern walk ${Date.now()}`;
  await submitSideEvent(tab, title, '2027-03-18T22:00');
  await form.getByText('Your contribution could not be checked').waitFor();
  assert.equal(await form.locator('input[name="title"]').inputValue(), title);
  assert.ok(checksRequests.length >= 2 && checksRequests.every((request) => request === 'dropped'), `on focus, then at the press: ${checksRequests.join(' ')}`);

  offline = false;
  await form.locator('[part="submit"]').click();
  await form.locator('[part="confirmation"]').waitFor();
  await tab.locator('off-side-event-board [part="item-title"]', { hasText: title }).waitFor();
  assert.equal(checksRequests.at(-1), 'sent');
  assert.deepEqual(tab.problems, []);
  await context.close();
});

test('offline, with the code of a download not cached yet, the board and the badge say the file could not be made, beside the button; back online, the next press makes it', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  let offline = true;
  const dropped: string[] = [];
  await context.route(/\/off-layer\/(calendar|qr)-[\w-]+\.js$/, (route) => {
    if (!offline) return route.continue();
    dropped.push(/\/off-layer\/([a-z]+)-/.exec(route.request().url())![1]!);
    return route.abort('internetdisconnected');
  });
  const tab = await open(context);
  const title = `Offline calendar ${Date.now()}`;
  await submitSideEvent(tab, title, '2027-03-18T20:00');
  const board = tab.locator('off-side-event-board');
  const item = board.locator('[part="item"]', { hasText: title });
  await item.waitFor();

  await item.locator('[part="calendar-button"]').click();
  await item.locator('[part="calendar-error"][role="alert"]', { hasText: 'could not be made' }).waitFor();
  await board.locator('[part="calendar-all-button"]').click();
  await board.locator('[part="header"] + [part="calendar-error"]').waitFor();
  assert.equal(await item.locator('[part="calendar-error"]').count(), 0, 'the message moves to the button pressed last');
  const badge = tab.locator('off-event-badge');
  await badge.locator('[part="download"]').click();
  await badge.locator('[part="download-error"][role="alert"]', { hasText: 'could not be made' }).waitFor();
  assert.deepEqual([...new Set(dropped)].sort(), ['calendar', 'qr']);

  offline = false;
  const [calendar] = await Promise.all([tab.waitForEvent('download'), item.locator('[part="calendar-button"]').click()]);
  assert.match(calendar.suggestedFilename(), /\.ics$/);
  const [qr] = await Promise.all([tab.waitForEvent('download'), badge.locator('[part="download"]').click()]);
  assert.match(qr.suggestedFilename(), /\.svg$/);
  assert.equal(await board.locator('[part="calendar-error"]').count(), 0);
  assert.equal(await badge.locator('[part="download-error"]').count(), 0);
  assert.deepEqual(tab.problems, []);
  await context.close();
});

test("with writes marked pending on this device and their code not cached, offline: the board and the badge still read the device's side events; back online, the form adds one", async () => {
  const context = await browser.newContext();
  let offline = true;
  const dropped: string[] = [];
  await context.route(/\/off-layer\/pending-writes-[\w-]+\.js$/, (route) => {
    if (!offline) return route.continue();
    dropped.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  // The marker an earlier visit leaves when the default store kept a write it could not make.
  await context.addInitScript(() => localStorage.setItem('off-layer-pending\nidb:off-layer', '1'));
  const tab = await open(context);
  const board = tab.locator('off-side-event-board');
  assert.equal(await board.locator('[part="error"]').count(), 0, 'the board reads without the outbox');
  assert.match((await tab.locator('off-event-badge [part="count"]').textContent()) ?? '', /\d|No side events/);
  assert.ok(dropped.length > 0, 'the outbox was asked for, and dropped');

  offline = false;
  const title = `Back online ${Date.now()}`;
  await submitSideEvent(tab, title, '2027-03-19T20:00');
  await board.locator('[part="item"]', { hasText: title }).waitFor();
  assert.deepEqual(tab.problems, []);
  await context.close();
});

/** Chunks of the other elements, of what only they share, of the HTTP store and of validation (valibot). */
const OTHERS_CHUNKS = /^(off-side-event-board|off-contribute-form|off-seed-card|off-seed-browser|widgets|http|validate|record-checks|validation-error)$/;

/** The script-tag chunks a page requested, by name without their hash: `off-event-badge`, `core`… */
const chunksOf = (tab: Tab) => tab.requested.flatMap((path) => /\/off-layer\/([a-z-]+)-[\w-]+\.js$/.exec(path)?.[1] ?? []);

test("a page with only the badge loads the badge's code and what it shares, nothing of the other elements, the HTTP store or validation", async () => {
  const context = await browser.newContext();
  const tab = await openTab(context, '/badge');
  await tab.locator('off-event-badge [part="count"]').filter({ hasText: /\d|No side events/ }).waitFor();
  await tab.locator('off-event-badge [part="qr"] svg').waitFor();
  await tab.waitForLoadState('networkidle');
  const chunks = chunksOf(tab);
  assert.ok(chunks.includes('off-event-badge'), chunks.join(' '));
  assert.deepEqual(chunks.filter((name) => OTHERS_CHUNKS.test(name)), []);
  assert.deepEqual(tab.problems, []);
  await context.close();
});

/** The chunks `chunk` (a file of dist/off-layer/) imports statically. */
const staticImports = (chunk: string) => [...readFileSync(join('dist/off-layer', chunk), 'utf8').matchAll(/(?:from|import)"\.\/([\w.-]+\.js)"/g)].map(([, file]) => file!);

test('a chunk is requested along with the chunk that imports it, not once that one has arrived: on slow Wi-Fi, a round trip per level of imports', async () => {
  const context = await browser.newContext();
  // Latency as on a phone, so that a request made once its importer arrived starts well after it, not a moment after.
  const tab = await openTab(context, '/server-board', async (page) => {
    await (await context.newCDPSession(page)).send('Network.emulateNetworkConditions', { offline: false, latency: 100, downloadThroughput: -1, uploadThroughput: -1 });
  });
  await tab.locator('off-side-event-board [part="error"]').waitFor();
  await tab.waitForLoadState('networkidle');
  const timings = new Map<string, { start: number; end: number }>();
  for (const request of tab.finished) {
    const { startTime, responseEnd } = request.timing();
    const chunk = /\/off-layer\/([^/]+\.js)$/.exec(new URL(request.url()).pathname)?.[1];
    if (chunk) timings.set(chunk, { start: startTime, end: startTime + responseEnd });
  }
  const loaded = (name: string) => [...timings.keys()].some((chunk) => chunk.startsWith(`${name}-`));
  assert.ok(['http', 'read-checks', 'validate'].every(loaded), [...timings.keys()].join(' '));
  // Nobody wrote, nothing is pending: the writes and their outbox stay on the server.
  assert.ok(!['http-writes', 'outbox-tables'].some(loaded), [...timings.keys()].join(' '));
  const late = [...timings].flatMap(([chunk, { end }]) =>
    staticImports(chunk).flatMap((imported) => ((timings.get(imported)?.start ?? 0) > end ? [`${imported} after ${chunk} arrived`] : [])),
  );
  assert.deepEqual(late, []);
  await context.close();
});

test('the script copied into another folder loads its chunks from there, and a second copy on the same page throws nothing', async () => {
  const context = await browser.newContext();
  const copied = await open(context, '/events/copied');
  assert.ok(copied.requested.includes('/assets/widgets/off-layer.js'));
  assert.ok(copied.requested.filter((path) => path.endsWith('.js')).every((path) => path.startsWith('/assets/widgets/')), copied.requested.join(' '));
  await copied.locator('off-contribute-form input[name="title"]').waitFor();
  await copied.locator('off-seed-card').getByText('This record does not exist (any more).').waitFor();
  assert.deepEqual(copied.problems, []);

  const twice = await openTab(context, '/twice');
  await twice.locator('off-event-badge [part="qr"] svg').waitFor();
  await twice.waitForLoadState('networkidle');
  assert.ok(twice.requested.includes('/off-layer.js') && twice.requested.includes('/assets/widgets/off-layer.js'));
  assert.deepEqual(twice.problems, []);
  await context.close();
});

test('elements added after load are upgraded: in the page with a property set before their code arrived, in an open shadow root, in the shadow root of an element defined later', async () => {
  const context = await browser.newContext();
  const tab = await openTab(context, '/badge');
  await tab.locator('off-event-badge [part="qr"] svg').waitFor();
  // Each case with a tag the page has not loaded yet.
  await tab.evaluate(() => {
    // A seed given as a property before the card's code is loaded, as a framework would.
    const card = document.createElement('off-seed-card') as HTMLElement & { seed?: unknown };
    card.seed = {
      id: 'seed-given-early',
      title: 'Given before the upgrade',
      body: 'Kept through it.',
      license: 'CC-BY-SA-4.0',
      tags: [],
      createdAt: '2027-03-18T09:00:00.000Z',
      updatedAt: '2027-03-18T09:00:00.000Z',
    };
    document.body.append(card);
    // Another library's element with an open shadow root, which gets a form once it is in the page.
    customElements.define(
      'host-panel',
      class extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: 'open' });
        }
      },
    );
    const panel = document.createElement('host-panel');
    document.body.append(panel);
    setTimeout(() => panel.shadowRoot!.append(document.createElement('off-contribute-form')), 300);
    // One put in the page before it is defined: its shadow root, and the board in it, come with its definition.
    document.body.append(document.createElement('late-panel'));
    setTimeout(() => {
      customElements.define(
        'late-panel',
        class extends HTMLElement {
          connectedCallback() {
            this.attachShadow({ mode: 'open' }).append(document.createElement('off-side-event-board'));
          }
        },
      );
    }, 300);
  });
  await tab.locator('off-seed-card').getByText('Given before the upgrade').waitFor();
  await tab.locator('host-panel off-contribute-form input[name="title"]').waitFor();
  await boardReady(tab);
  assert.deepEqual(tab.problems, []);
  await context.close();
});

test('the seed browser replants a seed of another event, and the card draws its lineage in SVG, under the strict CSP', async () => {
  const context = await browser.newContext();
  const tab = await openTab(context, '/seeds');
  const title = `<img src=x onerror=alert(1)> Talking stone ${Date.now()}`;
  const form = tab.locator('off-contribute-form');
  await form.locator('input[name="title"]').fill(title);
  await form.locator('textarea[name="body"]').fill('Everyone speaks once before anyone speaks twice.');
  await tab.waitForTimeout(3100);
  await form.locator('[part="submit"]').click();
  await form.locator('[part="confirmation"]').waitFor();

  const seeds = tab.locator('off-seed-browser');
  const item = seeds.locator('[part="item"]', { hasText: title });
  await item.waitFor();
  const replanted = tab.evaluate(() => new Promise<string>((resolve) => document.addEventListener('off-replanted', (event) => resolve((event as CustomEvent).detail.record.id), { once: true })));
  await item.locator('[part="replant-button"]').click();
  await item.locator('[part="item-replanted"]').waitFor();
  const id = await replanted;

  await tab.evaluate((seed) => document.querySelector('off-seed-card')!.setAttribute('seed', seed), id);
  const card = tab.locator('off-seed-card');
  await card.locator('[part="lineage-picture"] .node.current').waitFor({ state: 'attached' });
  assert.equal(await card.locator('[part="lineage-picture"] .node-title').first().textContent(), title.slice(0, 39) + '…');
  assert.equal(await card.locator('[part="lineage-list"] a').first().textContent(), title);
  assert.equal(await tab.locator('off-seed-browser img, off-seed-card img').count(), 0, 'markup in a title stays text');
  assert.equal(await card.locator('[style]').count(), 0);
  assert.deepEqual(tab.problems, []);
  await context.close();
});
