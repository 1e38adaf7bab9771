// The modules in each chunk of the script tag's build (`dist/off-layer/`), for checks that care what a page loaded
// rather than how its chunks are named: made again in memory from the same config (about a second), so the file
// names, hashes included, are those of an up-to-date `npm run build`.
import { relative } from 'node:path';
import { build } from 'vite';

/** `Map` of a chunk's path in `dist/` (`off-layer/core-[hash].js`) to its modules, relative to the project. */
export async function modulesByChunk() {
  const modules = new Map();
  const collect = {
    name: 'modules-by-chunk',
    generateBundle(_, bundle) {
      for (const [file, chunk] of Object.entries(bundle)) {
        if (chunk.type === 'chunk') modules.set(file, Object.keys(chunk.modules).map((id) => relative(process.cwd(), id)));
      }
    },
  };
  await build({ configFile: 'vite.config.ts', mode: 'bundle', logLevel: 'error', build: { write: false, emptyOutDir: false }, plugins: [collect] });
  return modules;
}
