// Firefox ESR from Debian (or FIREFOX_PATH) for Web Test Runner, driven over WebDriver BiDi by puppeteer-core.
import puppeteer from 'puppeteer-core';
import { chromeLauncher } from '@web/test-runner-chrome';
import { findExecutable } from './find-executable.js';

export function firefoxLauncher() {
  const executablePath = findExecutable(
    'Firefox',
    [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'],
    'Install it with `apt-get install -y firefox-esr`, or point FIREFOX_PATH at a Firefox binary.',
  );
  // The Chrome launcher runs any browser that the puppeteer it is given can launch.
  return chromeLauncher({ puppeteer, launchOptions: { browser: 'firefox', executablePath, headless: true } });
}
