// `node scripts/size-report.js <entry>`: what an entry weighs once bundled and minified, by package and folder (to find what to cut).
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
const entry = process.argv[2];
const r = await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', target: 'es2022', write: false, metafile: true, tsconfig: 'tsconfig.json', legalComments: 'none', logLevel: 'error' });
console.log('total gz', (gzipSync(r.outputFiles[0].contents).length/1024).toFixed(1), 'KB, min', (r.outputFiles[0].contents.length/1024).toFixed(1));
const inputs = Object.entries(r.metafile.outputs[Object.keys(r.metafile.outputs)[0]].inputs);
const groups = {};
for (const [file, {bytesInOutput}] of inputs) {
  const key = file.includes('node_modules') ? file.split('node_modules/')[1].split('/').slice(0, file.includes('node_modules/@') ? 2 : 1).join('/') : file.split('/').slice(0, 3).join('/');
  groups[key] = (groups[key] ?? 0) + bytesInOutput;
}
for (const [k, v] of Object.entries(groups).sort((a, b) => b[1] - a[1])) console.log(String((v/1024).toFixed(1)).padStart(6), k);
