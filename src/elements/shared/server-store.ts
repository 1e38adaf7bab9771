import { createHttpStore } from '../../storage/http.js';
import type { OffStore } from '../../storage/store.js';

/** Servers that may be reached in clear: this machine, while developing. */
const LOOPBACK = new Set(['localhost', '127.0.0.1']);

/** Why a server address is refused: over `http://` (or `//host` on an http page) edit tokens would travel in clear. */
function clearTextRefusal(spec: string): string | undefined {
  if (!/^(http:)?\/\//i.test(spec)) return undefined;
  let host = '';
  try {
    host = new URL(spec, 'http://localhost/').hostname;
  } catch {
    // Not an address at all: refused below like any other.
  }
  if (LOOPBACK.has(host)) return undefined;
  return `off-layer: store="${spec}" is refused: over http:// or a protocol-relative //address, contributions and their edit tokens could travel in clear. Write https://… (http:// is accepted only for localhost and 127.0.0.1).`;
}

const said = new Set<string>();

/**
 * The store of a server's address, in the HTTP store's chunk: pages that name no server download neither.
 * An address reached in clear is refused, said on the console, and every read of the store fails.
 */
export function serverStore(spec: string): OffStore {
  const refusal = clearTextRefusal(spec);
  if (!refusal) return createHttpStore(spec);
  // Said once: the store tries to load again on each read.
  if (!said.has(spec)) console.error(refusal);
  said.add(spec);
  throw new Error(refusal);
}
