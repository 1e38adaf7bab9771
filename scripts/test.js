// `npm test`: every runner, then one line summing them all: "N passed, M failed".
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const work = mkdtempSync(join(tmpdir(), 'off-layer-test-'));
const totals = { passed: 0, failed: 0 };
const NO_COUNTS = () => ({ passed: 0, failed: 0 });

/**
 * Runs a step to its end: `{ name, counts, ok, output }`. Shown live, or `quiet`: its output kept, for printing as one
 * block once done, so that it does not mix with the step shown live meanwhile.
 */
function step(name, command, args, { env = {}, counts = NO_COUNTS, quiet = false } = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    if (!quiet) console.log(`\n=== ${name} ===`);
    const child = spawn(command, args, { stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit', env: { ...process.env, ...env } });
    const chunks = [];
    child.stdout?.on('data', (chunk) => chunks.push(chunk));
    child.stderr?.on('data', (chunk) => chunks.push(chunk));
    child.on('close', (code) => {
      const took = `=== ${name}: ${Math.round((Date.now() - started) / 1000)} s ===\n`;
      if (!quiet) process.stdout.write(took);
      const output = quiet ? `\n=== ${name} ===\n${Buffer.concat(chunks).toString()}${took}` : '';
      resolve({ name, counts: counts(), ok: code === 0, output });
    });
  });
}

function readCounts(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : NO_COUNTS();
}

function add({ name, counts, ok }) {
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  // A runner that failed without reporting a failed test (crash, config error) still counts as one failure.
  if (!ok && counts.failed === 0) totals.failed += 1;
  console.log(`${name}: ${counts.passed} passed, ${counts.failed} failed`);
}

add(await step('type check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']));
// The size budgets and the end-to-end tests are about what ships: build it first.
add(await step('build', 'npm', ['run', 'build', '--silent']));
add(await step('Storybook build (no network, telemetry off)', 'npm', ['run', 'build-storybook', '--silent']));
const sizeCounts = join(work, 'size.json');
add(await step('size budgets (gzip)', process.execPath, ['scripts/check-size.js'], { env: { OFF_COUNT_FILE: sizeCounts }, counts: () => readCounts(sizeCounts) }));

// Chromium runs every browser test, its storage tests in a browser of their own; Firefox ESR and WebKit (what every
// iPhone browser runs) the elements'. Each browser keeps its own storage: tests in two at once do not share a database.
function browserTests(name, engine, { tests, quiet = false } = {}) {
  const counts = join(work, `browser-${engine}-${tests ?? 'all'}.json`);
  return step(`${name} (Web Test Runner)`, 'npx', ['web-test-runner', '--config', 'web-test-runner.config.js'], {
    env: { OFF_BROWSER: engine, OFF_COUNT_FILE: counts, ...(tests ? { OFF_TESTS: tests } : {}) },
    counts: () => readCounts(counts),
    quiet,
  });
}

// node:test writes TAP to a file for counting while the spec reporter shows progress. Skipped and todo
// tests count as failures: a test that does not run proves nothing.
function tapCounts(file) {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const total = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  return { passed: total('pass'), failed: total('fail') + total('cancelled') + total('skipped') + total('todo') };
}

/** The test files of `folder` that `include` keeps. */
const testFiles = (folder, include = () => true) =>
  readdirSync(folder)
    .filter((file) => file.endsWith('.test.ts') && include(file))
    .sort()
    .map((file) => join(folder, file));

function nodeTests(name, files, quiet = false) {
  const tap = join(work, `${name.replace(/\W+/g, '-')}.tap`);
  // One file at a time: the server tests' PostgreSQL restart test must not pull the database from under the others.
  const args = [
    '--import', 'tsx', '--test', '--test-concurrency=1',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`,
    ...files,
  ];
  return step(name, process.execPath, args, { counts: () => tapCounts(tap), quiet });
}

// The reference servers the tests start are the one just built: it starts in a third of the time tsx takes.
process.env.OFF_TEST_BUILT_SERVER = '1';

// Lanes at once. The tests wait on servers, timers and the network far more than they compute (a Chromium run took
// 7 min 20 s for 1 min 27 s of CPU), so they share the 2 cores without waiting on each other; each lane has its own
// browsers, servers, databases and ports (picked by the system). Only the PostgreSQL restart test runs alone, last:
// it would pull the database from under the others.
const RESTARTS_POSTGRES = 'scale-out.test.ts';
const lanes = await Promise.all([
  (async () => [
    await browserTests('browser tests in Chromium, but storage', 'chromium', { tests: 'others' }),
    await nodeTests('end-to-end tests (playwright-core, the demo site in Chromium)', testFiles('test/e2e'), true),
  ])(),
  (async () => [
    await browserTests('storage tests in Chromium', 'chromium', { tests: 'storage', quiet: true }),
    await nodeTests('build tests (node:test, the Vite plugins)', testFiles('test/build'), true),
  ])(),
  (async () => [
    await browserTests('elements in Firefox ESR', 'firefox', { quiet: true }),
    await browserTests('elements in WebKit', 'webkit', { quiet: true }),
  ])(),
  (async () => [
    await nodeTests('server tests (node:test, real server processes on SQLite and PostgreSQL)', testFiles('test/server', (file) => file !== RESTARTS_POSTGRES), true),
  ])(),
]);
for (const { output } of lanes.flat()) process.stdout.write(output);
const restart = await nodeTests('server tests: several processes on one PostgreSQL, restarted', testFiles('test/server', (file) => file === RESTARTS_POSTGRES));
for (const result of [...lanes.flat(), restart]) add(result);

console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 ? 0 : 1);
