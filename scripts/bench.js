// `npm run bench`: the board at 1,000, 10,000 and 50,000 side events (and the seed browser at 10,000 seeds) in headless Chromium, next to a
// baseline measured in the same run (the same items as one plain full list), and the idb store.
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { launchChromium } from './chromium.js';

const COUNTS = (process.env.OFF_BENCH_COUNTS ?? '1000,10000,50000').split(',').map(Number);
/** Fresh pages per scenario and count: one page's first render varies by half from run to run on a busy machine. */
const RUNS = Number(process.env.OFF_BENCH_RUNS ?? 3);
/** Between the first render and the first keystroke: nobody types the moment a list appears. */
const PAUSE_MS = 300;

const bundle = await build({
  entryPoints: ['bench/board-page.ts'],
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  write: false,
  tsconfig: 'tsconfig.json',
  logLevel: 'error',
});
const script = bundle.outputFiles[0].text;
const page = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title><script type="module" src="/bench.js"></script></head><body></body></html>';

const server = createServer((request, response) => {
  const isScript = request.url === '/bench.js';
  response.writeHead(200, { 'Content-Type': isScript ? 'text/javascript' : 'text/html' });
  response.end(isScript ? script : page);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await launchChromium();

/** Runs one scenario in a fresh page, so heaps and DOMs never mix. */
async function scenario(name, ...args) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  tab.on('pageerror', (error) => console.error(`page error in ${name}: ${error.message}`));
  tab.on('crash', () => console.error(`page crashed in ${name}`));
  await tab.goto(url);
  await tab.waitForFunction(() => 'offBench' in window);
  const result = await tab.evaluate(([scenarioName, scenarioArgs]) => window.offBench[scenarioName](...scenarioArgs), [name, args]);
  const cdp = await context.newCDPSession(tab);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  result.heapMB = metrics.find((metric) => metric.name === 'JSHeapUsedSize').value / 1024 / 1024;
  await context.close();
  return result;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => `${value.toFixed(1)} ms`;
const ratio = (value, baseline) => `${(value / baseline).toFixed(3)}×`;

console.log(`off-layer bench — Chromium headless, ${new Date().toISOString()}`);
console.log('Board = <off-side-event-board> on a memory store; baseline = the same records from the same store, rendered as one plain full list.');
console.log(`First render and heap: median of ${RUNS} fresh pages. A keystroke = setting the filter and rendering the result, typed ${PAUSE_MS} ms after the first render (median of 7 per page, all ${RUNS} pages; the board's 150 ms typing pause is not counted).\n`);

/** Runs a scenario `RUNS` times in fresh pages: the median first render and heap, every keystroke of every run, the most DOM elements seen. */
async function repeated(name, count) {
  const runs = [];
  for (let run = 0; run < RUNS; run += 1) runs.push(await scenario(name, count, PAUSE_MS));
  return {
    firstRender: median(runs.map((each) => each.firstRender)),
    keystrokes: runs.flatMap((each) => each.keystrokes),
    domElements: Math.max(...runs.map((each) => each.domElements)),
    heapMB: median(runs.map((each) => each.heapMB)),
  };
}

const rows = [];
for (const count of COUNTS) {
  const board = await repeated('board', count);
  const plain = await repeated('plain', count);
  const typedAtOnce = await scenario('board', count, 0);
  rows.push({ count, board, plain });
  console.log(`${count.toLocaleString('en')} side events`);
  console.log(`  first render    board ${ms(board.firstRender).padStart(10)}   plain list ${ms(plain.firstRender).padStart(10)}   ratio ${ratio(board.firstRender, plain.firstRender)}`);
  console.log(`  keystroke       board ${ms(median(board.keystrokes)).padStart(10)}   plain list ${ms(median(plain.keystrokes)).padStart(10)}   ratio ${ratio(median(board.keystrokes), median(plain.keystrokes))}  (board, slowest first: ${[...board.keystrokes].sort((a, b) => b - a).slice(0, 7).map((value) => value.toFixed(0)).join(' ')} ms)`);
  console.log(`  keystroke typed the moment the board appears (no pause; folds every search text first): ${ms(typedAtOnce.keystrokes[0])}`);
  console.log(`  DOM elements    board ${String(board.domElements).padStart(10)}   plain list ${String(plain.domElements).padStart(10)}   ratio ${ratio(board.domElements, plain.domElements)}`);
  console.log(`  JS heap         board ${`${board.heapMB.toFixed(1)} MB`.padStart(10)}   plain list ${`${plain.heapMB.toFixed(1)} MB`.padStart(10)}   ratio ${ratio(board.heapMB, plain.heapMB)}\n`);
}

// A venue's board across events, against the plain list of as many records measured above (or now).
const venueBoard = await repeated('venue', 10000);
const plain10k = rows.find((row) => row.count === 10000)?.plain ?? (await repeated('plain', 10000));
console.log('venue board: <off-side-event-board place="…">, 20 events × 500 side events (10,000), with the names of the place and events');
console.log(`  first render    board ${ms(venueBoard.firstRender).padStart(10)}   plain list ${ms(plain10k.firstRender).padStart(10)}   ratio ${ratio(venueBoard.firstRender, plain10k.firstRender)}`);
console.log(`  keystroke       board ${ms(median(venueBoard.keystrokes)).padStart(10)}   (slowest first: ${[...venueBoard.keystrokes].sort((a, b) => b - a).slice(0, 7).map((value) => value.toFixed(0)).join(' ')} ms)`);
console.log(`  DOM elements    board ${String(venueBoard.domElements).padStart(10)}   JS heap ${venueBoard.heapMB.toFixed(1)} MB\n`);

// The seed browser over the commons: every event's seeds, against every seed rendered as one plain list.
const seedBrowser = await repeated('seedBrowser', 10000);
const plainSeeds = await repeated('plainSeeds', 10000);
console.log('seed browser: <off-seed-browser>, 10,000 seeds of 50 events (title, author, tags, text searched)');
console.log(`  first render    browser ${ms(seedBrowser.firstRender).padStart(10)}   plain list ${ms(plainSeeds.firstRender).padStart(10)}   ratio ${ratio(seedBrowser.firstRender, plainSeeds.firstRender)}`);
console.log(`  keystroke       browser ${ms(median(seedBrowser.keystrokes)).padStart(10)}   plain list ${ms(median(plainSeeds.keystrokes)).padStart(10)}   (browser, slowest first: ${[...seedBrowser.keystrokes].sort((a, b) => b - a).slice(0, 7).map((value) => value.toFixed(0)).join(' ')} ms)`);
console.log(`  DOM elements    browser ${String(seedBrowser.domElements).padStart(10)}   plain list ${String(plainSeeds.domElements).padStart(10)}   JS heap ${seedBrowser.heapMB.toFixed(1)} MB\n`);

const idb = await scenario('idb');
console.log('idb store (IndexedDB through idb-keyval) vs raw IndexedDB (one getAll / one transaction, no validation)');
console.log(`  load 10,000      store ${ms(idb.load10k).padStart(10)}   raw ${ms(idb.rawLoad10k).padStart(10)}   ratio ${ratio(idb.load10k, idb.rawLoad10k)}`);
console.log(`  write 1,000      store ${ms(idb.write1k).padStart(10)}   raw ${ms(idb.rawWrite1k).padStart(10)}   ratio ${ratio(idb.write1k, idb.rawWrite1k)}\n`);

const at10k = rows.find((row) => row.count === 10000);
const targets = [
  at10k && ['first render of 10,000 ≤ 1/10 of the plain list', at10k.board.firstRender <= at10k.plain.firstRender / 10],
  at10k && ['filter keystroke < 50 ms at 10,000', Math.max(...at10k.board.keystrokes) < 50],
  ['≤ 1,000 DOM elements at every count', rows.every((row) => row.board.domElements <= 1000)],
  ['venue board (20 × 500): first render ≤ 1/10 of the plain list of 10,000', venueBoard.firstRender <= plain10k.firstRender / 10],
  ['venue board (20 × 500): filter keystroke < 50 ms', Math.max(...venueBoard.keystrokes) < 50],
  ['seed browser (10,000 seeds): first render ≤ 1/10 of the plain list', seedBrowser.firstRender <= plainSeeds.firstRender / 10],
  ['seed browser (10,000 seeds): filter keystroke < 50 ms', Math.max(...seedBrowser.keystrokes) < 50],
  ['seed browser: ≤ 1,000 DOM elements', seedBrowser.domElements <= 1000],
].filter(Boolean);
console.log('Targets');
for (const [label, met] of targets) console.log(`  ${met ? 'met    ' : 'MISSED '} ${label}`);

await browser.close();
server.close();
