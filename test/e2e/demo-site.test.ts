// End to end: the demo event site served by the reference server, driven in Debian's Chromium.
import assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import ICAL from 'ical.js';
import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { summitDays } from '../../demo/sample-data.js';
import { launchChromium } from '../../scripts/chromium.js';
import { buildDemoSite, plantDemo, startDemoServer, type RunningServer } from '../../scripts/demo-site.js';
import { readyFormToken } from '../../scripts/form-token.js';
import { offElementsDefined } from './off-elements.js';

const TIMEOUT = 20000;
let server: RunningServer;
let browser: Browser;
let dataDir: string;

before(async () => {
  buildDemoSite();
  dataDir = mkdtempSync(join(tmpdir(), 'off-layer-e2e-'));
  // Planting the demo (its host events, venues, organisers, side events and seeds) and these tests' writes all come from this machine: more in a minute than a person's 30.
  server = await startDemoServer(['--port', '0', '--data', dataDir, '--writes-per-client', '120']);
  await plantDemo(server.url);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function open(page: Page, path: string): Promise<Page> {
  page.setDefaultTimeout(TIMEOUT);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.url}/${path}`);
  return page;
}

async function badgeCount(page: Page): Promise<number> {
  const text = await page.locator('off-event-badge [part="count"]').textContent();
  return Number(/\d+/.exec(text ?? '')?.[0] ?? NaN);
}

test('a visitor adds a side event: a second tab shows it on the board, and the badge count rises', async () => {
  const visitor = await browser.newContext();
  const otherDevice = await browser.newContext();
  const venue = await open(await visitor.newPage(), 'venue.html');
  await venue.locator('off-event-badge [part="count"]').filter({ hasText: /\d/ }).waitFor();
  const countBefore = await badgeCount(venue);
  assert.ok(countBefore >= 9, `the planted summit has at least 9 side events to come at the venue, the badge says ${countBefore}`);

  const board = await open(await otherDevice.newPage(), 'index.html');
  await board.locator('off-side-event-board').getByText('Breakfast of the commons').waitFor();

  const contribute = await open(await visitor.newPage(), 'contribute.html');
  const form = contribute.locator('off-contribute-form[kind="side-event"]');
  const title = `Sunset swim <b>all welcome</b> ${Date.now()}`;
  await form.locator('input[name="title"]').fill(title);
  await form.locator('input[name="start"]').fill(`${summitDays()[1]}T19:00`);
  // The venue's own name: the side event is linked to it, and counted by the venue's badge.
  await form.locator('input[name="place"]').fill('La Friche la Belle de Mai');
  await form.locator('input[name="url"]').fill('javascript:alert(1)');
  await contribute.waitForTimeout(3100); // a person takes more than the 3 s time trap
  await form.locator('[part="submit"]').click();
  await form.getByText('Only http:// and https:// addresses are accepted.').waitFor();
  await form.locator('input[name="url"]').fill('https://example.org/swim');
  await form.locator('[part="submit"]').click();
  await form.locator('[part="confirmation"]').getByText(title).waitFor();

  await board.locator('off-side-event-board [part="item-title"]', { hasText: title }).waitFor();
  assert.equal(await board.locator('off-side-event-board b').count(), 0, 'markup in a title is shown as text');
  await venue.locator('off-event-badge [part="count"]').filter({ hasText: String(countBefore + 1) }).waitFor();
  assert.equal(await badgeCount(venue), countBefore + 1);

  const reloaded = await open(await otherDevice.newPage(), 'index.html');
  await reloaded.locator('off-side-event-board [part="item-title"]', { hasText: title }).waitFor();
  await visitor.close();
  await otherDevice.close();
});

test('the badge’s QR code leads to the board', async () => {
  const context = await browser.newContext();
  const venue = await open(await context.newPage(), 'venue.html');
  const qr = venue.locator('off-event-badge [part="qr"] svg');
  await qr.waitFor();
  const png = PNG.sync.read(await qr.screenshot());
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  assert.equal(decoded?.data, `${server.url}/index.html#off`);
  await context.close();
});

test('the badge prints for a venue door: large QR that still scans, the address in text, no buttons', async () => {
  const context = await browser.newContext();
  const venue = await open(await context.newPage(), 'venue.html');
  const badge = venue.locator('off-event-badge');
  await badge.locator('[part="qr"] svg').waitFor();
  const screenWidth = (await badge.locator('[part="qr"]').boundingBox())!.width;
  await venue.emulateMedia({ media: 'print', colorScheme: 'dark' });
  const printed = (await badge.locator('[part="qr"]').boundingBox())!.width;
  assert.ok(printed > screenWidth * 1.5, `the printed QR (${printed}px) is much larger than on screen (${screenWidth}px)`);
  assert.equal(await badge.locator('[part="link"]').isVisible(), false);
  assert.equal(await badge.locator('[part="download"]').isVisible(), false);
  assert.equal((await badge.locator('.print-url').textContent())?.trim(), `${server.url}/index.html#off`);
  assert.equal(await badge.locator('.print-url').isVisible(), true);
  const png = PNG.sync.read(await badge.locator('[part="qr"] svg').screenshot());
  assert.equal(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data, `${server.url}/index.html#off`);
  await context.close();
});

