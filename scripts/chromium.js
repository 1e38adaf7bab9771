// Finds Debian's Chromium (or CHROME_PATH) for every tool that drives a browser; no tool downloads its own.
import { existsSync } from 'node:fs';

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function chromiumPath() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    console.error(
      `Chromium not found (looked at: ${candidates.join(', ')}).\n` +
        'Install it with `apt-get install -y chromium`, or point CHROME_PATH at a Chrome or Chromium binary.',
    );
    process.exit(1);
  }
  return found;
}

/** Chromium driven by playwright-core (end-to-end tests, bench, screenshots), which sets its own headless mode. */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS.filter((arg) => !arg.startsWith('--headless')) });
}
