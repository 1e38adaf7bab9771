import { defaultReporter, summaryReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fileURLToPath } from 'node:url';
import { chromiumPath, CHROMIUM_ARGS } from './scripts/chromium.js';
import { countReporter } from './scripts/count-reporter.js';
import { firefoxLauncher } from './scripts/firefox.js';
import { freePort } from './scripts/free-port.js';
import { webkitLauncher } from './scripts/webkit.js';
import { testServersPlugin } from './scripts/test-servers.js';
import { reactAsEsm, svelteComponents, vueComponents } from './scripts/framework-test-plugins.js';

// OFF_BROWSER picks the engine: Chromium (the default) runs every browser test, Firefox and WebKit the elements'.
// A few files need what only some launchers can do, and say why: *.chromium.test.ts (print media emulation, CDP)
// and *.puppeteer.test.ts (a viewport narrower than WebKit MiniBrowser's smallest window).
const elements = ['test/elements/**/*.test.ts', '!test/elements/**/*.chromium.test.ts'];
// `npm test` runs Chromium's storage tests in a browser of their own (OFF_TESTS=storage), beside the others (OFF_TESTS=others).
const STORAGE_TESTS = 'test/storage/**/*.test.ts';
const chromiumTests = {
  storage: [STORAGE_TESTS],
  others: ['test/**/*.test.ts', `!${STORAGE_TESTS}`],
  all: ['test/**/*.test.ts'],
}[process.env.OFF_TESTS ?? 'all'];
if (!chromiumTests) throw new Error(`OFF_TESTS=${process.env.OFF_TESTS}: expected storage or others`);
const engines = {
  chromium: {
    files: [...chromiumTests, '!test/server/**', '!test/e2e/**', '!test/node/**', '!test/build/**'],
    launcher: () => chromeLauncher({ launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS } }),
  },
  firefox: { files: elements, launcher: firefoxLauncher },
  webkit: { files: [...elements, '!test/elements/**/*.puppeteer.test.ts'], launcher: webkitLauncher },
};
const engine = engines[process.env.OFF_BROWSER ?? 'chromium'];
if (!engine) throw new Error(`OFF_BROWSER=${process.env.OFF_BROWSER}: expected one of ${Object.keys(engines).join(', ')}`);

export default {
  files: engine.files,
  nodeResolve: true,
  // `npm test` runs two engines at once: each run's dev server on a port of its own, not the first free one from 8000.
  port: await freePort(),
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 10 * 60 * 1000,
  browserStartTimeout: 60000,
  plugins: [
    esbuildPlugin({ ts: true, tsx: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    // Real reference servers (SQLite, and PostgreSQL on OFF_TEST_DATABASE_URL) for the HTTP store's tests.
    testServersPlugin(),
    // React, Vue and Svelte for test/integration, which runs the README's snippets.
    reactAsEsm(),
    // The README's vite.config.js options for Vue.
    vueComponents({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('off-') } } }),
    svelteComponents(),
  ],
  browsers: [engine.launcher()],
  reporters: [
    defaultReporter(),
    summaryReporter({ flatten: false }),
    ...(process.env.OFF_COUNT_FILE ? [countReporter(process.env.OFF_COUNT_FILE)] : []),
  ],
};
