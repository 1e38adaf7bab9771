// `npm test`: every runner in turn, then one line summing them all: "N passed, M failed".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const work = mkdtempSync(join(tmpdir(), 'off-layer-test-'));
const totals = { passed: 0, failed: 0 };

function run(name, command, args, env = {}) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`=== ${name}: ${Math.round((Date.now() - started) / 1000)} s ===`);
  return result.status === 0;
}

function readCounts(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { passed: 0, failed: 0 };
}

function add(name, counts, ok) {
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  // A runner that failed without reporting a failed test (crash, config error) still counts as one failure.
  if (!ok && counts.failed === 0) totals.failed += 1;
  console.log(`${name}: ${counts.passed} passed, ${counts.failed} failed`);
}

const typecheckOk = run('type check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
add('type check', { passed: 0, failed: 0 }, typecheckOk);

// The size budgets and the end-to-end tests are about what ships: build it first.
const buildOk = run('build (npm run build)', 'npm', ['run', 'build', '--silent']);
add('build', { passed: 0, failed: 0 }, buildOk);
const storybookOk = run('Storybook build (no network, telemetry off)', 'npm', ['run', 'build-storybook', '--silent']);
add('Storybook build', { passed: 0, failed: 0 }, storybookOk);
const sizeCounts = join(work, 'size.json');
const sizeOk = run('size budgets (gzip)', process.execPath, ['scripts/check-size.js'], { OFF_COUNT_FILE: sizeCounts });
add('size budgets', readCounts(sizeCounts), sizeOk);

// Chromium runs every browser test; Firefox ESR and WebKit (what every iPhone browser runs) the elements'.
function browserTests(name, engine) {
  const counts = join(work, `browser-${engine}.json`);
  const ok = run(`${name} (Web Test Runner)`, 'npx', ['web-test-runner', '--config', 'web-test-runner.config.js'], {
    OFF_BROWSER: engine,
    OFF_COUNT_FILE: counts,
  });
  add(name, readCounts(counts), ok);
}

browserTests('browser tests in Chromium', 'chromium');
browserTests('elements in Firefox ESR', 'firefox');
browserTests('elements in WebKit', 'webkit');

// node:test writes TAP to a file for counting while the spec reporter shows progress. Skipped and todo
// tests count as failures: a test that does not run proves nothing.
function tapCounts(file) {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const total = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  return { passed: total('pass'), failed: total('fail') + total('cancelled') + total('skipped') + total('todo') };
}

function nodeTests(name, folder) {
  const tap = join(work, `${folder.replace(/\W/g, '-')}.tap`);
  const files = readdirSync(folder)
    .filter((file) => file.endsWith('.test.ts'))
    .sort()
    .map((file) => join(folder, file));
  // One file at a time: the PostgreSQL restart test must not pull the database from under the others.
  const ok = run(name, process.execPath, [
    '--import', 'tsx', '--test', '--test-concurrency=1',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`,
    ...files,
  ]);
  add(name, tapCounts(tap), ok);
}

nodeTests('build tests (node:test, the Vite plugins)', 'test/build');
nodeTests('server tests (node:test, real server processes on SQLite and PostgreSQL)', 'test/server');
nodeTests('end-to-end tests (playwright-core, the demo site in Chromium)', 'test/e2e');

console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 ? 0 : 1);
