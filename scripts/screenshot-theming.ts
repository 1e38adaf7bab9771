// Renders docs/theming.png for the README: the demo's theming page, served by the reference server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from './chromium.js';
import { buildDemoSite, plantDemo, startDemoServer } from './demo-site.js';

buildDemoSite();
const dataDir = mkdtempSync(join(tmpdir(), 'off-layer-shot-'));
const server = await startDemoServer(['--port', '0', '--data', dataDir]);
try {
  await plantDemo(server.url);
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}/theming.html`);
  await page.locator('off-side-event-board.dressed [part="item-title"]').first().waitFor();
  const box = (await page.locator('.theming').boundingBox())!;
  await page.screenshot({ path: 'docs/theming.png', clip: { ...box, height: 720 } });
  await browser.close();
  console.log('wrote docs/theming.png');
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
