// `npm test`: every runner in turn, then one line summing them all: "N passed, M failed".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const work = mkdtempSync(join(tmpdir(), 'off-layer-test-'));
const totals = { passed: 0, failed: 0 };

function run(name, command, args, env = {}) {
  console.log(`\n=== ${name} ===`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
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

const browserCounts = join(work, 'browser.json');
const browserOk = run('browser tests (Web Test Runner, Chromium)', 'npx', ['web-test-runner', '--config', 'web-test-runner.config.js'], {
  OFF_COUNT_FILE: browserCounts,
});
add('browser tests', existsSync(browserCounts) ? JSON.parse(readFileSync(browserCounts, 'utf8')) : { passed: 0, failed: 0 }, browserOk);

// node:test writes TAP to a file for counting while the spec reporter shows progress. Skipped and todo
// tests count as failures: a test that does not run proves nothing.
function tapCounts(file) {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const total = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  return { passed: total('pass'), failed: total('fail') + total('cancelled') + total('skipped') + total('todo') };
}

const serverTap = join(work, 'server.tap');
const serverTests = readdirSync('test/server')
  .filter((name) => name.endsWith('.test.ts'))
  .sort()
  .map((name) => join('test/server', name));
// One file at a time: the PostgreSQL restart test must not pull the database from under the others.
const serverOk = run('server tests (node:test, real server processes on SQLite and PostgreSQL)', process.execPath, [
  '--import', 'tsx', '--test', '--test-concurrency=1',
  '--test-reporter=spec', '--test-reporter-destination=stdout',
  '--test-reporter=tap', `--test-reporter-destination=${serverTap}`,
  ...serverTests,
]);
add('server tests', tapCounts(serverTap), serverOk);

console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 ? 0 : 1);
