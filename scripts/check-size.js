// Size budgets, gzip: what a page downloads for each way of using the library (`npm run build` first).
//
// The script tag: pages as an organiser writes them (one `<script type="module" src=".../off-layer.js">` and the
// elements), served from `dist/` gzipped, loaded in Chromium. Counted: every request the page makes until its
// widgets have rendered (scripts/page-weight.js), the page's own HTML left out, each by the bytes that came over the
// wire. `off-layer.js` loads each element's code from `dist/off-layer/` on first use, so a page pays for what it
// shows; the HTTP store comes only with `store="https://…"`, checked here on a board given a real reference server.
// No page loads what only writes need before anyone writes: a server's form token, the outbox and the code that
// sends writes (a fresh visitor has none pending), and the modules of validation (the form's checks, the field
// messages, valibot and the model's rules), found in whichever chunk holds them (scripts/chunk-modules.js); the rules
// only on the server's page, whose HTTP store checks what it reads with them (src/storage/read-checks.ts). The pages
// are in English; French strings are modules of their own, which a French page loads along with each element's code.
//
// Through a bundler: a page with one element imports its define module from the bundler build (`dist/<tag>.js`,
// Lit a shared dependency). esbuild bundles it with code splitting, Lit included, and the page pays for the entry
// chunk and every chunk it imports statically, which includes the default `idb` store. Not counted: the chunks only
// a dynamic `import()` reaches (the HTTP store, validation loaded on the first write, the badge's SVG file, French
// strings, the calendar writer). Each file is gzipped on its own, as a browser downloads it.
//
// `target` is the issue's figure (issue 15 for the script tag, issue 5 for the bundler pages), printed as met or
// missed; `budget` fails the check. Where the target is not reached, the budget is the size reached, rounded up by
// about 0.5 KB, so that the check still catches regressions without pretending the target is met. The split reached
// badge 14.78, board 20.95 and all four 41.71 KB on ed2b555; the network's features (issues 13 and 14: host events,
// places, organisers, lineage, the seed browser) then grew the pages faster than they were trimmed, and the budgets
// below are what the sessions of 2026-12-06 reached (badge 16.67, board 22.66, all four 40.91, seed browser 21.22,
// server board 32.19, bundler 21.10/16.03), rounded up; shared loaders (LoadOnce, LoadedOnPress) then added up to 0.15 KB.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { existsSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { modulesByChunk } from './chunk-modules.js';
import { launchChromium } from './chromium.js';
import { pageWeight } from './page-weight.js';
import { serveStatic } from './static-site.js';
import { testServersPlugin } from './test-servers.js';

const KB = 1024;
const SCRIPT_TAG = 'dist/off-layer.js';
/** The HTTP store's chunk in `dist/off-layer/`. */
const HTTP_STORE_CHUNK = /\/off-layer\/http-[\w-]+\.js$/;
/** What only writes need: a server's form token. */
const FORM_TOKEN = /\/form-token$/;
/**
 * Modules only writes need: the form's checks and the field messages of refused writes, loaded on the first focus in a
 * form; the outbox and what sends writes to a server or keeps them for a local store, loaded on the first write, or
 * when writes are pending.
 */
const WRITES_ONLY_MODULES =
  /^src\/(elements\/off-contribute-form\/form-checks|model\/field-messages|storage\/(validation-error|form-token|outbox|outbox-tables|outbox-sender|outbox-store|pending-entry|pending-writes|batch-planner|http-writes|http-delivery|http-write-plan))\.ts$/;
/** The validation rules, which writes need, and the HTTP store's read checks. */
const VALIDATION_RULES_MODULES = /^(src\/model\/validate\.ts|node_modules\/valibot\/)/;
/**
 * Modules for a click, or for something to show that none of the pages measured has (their boards have no side
 * events, their card no seed): the calendar writer, the QR code's SVG file, the board's JSON-LD, a lineage.
 */
const ON_FIRST_USE_MODULES =
  /^src\/(elements\/off-side-event-board\/calendar|model\/ics|elements\/off-event-badge\/qr-file|model\/jsonld|model\/lineage|elements\/off-seed-card\/lineage-picture)\.ts$/;

