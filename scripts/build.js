// `npm run build`: type declarations, the bundler build, the script tag, the server, and the custom elements manifest.
import { execSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const step = (title, command) => {
  console.log(`\n— ${title}`);
  execSync(command, { stdio: 'inherit' });
};

rmSync('dist', { recursive: true, force: true });
step('type declarations', 'npx tsc -p tsconfig.build.json');
step('bundler build (Lit shared)', 'npx vite build --mode lib --logLevel warn');
step('script tag dist/off-layer.js and the chunks it loads, dist/off-layer/', 'npx vite build --mode bundle --logLevel warn');
step('reference server dist/server (the off-layer-server command)', 'npm run build:server --silent');
step('custom elements manifest', 'npx cem analyze --config custom-elements-manifest.config.mjs');
