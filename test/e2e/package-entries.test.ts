// The package as a bundler user gets it (`npm run build` first): every entry of the exports map, imported
// on a server as frameworks with server-side rendering do (Next.js, Nuxt, SvelteKit, Astro) before the
// browser runs it. Lit's server build stands in for the DOM there, so this holds only while the bundler
// build imports Lit from its packages instead of carrying a browser copy of it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Record<string, string | Record<string, string>> };

/** `off-layer/off-layer.js`, the script-tag bundle, is for browsers only: it carries Lit's browser build. */
const BROWSER_ONLY = new Set(['./off-layer.js']);

const moduleEntries = Object.entries(manifest.exports)
  .filter(([path, target]) => !BROWSER_ONLY.has(path) && (typeof target === 'string' ? target.endsWith('.js') : 'default' in target))
  .map(([path]) => path.replace(/^\./, 'off-layer'));

test('the package has the entries a bundler user imports', () => {
  assert.deepEqual(moduleEntries.sort(), [
    'off-layer',
    'off-layer/model',
    'off-layer/off-contribute-form.js',
    'off-layer/off-event-badge.js',
    'off-layer/off-seed-browser.js',
    'off-layer/off-seed-card.js',
    'off-layer/off-side-event-board.js',
    'off-layer/storage',
  ]);
});

for (const specifier of moduleEntries) {
  test(`${specifier} can be imported on a server`, async () => {
    const imported: Record<string, unknown> = await import(specifier);
    assert.equal(typeof imported, 'object');
  });
}

test('each element entry registers its element, with the class the main entry exports', async () => {
  // Typed as a string: the type check runs before the build that writes the package's declarations.
  const mainEntry: string = 'off-layer';
  const main: Record<string, unknown> = await import(mainEntry);
  for (const [tag, className] of [
    ['off-event-badge', 'OffEventBadge'],
    ['off-side-event-board', 'OffSideEventBoard'],
    ['off-seed-card', 'OffSeedCard'],
    ['off-contribute-form', 'OffContributeForm'],
    ['off-seed-browser', 'OffSeedBrowser'],
  ] as const) {
    await import(`off-layer/${tag}.js`);
    assert.equal(customElements.get(tag), main[className], tag);
  }
});