const ALL_FOUR = [
  '<off-event-badge event="g21"></off-event-badge>',
  '<off-side-event-board event="g21"></off-side-event-board>',
  '<off-contribute-form event="g21"></off-contribute-form>',
  '<off-seed-card seed="no-such-seed"></off-seed-card>',
].join('\n');

const SCRIPT_TAG_PAGES = [
  { name: 'script tag, a page with only the badge', body: () => '<off-event-badge event="g21"></off-event-badge>', target: 14, budget: 17.0 },
  { name: 'script tag, a page with only the board', body: () => '<off-side-event-board event="g21"></off-side-event-board>', target: 20, budget: 23.0 },
  { name: 'script tag, a page with all four elements', body: () => ALL_FOUR, target: 40, budget: 41.3 },
  { name: 'script tag, a page with the seed browser', body: () => '<off-seed-browser event="g21"></off-seed-browser>', budget: 21.7 },
  {
    name: 'script tag, the board on a reference server',
    body: (api) => `<off-side-event-board event="g21" store="${api}"></off-side-event-board>`,
    budget: 32.7,
    usesServer: true,
    // A phone's HTTP/1.1 opens six connections to a host: with more files on the way to it, the list request queued
    // behind the chunks (150 ms on the phone bench before 3dc8903, when validation was split into 11 files).
    maxFiles: 9,
  },
];

const BUNDLER_PAGES = [
  { name: 'bundler, a page with only the board', entry: 'dist/off-side-event-board.js', target: 20, budget: 21.5 },
  { name: 'bundler, a page with only the badge', entry: 'dist/off-event-badge.js', target: 14, budget: 16.4 },
];

const hostPage = (body) =>
  `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Host page</title>\n<script type="module" src="/off-layer.js"></script></head>\n<body>\n${body}\n</body>\n</html>\n`;

const tagsIn = (html) => [...new Set(html.match(/<off-[a-z-]+/g).map((tag) => tag.slice(1)))];

/** Each script-tag page as Chromium loads it: `{ name, budget, bytes, files, problem? }`. */
async function scriptTagPages() {
  const chunkModules = await modulesByChunk();
  const servers = testServersPlugin();
  const serverCommand = (payload) => servers.executeCommand({ command: 'off-server', payload });
  const { url: api } = await serverCommand({ action: 'start' });
  const pages = Object.fromEntries(SCRIPT_TAG_PAGES.map((page, index) => [`/page-${index}.html`, hostPage(page.body(api))]));
  const site = await serveStatic({ root: 'dist', pages });
  const browser = await launchChromium();
  try {
    const results = [];
    for (const [index, page] of SCRIPT_TAG_PAGES.entries()) {
      const path = `/page-${index}.html`;
      let requests;
      try {
        requests = await pageWeight(browser, `${site.url}${path}`, tagsIn(pages[path]));
      } catch (error) {
        results.push({ ...page, bytes: 0, files: [], problem: `not measured: ${error.message}` });
        continue;
      }
      const loadsHttpStore = requests.some((request) => HTTP_STORE_CHUNK.test(request.url));
      const chunks = requests.flatMap(({ url }) => (url.startsWith(`${site.url}/off-layer/`) ? [url.slice(site.url.length + 1)] : []));
      const stale = chunks.filter((chunk) => !chunkModules.has(chunk));
      const modules = chunks.flatMap((chunk) => chunkModules.get(chunk) ?? []);
      const writesOnly = [
        ...requests.filter(({ url }) => FORM_TOKEN.test(url)).map(() => 'a form token'),
        ...modules.filter((module) => WRITES_ONLY_MODULES.test(module) || (!page.usesServer && VALIDATION_RULES_MODULES.test(module))),
      ];
      let problem = loadsHttpStore === Boolean(page.usesServer) ? undefined : loadsHttpStore ? 'loads the HTTP store' : 'never loads the HTTP store';
      if (writesOnly.length) problem = `loads what only writes need, before anyone writes (${writesOnly.join(', ')})`;
      if (requests.length > (page.maxFiles ?? Infinity)) problem = `${requests.length} requests, more than ${page.maxFiles}: on a phone (HTTP/1.1, six connections) the list may wait for a free one`;
      const early = modules.filter((module) => ON_FIRST_USE_MODULES.test(module));
      if (early.length) problem = `loads what only a click or something to show needs (${early.join(', ')})`;
      if (stale.length) problem = `${stale.join(', ')} not built from this source: run \`npm run build\``;
      const files = requests.map(({ url, bytes }) => `${url.replace(site.url, '').replace(api, '{api}').replace(/^\/off-layer\//, '')} ${(bytes / KB).toFixed(1)}`);
      results.push({ ...page, bytes: requests.reduce((sum, { bytes }) => sum + bytes, 0), files, problem });
    }
    return results;
  } finally {
    await browser.close();
    await site.close();
    await servers.serverStop();
  }
}

