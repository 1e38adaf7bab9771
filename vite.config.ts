import { posix, resolve } from 'node:path';
import type { ChunkingContext, OutputBundle, OutputChunk, PreRenderedChunk } from 'rolldown';
import { defineConfig, type Plugin } from 'vite';
import { collapseTemplateWhitespace } from './scripts/collapse-template-whitespace.js';
import { compileLitDecorators } from './scripts/lit-decorators.js';
import { minifyCssLiterals } from './scripts/minify-css-literals.js';

const root = import.meta.dirname;
const DEMO_PAGES = ['index', 'venue', 'contribute', 'seeds', 'theming'];
const ELEMENTS = ['off-event-badge', 'off-side-event-board', 'off-seed-card', 'off-contribute-form', 'off-seed-browser'];

/** Lit and the small libraries stay shared dependencies in the bundler build. */
const isDependency = (id: string) => /^(lit|lit-html|lit-element|@lit\/[^/]+|idb-keyval|valibot|lean-qr)(\/|$)/.test(id);

/** The script-tag entry and the folder of its chunks, both in `dist/`. */
const SCRIPT_TAG_ENTRY = 'off-layer.js';
const SCRIPT_TAG_CHUNKS = 'off-layer';

const DEFINE_MODULE = /[\\/]elements[\\/]([^/\\]+)[\\/]define\.ts$/;

const HTTP_STORE_MODULE = /[\\/]storage[\\/]http\.ts$/;

/**
 * An element's chunk is named after its tag (`off-layer/off-event-badge-[hash].js`), which makes a page's requests
 * readable; the HTTP store's is `http`, whichever module loads it.
 */
function scriptTagChunkName({ name, facadeModuleId, moduleIds }: PreRenderedChunk): string {
  const named = DEFINE_MODULE.exec(facadeModuleId ?? '')?.[1] ?? (moduleIds.some((id) => HTTP_STORE_MODULE.test(id)) ? 'http' : name);
  return `${SCRIPT_TAG_CHUNKS}/${named}-[hash].js`;
}

/** The tags whose define module imports `id`, directly or not. */
function tagsUsing(id: string, ctx: ChunkingContext): string[] {
  const importers = new Set([id]);
  for (const module of importers) for (const importer of ctx.getModuleInfo(module)?.importers ?? []) importers.add(importer);
  return [...importers].flatMap((module) => DEFINE_MODULE.exec(module)?.[1] ?? []);
}

/**
 * Code shared by elements goes into two chunks rather than one per combination of elements: fewer files, each
 * compressed with more context. `core` (Lit, the stores, the shared controllers) is what the badge, the smallest
 * page, shares with another element; `widgets` what the board, the most common page, shares with another but the
 * badge. What the board does not use (licences, for the seed card and the form) is left out of both, so that a
 * board page does not download it. What loads on first use (the HTTP store, validation…) keeps chunks of its own.
 */
function sharedChunk(id: string, ctx: ChunkingContext): string | null {
  const tags = tagsUsing(id, ctx);
  if (tags.length < 2) return null;
  if (tags.includes('off-event-badge')) return 'core';
  return tags.includes('off-side-event-board') ? 'widgets' : null;
}

const VALIDATION_MODULE = /([\\/]node_modules[\\/]valibot[\\/]|[\\/]src[\\/]model[\\/](validate|iso-date-time|canonical-url|line|commons|ids)\.ts$)/;

/**
 * Validation (valibot, the model's rules and the small model modules they use) is one chunk: every part of it is
 * needed together, by a server's page checking what it reads as by a form's first write, and rolldown would otherwise
 * split the small ones into files of their own, requests that wait for a free connection on a phone's HTTP/1.1. What
 * an element imports itself stays with the element's code.
 */
function validationChunk(id: string, ctx: ChunkingContext): string | null {
  return VALIDATION_MODULE.test(id) && tagsUsing(id, ctx).length === 0 ? 'validate' : null;
}

