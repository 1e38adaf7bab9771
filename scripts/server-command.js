import { join } from 'node:path';

/**
 * The node arguments that start the reference server for the tests, from `root`: the build (`dist/server/cli.js`, the
 * `off-layer-server` people run), which starts in about 150 ms, when `npm test` has just made it
 * (OFF_TEST_BUILT_SERVER=1); otherwise the source through tsx, always current, in about 400 ms.
 */
export function serverCommand(root = '.') {
  return process.env.OFF_TEST_BUILT_SERVER ? [join(root, 'dist/server/cli.js')] : ['--import', 'tsx', join(root, 'src/server/cli.ts')];
}