test('the board’s “add all to calendar” file is an iCalendar file calendars can read', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const board = await open(await context.newPage(), 'index.html');
  await board.locator('off-side-event-board').getByText('Breakfast of the commons').waitFor();
  const [download] = await Promise.all([board.waitForEvent('download'), board.locator('off-side-event-board [part="calendar-all-button"]').click()]);
  assert.match(download.suggestedFilename(), /\.ics$/);
  const text = readFileSync((await download.path())!, 'utf8');
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
  const listed = (await (await fetch(`${server.url}/api/events/g21/side-events`)).json()) as { title: string; start: string }[];
  assert.equal(events.length, listed.length);
  const breakfast = events.find((event) => event.summary === 'Breakfast of the commons');
  assert.ok(breakfast, 'the planted breakfast is in the file');
  // Its place record's name and address, over the free text.
  assert.equal(breakfast.location, 'Café du Port, 12 quai de Rive-Neuve, 13007 Marseille');
  assert.equal(breakfast.startDate.toJSDate().getTime(), Date.parse(listed.find((item) => item.title === 'Breakfast of the commons')!.start));
  await context.close();
});

test('the demo pages have no axe violations and no console errors, in light and in dark', async () => {
  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ colorScheme, viewport: { width: 390, height: 844 } });
    for (const path of ['index.html', 'venue.html', 'contribute.html', 'seeds.html', 'theming.html']) {
      const tab = await context.newPage();
      // A missing file or a script error shows in the console of every organiser who opens the page.
      tab.on('console', (message) => {
        if (message.type() === 'error') found.push(`${colorScheme} ${path}: console: ${message.text()}`);
      });
      const page = await open(tab, path);
      await offElementsDefined(page);
      // Settled: every widget rendered its data, not its loading state.
      await page.waitForFunction(() =>
        [...document.querySelectorAll('off-event-badge, off-side-event-board')].every((element) => /\d/.test(element.shadowRoot?.querySelector('[part="count"], [part="status"]')?.textContent ?? '')),
      );
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const { axe } = window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } };
        return (await axe.run(document, { resultTypes: ['violations'] })).violations.map(({ id, nodes }) => `${id} (${nodes.length})`);
      });
      found.push(...violations.map((violation) => `${colorScheme} ${path}: ${violation}`));
    }
    await context.close();
  }
  assert.deepEqual(found, []);
});

test('on the seeds page, every “Replanted from” link leads to that seed’s card on the page', async () => {
  const context = await browser.newContext();
  const seeds = await open(await context.newPage(), 'seeds.html');
  const links = seeds.locator('off-seed-card [part="lineage"] a');
  await links.first().waitFor();
  const hrefs = await links.evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
  for (const href of hrefs) {
    const url = new URL(href);
    assert.equal(url.pathname, '/seeds.html', href);
    await seeds.locator(`off-seed-card[id="${decodeURIComponent(url.hash.slice(1))}"]`).waitFor({ timeout: 5000 });
  }
  // The planted G21 seed replanted from G20: its link shows the G20 seed.
  const replanted = seeds.locator('off-seed-card', { hasText: '(replanted)' });
  await replanted.locator('[part="lineage"] a').click();
  const origin = seeds.locator(`off-seed-card[id="${decodeURIComponent(new URL(seeds.url()).hash.slice(1))}"]`);
  await origin.getByText('The rule that made our open-door workshops work').waitFor();
  assert.ok(await origin.isVisible());
  await context.close();
});

test('npm run build:demo while the server runs leaves the served demo on the server’s store', async () => {
  execSync('npm run build:demo --silent -- --logLevel warn', { stdio: 'inherit' });
  const title = `Added through the API ${Date.now()}`;
  const response = await fetch(`${server.url}/api/side-events`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Off-Form-Token': await readyFormToken(`${server.url}/api`) },
    body: JSON.stringify({ event: 'g21', title, start: `${summitDays()[0]}T10:00:00+01:00`, tags: [] }),
  });
  assert.equal(response.status, 201);
  const context = await browser.newContext();
  const board = await open(await context.newPage(), 'index.html');
  await board.locator('off-side-event-board [part="item-title"]', { hasText: title }).waitFor();
  await context.close();
});

/** The seeds page's card that can be replanted, and a wait for the page to list one card more (a replanted seed). */
async function replantable(seeds: Page) {
  const button = seeds.getByRole('button', { name: 'Replant into g21' });
  const id = (await seeds.locator('off-seed-card', { has: button }).getAttribute('id'))!;
  const cards = await seeds.locator('off-seed-card').count();
  const oneMoreListed = () => seeds.waitForFunction((before) => document.querySelectorAll('off-seed-card').length > before, cards);
  return { id, origin: seeds.locator(`off-seed-card[id="${id}"]`), oneMoreListed };
}

test('on the seeds page, replanting the G20 seed says so on its card and links to the new seed’s card', async () => {
  const context = await browser.newContext();
  const seeds = await open(await context.newPage(), 'seeds.html');
  const { origin, oneMoreListed } = await replantable(seeds);
  await origin.getByRole('button', { name: 'Replant into g21' }).click();
  await origin.getByText('Replanted into G21 Summit.').waitFor();
  await oneMoreListed();
  assert.equal(await origin.getByText('Replanted into G21 Summit.').count(), 1, 'the card still says it was replanted');
  await origin.getByRole('link', { name: 'Open the replanted seed' }).click();
  const replanted = seeds.locator(`off-seed-card[id="${decodeURIComponent(new URL(seeds.url()).hash.slice(1))}"]`);
  await replanted.locator('[part="lineage"]').waitFor();
  assert.ok(await replanted.isVisible());
  await context.close();
});

test('on the seeds page, replanting with the keyboard leaves the focus on the card that replanted', async () => {
  const context = await browser.newContext();
  const seeds = await open(await context.newPage(), 'seeds.html');
  const { id, origin, oneMoreListed } = await replantable(seeds);
  await origin.getByRole('button', { name: 'Replant into g21' }).focus();
  await seeds.keyboard.press('Enter');
  await origin.getByText('Replanted into G21 Summit.').waitFor();
  await oneMoreListed();
  assert.equal(await seeds.evaluate(() => document.activeElement?.id), id, 'the focus is still in the card, not back at the page’s start');
  await context.close();
});
