import { defaultReporter, summaryReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fileURLToPath } from 'node:url';
import { chromiumPath, CHROMIUM_ARGS } from './scripts/chromium.js';
import { countReporter } from './scripts/count-reporter.js';
import { testServersPlugin } from './scripts/test-servers.js';
import { reactAsEsm, svelteComponents, vueComponents } from './scripts/framework-test-plugins.js';

export default {
  files: ['test/**/*.test.ts', '!test/server/**', '!test/e2e/**', '!test/node/**'],
  nodeResolve: true,
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
  browsers: [chromeLauncher({ launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS } })],
  reporters: [
    defaultReporter(),
    summaryReporter({ flatten: false }),
    ...(process.env.OFF_COUNT_FILE ? [countReporter(process.env.OFF_COUNT_FILE)] : []),
  ],
};
