// Size budgets over the built files, gzip: what a page pays for each way of using the library.
// Each entry is bundled with everything it imports (Lit included), minified, then gzipped.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { existsSync, writeFileSync } from 'node:fs';

const KB = 1024;
const BUDGETS = [
  { name: 'script-tag bundle, all four elements', entry: 'dist/off-layer.js', limit: 24 * KB },
  { name: 'a page with only the board', entry: 'dist/off-side-event-board.js', limit: 20 * KB },
  { name: 'a page with only the badge', entry: 'dist/off-event-badge.js', limit: 14 * KB },
];

async function gzippedSize(entry) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    legalComments: 'none',
    logLevel: 'error',
  });
  return gzipSync(result.outputFiles[0].contents, { level: 9 }).length;
}

let failed = 0;
for (const { name, entry, limit } of BUDGETS) {
  if (!existsSync(entry)) {
    console.error(`✗ ${name}: ${entry} is missing; run \`npm run build\` first`);
    failed += 1;
    continue;
  }
  const size = await gzippedSize(entry);
  const ok = size <= limit;
  if (!ok) failed += 1;
  console.log(`${ok ? '✓' : '✗'} ${name}: ${(size / KB).toFixed(2)} KB gzip (budget ${limit / KB} KB) — ${entry}`);
}
console.log(`size budgets: ${BUDGETS.length - failed} passed, ${failed} failed`);
if (process.env.OFF_COUNT_FILE) writeFileSync(process.env.OFF_COUNT_FILE, JSON.stringify({ passed: BUDGETS.length - failed, failed }));
process.exit(failed ? 1 : 0);