const esbuildOptions = {
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  write: false,
  legalComments: 'none',
  logLevel: 'error',
};

/** A module of the default store: proof that a bundler page's count includes it. */
const DEFAULT_STORE_MODULE = 'node_modules/idb-keyval/';

/** Output files reachable from `start` through static imports. */
function staticClosure(outputs, start, into = new Set()) {
  if (into.has(start)) return into;
  into.add(start);
  for (const imported of outputs[start].imports) {
    if (imported.kind === 'import-statement') staticClosure(outputs, imported.path, into);
  }
  return into;
}

async function bundlerPage({ entry }) {
  const result = await build({ ...esbuildOptions, entryPoints: [entry], splitting: true, outdir: 'size-check', metafile: true });
  const outputs = result.metafile.outputs;
  const paths = Object.keys(outputs);
  const counted = staticClosure(outputs, paths.find((path) => outputs[path].entryPoint === entry));
  const countsDefaultStore = [...counted].some((path) => Object.keys(outputs[path].inputs).some((input) => input.includes(DEFAULT_STORE_MODULE)));
  const contents = new Map(result.outputFiles.map((file) => [relative(process.cwd(), file.path), file.contents]));
  const sizes = [...counted].map((path) => [path.replace('size-check/', ''), gzipSync(contents.get(path), { level: 9 }).length]);
  const problem = countsDefaultStore ? undefined : `the default store (${DEFAULT_STORE_MODULE}) is not among the files counted`;
  return {
    bytes: sizes.reduce((sum, [, bytes]) => sum + bytes, 0),
    files: sizes.map(([name, bytes]) => `${name} ${(bytes / KB).toFixed(1)}`),
    problem,
  };
}

const missing = [SCRIPT_TAG, ...BUNDLER_PAGES.map(({ entry }) => entry)].filter((file) => !existsSync(file));
if (missing.length) {
  console.error(`✗ ${missing.join(', ')} missing: run \`npm run build\` first`);
  if (process.env.OFF_COUNT_FILE) writeFileSync(process.env.OFF_COUNT_FILE, JSON.stringify({ passed: 0, failed: 1 }));
  process.exit(1);
}

const results = [...(await scriptTagPages())];
for (const page of BUNDLER_PAGES) results.push({ ...page, ...(await bundlerPage(page)) });

let failed = 0;
const missed = [];
for (const { name, target, budget, bytes, files, problem } of results) {
  const kb = bytes / KB;
  const ok = kb <= budget && !problem;
  if (!ok) failed += 1;
  const measured = files.length > 0;
  if (target && (kb > target || !measured)) missed.push(name);
  const targetNote = !target || !measured ? '' : kb <= target ? `; target ${target} KB met` : `; target ${target} KB missed by ${(kb - target).toFixed(2)} KB`;
  console.log(`${ok ? '✓' : '✗'} ${name}: ${kb.toFixed(2)} KB gzip in ${files.length} file(s) (budget ${budget} KB${targetNote})${problem ? `: ${problem}` : ''}`);
  console.log(`    ${files.join(', ')}`);
}
console.log(`size budgets: ${results.length - failed} passed, ${failed} failed`);
if (missed.length) console.log(`issue targets not reached yet: ${missed.join('; ')}`);
if (process.env.OFF_COUNT_FILE) writeFileSync(process.env.OFF_COUNT_FILE, JSON.stringify({ passed: results.length - failed, failed }));
process.exit(failed ? 1 : 0);
