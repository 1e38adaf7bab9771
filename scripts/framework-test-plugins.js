// Web Test Runner plugins for the framework integration tests (test/integration): React as ES modules,
// and .vue and .svelte components compiled on request, as the frameworks' Vite plugins would.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { nodeResolvePlugin } from '@web/dev-server';
import { build } from 'esbuild';
import { compile } from 'svelte/compiler';
import { compileScript, parse } from 'vue/compiler-sfc';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * React ships CommonJS only. Each entry is served as an ES module that re-exports, by name, its part
 * of one esbuild bundle of all the entries, so React and react-dom share one React.
 */
export function reactAsEsm(entries = ['react', 'react-dom/client', 'react/jsx-runtime']) {
  const prefix = '/__react-as-esm__/';
  const bundlePath = `${prefix}bundle.js`;
  let bundle;
  return {
    name: 'react-as-esm',
    resolveImport({ source }) {
      if (entries.includes(source)) return `${prefix}${source}.js`;
    },
    async serve({ path }) {
      if (path === bundlePath) {
        bundle ??= bundleEntries(entries);
        return { body: await bundle, type: 'js' };
      }
      const index = entries.findIndex((entry) => path === `${prefix}${entry}.js`);
      if (index >= 0) return { body: reexportEntry(entries[index], `entry${index}`, bundlePath), type: 'js' };
    },
  };
}

async function bundleEntries(entries) {
  const contents = entries.map((entry, index) => `export * as entry${index} from '${entry}';`).join('\n');
  const result = await build({
    stdin: { contents, resolveDir: projectRoot },
    bundle: true,
    format: 'esm',
    write: false,
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

// In a child process: React's development build, loaded in the runner, trips over its console capture.
function exportNames(entry) {
  const script = `console.log(JSON.stringify(Object.keys(require(${JSON.stringify(entry)}))))`;
  const names = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: projectRoot, encoding: 'utf8' }));
  return names.filter((name) => IDENTIFIER.test(name) && name !== 'default');
}

function reexportEntry(entry, exportName, bundlePath) {
  const names = exportNames(entry);
  return `import { ${exportName} as entry } from '${bundlePath}';
export default entry.default;
export const { ${names.join(', ')} } = entry;
`;
}

/**
 * Compiles `.vue` single-file components (`<script setup>` and a template) with the `template`
 * options of `@vitejs/plugin-vue`; `vue` resolves to its browser build, free of bundler flags.
 */
export function vueComponents({ template = {} } = {}) {
  return {
    name: 'vue-components',
    resolveImport({ source }) {
      if (source === 'vue') return '/node_modules/vue/dist/vue.runtime.esm-browser.js';
    },
    resolveMimeType({ path }) {
      if (path.endsWith('.vue')) return 'js';
    },
    transform({ path, body }) {
      if (!path.endsWith('.vue')) return;
      const { descriptor, errors } = parse(body, { filename: path, templateParseOptions: template.compilerOptions });
      if (errors.length) throw new Error(`${path}: ${errors.map((error) => error.message).join('\n')}`);
      const script = compileScript(descriptor, { id: path, inlineTemplate: true, templateOptions: template });
      return { body: script.content };
    },
  };
}

/**
 * Compiles `.svelte` files on request, in runes mode (what new Svelte 5 projects use); a compiler
 * warning fails the request, so a deprecated or ambiguous snippet cannot pass. Svelte's client
 * runtime, and `esm-env` that tells it it runs in a browser, sit behind the `browser` export condition,
 * which the runner's own resolution (for every other test) does not use.
 */
export function svelteComponents() {
  const browserResolve = nodeResolvePlugin(projectRoot, false, { exportConditions: ['browser', 'development'] });
  return {
    name: 'svelte-components',
    serverStart: (args) => browserResolve.serverStart(args),
    resolveImport(args) {
      if (/^(svelte|esm-env)(\/|$)/.test(args.source)) return browserResolve.resolveImport(args);
    },
    resolveMimeType({ path }) {
      if (path.endsWith('.svelte')) return 'js';
    },
    transform({ path, body }) {
      if (!path.endsWith('.svelte')) return;
      const { js, warnings } = compile(body, { filename: path, generate: 'client', runes: true, dev: true });
      if (warnings.length) throw new Error(`${path}: ${warnings.map((warning) => warning.message).join('\n')}`);
      return { body: js.code };
    },
  };
}
