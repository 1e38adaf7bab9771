// Size budgets over the built files (`npm run build` first), gzip: what a page downloads for each way of using the library.
//
// What is counted:
// - the script-tag bundle `dist/off-layer.js` is one self-contained, minified file (Lit and every adapter
//   inlined, its `import()`s made static by scripts/static-imports.ts): the file as built, gzipped;
// - a page with one element imports its define module from the bundler build (`dist/<tag>.js`, Lit a
//   shared dependency). esbuild bundles it with code splitting, Lit included, and the page pays for the
//   entry chunk and every chunk it imports statically, which includes the default `idb` store (and the
//   `memory` store it falls back to). Not counted: the chunks only a dynamic `import()` reaches, i.e. the
//   HTTP store (loaded only for `store="https://…"`), record validation with valibot and the stamping of local
//   writes (loaded on the first write; the contribute form imports validation statically), and the badge's SVG file
//   (loaded on the first click of its download button). Each file is gzipped on its own, as a browser downloads it,
//   and the sizes are added.
//
// `target` is the figure (issue 5), printed as met or missed; `budget` fails the check. Where the
// target is not reached, the budget is the size reached, rounded up by about 0.5 KB, so that the check
// still catches regressions without pretending the target is met. The script-tag bundle is there: Lit alone
// is ~7 KB and the four elements with their fr/en strings ~21 KB, and it also carries the HTTP store (~5 KB)
// and valibot, since `store="https://…"` and the contribute form must work from the one file. Without them
// it would still be ~32 KB; 24 KB needs a product decision (see the closing notes of issue 5). Each raise of
// its budget is in the git log of this file, with what it paid for.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';

const KB = 1024;
const PAGES = [
  { name: 'script-tag bundle, all four elements', entry: 'dist/off-layer.js', target: 24, budget: 42.5 },
  { name: 'a page with only the board', entry: 'dist/off-side-event-board.js', target: 20, budget: 20 },
  { name: 'a page with only the badge', entry: 'dist/off-event-badge.js', target: 14, budget: 14 },
];

/** A module of the default store: proof that the page's count includes it. */
const DEFAULT_STORE_MODULE = 'node_modules/idb-keyval/';

const esbuildOptions = {
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  write: false,
  legalComments: 'none',
  logLevel: 'error',
};

function singleFileSize(entry) {
  return { bytes: gzipSync(readFileSync(entry), { level: 9 }).length, files: 1 };
}

/** Output files reachable from `start` through static imports. */
function staticClosure(outputs, start, into = new Set()) {
  if (into.has(start)) return into;
  into.add(start);
  for (const imported of outputs[start].imports) {
    if (imported.kind === 'import-statement') staticClosure(outputs, imported.path, into);
  }
  return into;
}

async function pageSize(entry) {
  const result = await build({ ...esbuildOptions, entryPoints: [entry], splitting: true, outdir: 'size-check', metafile: true });
  const outputs = result.metafile.outputs;
  const paths = Object.keys(outputs);
  const counted = staticClosure(outputs, paths.find((path) => outputs[path].entryPoint === entry));
  const countsDefaultStore = [...counted].some((path) => Object.keys(outputs[path].inputs).some((input) => input.startsWith(DEFAULT_STORE_MODULE)));
  if (!countsDefaultStore) throw new Error(`${entry}: the default store (${DEFAULT_STORE_MODULE}) is not among the files counted`);
  const contents = new Map(result.outputFiles.map((file) => [relative(process.cwd(), file.path), file.contents]));
  let bytes = 0;
  for (const path of counted) bytes += gzipSync(contents.get(path), { level: 9 }).length;
  return { bytes, files: counted.size };
}

let failed = 0;
const results = [];
for (const { name, entry, target, budget } of PAGES) {
  if (!existsSync(entry)) {
    console.error(`✗ ${name}: ${entry} is missing; run \`npm run build\` first`);
    failed += 1;
    continue;
  }
  const { bytes, files } = entry === 'dist/off-layer.js' ? singleFileSize(entry) : await pageSize(entry);
  const kb = bytes / KB;
  const ok = kb <= budget;
  if (!ok) failed += 1;
  const targetNote = kb <= target ? `target ${target} KB met` : `target ${target} KB missed by ${(kb - target).toFixed(2)} KB`;
  console.log(`${ok ? '✓' : '✗'} ${name}: ${kb.toFixed(2)} KB gzip in ${files} file(s) (budget ${budget} KB; ${targetNote}) — ${entry}`);
  results.push({ name, kb, target });
}
console.log(`size budgets: ${PAGES.length - failed} passed, ${failed} failed`);
const missed = results.filter(({ kb, target }) => kb > target);
if (missed.length) console.log(`issue targets not reached yet: ${missed.map(({ name }) => name).join('; ')}`);
if (process.env.OFF_COUNT_FILE) writeFileSync(process.env.OFF_COUNT_FILE, JSON.stringify({ passed: PAGES.length - failed, failed }));
process.exit(failed ? 1 : 0);
