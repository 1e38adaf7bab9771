// The browser side of `npm run bench:crowd`: how long a phone on crowded 4G waits for the first side event of a
// board (script-tag page, reference server), on a first visit and on return visits, and what it downloads.
// Chromium's network emulation: 1.6 Mbps down, 750 kbps up, 150 ms latency. The baseline, measured in the same run
// under the same emulation, is the list alone: one fetch of the event's side events from a blank page.
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { launchChromium } from '../scripts/chromium.js';

const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (750e3 / 8) | 0 };

export interface PhoneVisit {
  visit: string;
  /** Milliseconds from navigation to the first side event on screen. */
  firstSideEventMs: number;
  /** Bytes on the wire (headers and compressed bodies): the script and page, and the data from the API. */
  scriptBytes: number;
  dataBytes: number;
}

/** A folder for `--static`: the script-tag build and a page with one board on the server's own /api. */
export function boardPageFolder(event: string, dist = 'dist'): string {
  const folder = mkdtempSync(join(tmpdir(), 'off-layer-phone-'));
  cpSync(join(dist, 'off-layer.js'), join(folder, 'off-layer.js'));
  cpSync(join(dist, 'off-layer'), join(folder, 'off-layer'), { recursive: true });
  writeFileSync(
    join(folder, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>#OFF</title>
<script type="module" src="/off-layer.js"></script></head><body><off-side-event-board event="${event}" store="/api"></off-side-event-board></body></html>`,
  );
  return folder;
}

/** Counts the bytes each request took on the wire, by whether it went to the API. */
async function countBytes(session: CDPSession): Promise<() => { scriptBytes: number; dataBytes: number }> {
  const urls = new Map<string, string>();
  const totals = { scriptBytes: 0, dataBytes: 0 };
  await session.send('Network.enable');
  session.on('Network.requestWillBeSent', ({ requestId, request }) => urls.set(requestId, request.url));
  session.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const url = urls.get(requestId) ?? '';
    if (url.includes('/api/')) totals.dataBytes += encodedDataLength;
    else totals.scriptBytes += encodedDataLength;
  });
  return () => ({ ...totals });
}

async function emulatedPage(context: BrowserContext): Promise<{ page: Page; bytes: () => { scriptBytes: number; dataBytes: number } }> {
  const page = await context.newPage();
  const session = await context.newCDPSession(page);
  const bytes = await countBytes(session);
  await session.send('Network.emulateNetworkConditions', NETWORK);
  return { page, bytes };
}

/** Loads the board page and waits for a side event in the board's shadow root; returns the time from navigation. */
async function visit(context: BrowserContext, origin: string, name: string): Promise<PhoneVisit> {
  const { page, bytes } = await emulatedPage(context);
  await page.goto(origin, { waitUntil: 'commit' });
  // A string, not a function: tsx would wrap a function's inner names in a helper the page does not have.
  const firstSideEventMs = await page.evaluate<number>(`new Promise((resolve) => {
    const look = () => {
      const item = document.querySelector('off-side-event-board')?.shadowRoot?.querySelector('[part~="item"]');
      if (item) resolve(performance.now());
      else requestAnimationFrame(look);
    };
    look();
  })`);
  // What arrives after the first side event (the live stream's first bytes, a sync that came late) counts too.
  await page.waitForTimeout(1000);
  await page.close();
  return { visit: name, firstSideEventMs: Math.round(firstSideEventMs), ...bytes() };
}

/** The network floor: the list alone, fetched from a blank page of the same origin under the same emulation. */
async function listAlone(context: BrowserContext, origin: string, event: string): Promise<PhoneVisit> {
  const { page, bytes } = await emulatedPage(context);
  await page.goto(`${origin}/api/`, { waitUntil: 'commit' }).catch(() => undefined);
  const start = Date.now();
  await page.evaluate(async (url) => (await fetch(url, { cache: 'no-store' })).json(), `${origin}/api/side-events?event=${encodeURIComponent(event)}`);
  const ms = Date.now() - start;
  await page.close();
  return { visit: 'baseline: the list alone (fetch + JSON)', firstSideEventMs: ms, ...bytes() };
}

/**
 * A first visit, a return visit with nothing changed, and one after `addTen()` added 10 side events, in one browser
 * profile (its HTTP cache and IndexedDB kept between visits, as a phone keeps them), plus the baseline.
 */
export async function phoneVisits(origin: string, event: string, addTen: () => Promise<void>): Promise<PhoneVisit[]> {
  const browser = await launchChromium();
  try {
    const baseline = await listAlone(await browser.newContext(), origin, event);
    const phone = await browser.newContext();
    const first = await visit(phone, origin, 'first visit');
    const again = await visit(phone, origin, 'return visit, nothing changed');
    await addTen();
    const after = await visit(phone, origin, 'return visit after 10 new side events');
    return [baseline, first, again, after];
  } finally {
    await browser.close();
  }
}

/** A venue's page: one badge on the embedded default store, loading the script tag from `scriptPath`. */
const badgePage = (event: string, scriptPath: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>#OFF</title>
<script type="module" src="${scriptPath}"></script></head><body><off-event-badge event="${event}"></off-event-badge></body></html>`;

/**
 * Adds to `folder` (from `boardPageFolder`) a badge page, `badge.html`, and the same page on a copy of the script tag
 * whose shared chunk carries about `extraKb` more compressed bytes, in a comment (`padded/badge.html`).
 */
export function badgePages(folder: string, event: string, extraKb: number): void {
  writeFileSync(join(folder, 'badge.html'), badgePage(event, '/off-layer.js'));
  const padded = join(folder, 'padded');
  mkdirSync(padded);
  cpSync(join(folder, 'off-layer.js'), join(padded, 'off-layer.js'));
  cpSync(join(folder, 'off-layer'), join(padded, 'off-layer'), { recursive: true });
  writeFileSync(join(padded, 'badge.html'), badgePage(event, '/padded/off-layer.js'));
  const core = join(padded, 'off-layer', readdirSync(join(padded, 'off-layer')).find((file) => file.startsWith('core-'))!);
  const code = readFileSync(core);
  // Random bytes written in base64 compress back to about as many bytes.
  writeFileSync(core, Buffer.concat([code, Buffer.from(`/*${randomBytes(Math.round(extraKb * 1024)).toString('base64')}*/`)]));
}

/** A first visit to a badge page: the time from navigation until its QR code and its count are on screen. */
async function badgeVisit(browser: Browser, url: string): Promise<{ ms: number; scriptBytes: number }> {
  const context = await browser.newContext();
  const { page, bytes } = await emulatedPage(context);
  await page.goto(url, { waitUntil: 'commit' });
  const ms = await page.evaluate<number>(`new Promise((resolve) => {
    const look = () => {
      const root = document.querySelector('off-event-badge')?.shadowRoot;
      if (root?.querySelector('[part~="qr"]') && root.querySelector('[part~="count"][aria-busy="false"]')) resolve(performance.now());
      else requestAnimationFrame(look);
    };
    look();
  })`);
  await page.waitForTimeout(500);
  await context.close();
  return { ms: Math.round(ms), scriptBytes: bytes().scriptBytes };
}

/** The first visits to one page: the median and the range of the times, and the median of the script bytes. */
export interface BadgeVisits {
  ms: number;
  minMs: number;
  maxMs: number;
  scriptBytes: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function summary(visits: { ms: number; scriptBytes: number }[]): BadgeVisits {
  const times = visits.map(({ ms }) => ms);
  return { ms: median(times), minMs: Math.min(...times), maxMs: Math.max(...times), scriptBytes: median(visits.map(({ scriptBytes }) => scriptBytes)) };
}

/** `rounds` first visits to each badge page of `badgePages`, alternated. */
export async function badgeVisits(origin: string, rounds: number): Promise<{ plain: BadgeVisits; padded: BadgeVisits }> {
  const browser = await launchChromium();
  try {
    const plain: { ms: number; scriptBytes: number }[] = [];
    const padded: typeof plain = [];
    for (let round = 0; round < rounds; round += 1) {
      plain.push(await badgeVisit(browser, `${origin}/badge.html`));
      padded.push(await badgeVisit(browser, `${origin}/padded/badge.html`));
    }
    return { plain: summary(plain), padded: summary(padded) };
  } finally {
    await browser.close();
  }
}
