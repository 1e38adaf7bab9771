// What a browser downloads for a page until its widgets have rendered: every request it made, by encoded body size.
const QUIET_MS = 500;

/**
 * Opens `url` in a fresh context of `browser`, waits until every element of `tags` on the page is defined and has
 * rendered (its shadow root has content and its update is complete) and no request but a live stream has been
 * pending for QUIET_MS, then lists the requests made, the page's own document left out.
 * Each: `{ url, type, bytes }`, `bytes` the body as it came over the wire (gzip). Page errors reject.
 */
export async function pageWeight(browser, url, tags) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const finished = [];
    const pending = new Set();
    let lastChange = Date.now();
    page.on('request', (request) => {
      if (request.resourceType() !== 'eventsource') pending.add(request);
      lastChange = Date.now();
    });
    const settle = (request) => {
      pending.delete(request);
      lastChange = Date.now();
    };
    page.on('requestfailed', settle);
    page.on('requestfinished', (request) => {
      finished.push(request.sizes().then(({ responseBodySize }) => ({ url: request.url(), type: request.resourceType(), bytes: responseBodySize })));
      settle(request);
    });
    await page.goto(url);
    await page.waitForFunction(async (names) => {
      const elements = names.flatMap((name) => [...document.querySelectorAll(name)]);
      if (!names.every((name) => customElements.get(name))) return false;
      await Promise.all(elements.map((element) => element.updateComplete));
      return elements.every((element) => element.shadowRoot?.childElementCount);
    }, tags);
    while (pending.size || Date.now() - lastChange < QUIET_MS) await page.waitForTimeout(100);
    if (errors.length) throw new Error(`${url}: ${errors.join('; ')}`);
    return (await Promise.all(finished)).filter((request) => request.url !== url && !request.url.endsWith('/favicon.ico'));
  } finally {
    await context.close();
  }
}
