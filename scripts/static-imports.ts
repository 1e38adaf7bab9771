// A Vite plugin for the one-file script-tag bundle: with no chunks to load later, each `import('./x.js')` becomes a
// static namespace import. Left dynamic, every module behind it is wrapped in a lazy initialiser, which the one file
// pays for in bytes and gains nothing from.
import type { Plugin } from 'vite';

const DYNAMIC_IMPORT = /(?<!typeof )\bimport\((['"][^'"]+['"])\)/g;

export function staticImports(): Plugin {
  return {
    name: 'off-layer:static-imports',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id)) return null;
      const specifiers: string[] = [];
      const body = code.replace(DYNAMIC_IMPORT, (_, specifier: string) => `Promise.resolve(__static${specifiers.push(specifier) - 1})`);
      if (!specifiers.length) return null;
      const imports = specifiers.map((specifier, index) => `import * as __static${index} from ${specifier};`).join('\n');
      return { code: `${imports}\n${body}`, map: null };
    },
  };
}
