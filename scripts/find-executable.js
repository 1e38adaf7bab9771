// Finds a browser or driver installed from Debian (or at the path an environment variable gives): no tool downloads its own.
import { existsSync } from 'node:fs';

/** The first of `candidates` that exists; otherwise says how to install it and exits. */
export function findExecutable(name, candidates, install) {
  const paths = candidates.filter(Boolean);
  const found = paths.find((path) => existsSync(path));
  if (!found) {
    console.error(`${name} not found (looked at: ${paths.join(', ')}).\n${install}`);
    process.exit(1);
  }
  return found;
}
