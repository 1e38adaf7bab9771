import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { minifyCssLiterals } from './scripts/minify-css-literals.js';
import { staticImports } from './scripts/static-imports.js';

const root = import.meta.dirname;
const DEMO_PAGES = ['index', 'venue', 'contribute', 'seeds', 'theming'];
const ELEMENTS = ['off-event-badge', 'off-side-event-board', 'off-seed-card', 'off-contribute-form'];

/** Lit and the small libraries stay shared dependencies in the bundler build. */
const isDependency = (id: string) => /^(lit|lit-html|lit-element|@lit\/[^/]+|idb-keyval|valibot|lean-qr)(\/|$)/.test(id);

/** Both library builds write into `dist/` side by side (scripts/build.js runs them in turn). */
const DIST = { outDir: 'dist', emptyOutDir: false, target: 'es2022' } as const;

export default defineConfig(({ mode }) => {
  if (mode === 'bundle') {
    // The script-tag bundle: one self-contained ES module, Lit included, that registers every element.
    return {
      plugins: [minifyCssLiterals(), staticImports()],
      build: {
        ...DIST,
        minify: true,
        lib: { entry: resolve(root, 'src/off-layer.ts'), formats: ['es'], fileName: () => 'off-layer.js' },
        rolldownOptions: { output: { codeSplitting: false, minify: true } },
      },
    };
  }
  if (mode === 'lib') {
    return {
      plugins: [minifyCssLiterals()],
      build: {
        ...DIST,
        minify: false,
        lib: {
          entry: {
            index: resolve(root, 'src/index.ts'),
            model: resolve(root, 'src/model/index.ts'),
            storage: resolve(root, 'src/storage/index.ts'),
            ...Object.fromEntries(ELEMENTS.map((tag) => [tag, resolve(root, `src/elements/${tag}/define.ts`)])),
          },
          formats: ['es'],
        },
        rolldownOptions: {
          external: isDependency,
          output: { chunkFileNames: 'chunks/[name]-[hash].js' },
        },
      },
    };
  }
  // The demo event site: `vite` serves it on the embedded `idb` store, `vite build` makes it a static site.
  const demo = resolve(root, 'demo');
  return {
    root: demo,
    publicDir: false,
    server: { port: 5173, fs: { allow: [root] } },
    build: {
      outDir: resolve(root, 'demo-dist'),
      emptyOutDir: true,
      target: 'es2022',
      rolldownOptions: {
        input: Object.fromEntries(DEMO_PAGES.map((page) => [page, resolve(demo, `${page}.html`)])),
      },
    },
  };
});
