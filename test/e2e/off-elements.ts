import type { Page } from 'playwright-core';

/** Waits until every off- element on the page is defined: the script tag loads an element's code once it is there. */
export async function offElementsDefined(page: Page): Promise<void> {
  await page.waitForFunction(() => [...document.querySelectorAll(':not(:defined)')].every((element) => !element.localName.startsWith('off-')));
}