/** The chunks `file` imports statically, directly or not. */
function staticImportsOf(bundle: OutputBundle, file: string): string[] {
  const found = new Set([file]);
  for (const chunk of found) for (const imported of (bundle[chunk] as OutputChunk).imports) found.add(imported);
  return [...found].slice(1);
}

/**
 * On the way to a server's list on screen, besides an element's code: the HTTP store, the checks of what it reads, and
 * where writes are pending, its writes (`http-writes`, with the outbox), whose pending records the list shows.
 */
const FIRST_RENDER_CHUNK = /\/(http|http-writes|read-checks)-[\w-]+\.js$/;

/**
 * The autoloader imports an element's chunk, and a chunk the HTTP store or its read checks, together with the chunks
 * those import that the importing chunk has not loaded yet, instead of the browser finding them one level at a time
 * as each arrives: one round trip per level less before a board on a server shows its list, on slow venue Wi-Fi (the
 * HTTP store, the read checks and the rules, the outbox where writes are pending), and for a returning visitor one
 * disk read less. Other dynamic imports (writes, downloads) are left as they are: listing a chunk's name costs every
 * page bytes. The code changes after the chunks are named, only by names of chunks, whose hashes cover what they import.
 */
function importChunksTogether(): Plugin {
  return {
    name: 'off-layer:import-chunks-together',
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const loaded = new Set([chunk.fileName, ...staticImportsOf(bundle, chunk.fileName)]);
        const load = (file: string) => `import(\`./${posix.relative(posix.dirname(chunk.fileName), file)}\`)`;
        for (const target of chunk.dynamicImports) {
          const along = staticImportsOf(bundle, target).filter((file) => !loaded.has(file));
          if (!along.length || (chunk.fileName !== SCRIPT_TAG_ENTRY && !FIRST_RENDER_CHUNK.test(`/${target}`))) continue;
          if (!chunk.code.includes(load(target))) throw new Error(`${chunk.fileName}: no ${load(target)} to load its chunks with`);
          const together = `Promise.all([${[target, ...along].map(load).join(',')}]).then(m=>m[0])`;
          chunk.code = chunk.code.replaceAll(load(target), () => together);
        }
      }
    },
  };
}

/** Both library builds write into `dist/` side by side (scripts/build.js runs them in turn). */
const DIST = { outDir: 'dist', emptyOutDir: false, target: 'es2022' } as const;

export default defineConfig(({ mode }) => {
  if (mode === 'bundle') {
    // The script tag: `off-layer.js`, the autoloader, and beside it the folder `off-layer/` of the chunks it loads
    // (Lit included), all imported by relative URLs, so the pair works from any folder or CDN path it is copied to.
    return {
      plugins: [compileLitDecorators(), collapseTemplateWhitespace(), minifyCssLiterals(), importChunksTogether()],
      build: {
        ...DIST,
        minify: true,
        lib: { entry: resolve(root, 'src/off-layer.ts'), formats: ['es'], fileName: () => SCRIPT_TAG_ENTRY },
        rolldownOptions: {
          output: {
            chunkFileNames: scriptTagChunkName,
            codeSplitting: {
              groups: [
                // First what elements share, so that validation's chunk does not take what they import too (a group
                // takes the modules its own modules import).
                { name: sharedChunk, debugName: 'shared', priority: 2 },
                { name: validationChunk, debugName: 'validation', priority: 1 },
              ],
            },
            minify: true,
            // Tree-shaking marks (`/* @__PURE__ */`) would otherwise stay in the minified chunks: up to 0.25 KB gzip a page.
            comments: { annotation: false, legal: false, jsdoc: false },
          },
        },
      },
    };
  }
  if (mode === 'lib') {
    return {
      plugins: [compileLitDecorators(), collapseTemplateWhitespace(), minifyCssLiterals()],
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
