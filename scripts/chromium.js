// Finds Debian's Chromium (or CHROME_PATH) for every tool that drives a browser; no tool downloads its own.
import { findExecutable } from './find-executable.js';

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
  return findExecutable(
    'Chromium',
    [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'],
    'Install it with `apt-get install -y chromium`, or point CHROME_PATH at a Chrome or Chromium binary.',
  );
}

/** Chromium driven by playwright-core (end-to-end tests, bench, screenshots), which sets its own headless mode. */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS.filter((arg) => !arg.startsWith('--headless')) });
}
