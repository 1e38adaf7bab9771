// `npm run bench:crowd`: the festival figures of issue 15 for the reference server (SQLite), next to a plain
// node:http server handing out the same list precompressed from memory, measured in the same run:
// - bytes a board downloads for an event of 1,500 and of 10,000 side events: first visit, return visit with nothing
//   changed, return visit after 10 new side events (real HTTP requests, Accept-Encoding: br, gzip; headers counted);
// - lists served per second and p99 with 20 and 200 concurrent clients, full answers and If-None-Match;
// - 1,000 open live streams and one new side event: time until the last stream has it, and the server's memory;
// - for the narrowing decision: the same bytes for 50,000 side events, and how long the server takes to read and
//   compress such a list again after a change.
// - a phone on emulated 4G (1.6 Mbps, 150 ms): time to the first side event of a script-tag board of 1,500 side events
//   and what it downloads, first visit and return visits, next to the list alone fetched under the same emulation
//   (bench/phone-visits.ts; the script tag is built into a temporary folder first); and on the same phone, a venue's
//   badge page next to the same page with 2.7 KB more script: what a kilobyte of script costs there.
// Env: OFF_BENCH_SECONDS (each throughput run, default 4), OFF_BENCH_SIZES (default 1500,10000),
// OFF_BENCH_LARGE (default 50000; 0 leaves it out), OFF_BENCH_ONLY=phone (only the phone rows, about 10 s with the build).
import autocannon from 'autocannon';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip, gzipSync } from 'node:zlib';
import { openStreams, residentMegabytes } from '../test/server/live-crowd.js';
import { rawGet, type RawReply } from '../test/server/raw-http.js';
import { badgePages, badgeVisits, boardPageFolder, phoneVisits, type BadgeVisits } from '../bench/phone-visits.js';
import { benchSideEvent, launch, stop, type Child } from './bench-processes.js';

const SECONDS = Number(process.env.OFF_BENCH_SECONDS ?? 4);
const ROUNDS = 3;
const SIZES = (process.env.OFF_BENCH_SIZES ?? '1500,10000').split(',').map(Number);
const LARGE = Number(process.env.OFF_BENCH_LARGE ?? 50_000);
const ONLY_PHONE = process.env.OFF_BENCH_ONLY === 'phone';
const CONNECTIONS = [20, 200];
/** About the distance between the badge page (script tag) and its 14 KB target, compressed: added to measure what it costs. */
const BADGE_PADDING_KB = 2.7;
const BADGE_ROUNDS = 5;
const STREAMS = 1000;
const ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef';
const ACCEPT = 'br, gzip';
const SELF = fileURLToPath(import.meta.url);

const sideEventInput = (event: string, index: number) => benchSideEvent(event, index, 'festival');

/** The baseline: node:http with one list, compressed once at start, negotiated by a plain substring test, and a 304. */
async function baselineServer(origin: string, path: string): Promise<void> {
  const identity = Buffer.from(await (await fetch(`${origin}${path}`)).arrayBuffer());
  const [br, gz] = await Promise.all([
    promisify(brotliCompress)(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }),
    promisify(gzip)(identity),
  ]);
  // The caching headers any server of a public list sends; not the CORS ones or X-Off-Cursor, which are off-layer's own.
  const caching = { ETag: '"baseline"', 'Cache-Control': 'public, max-age=5', Vary: 'Accept-Encoding' };
  const server = createServer((incoming, response) => {
    if (incoming.headers['if-none-match'] === caching.ETag) {
      response.writeHead(304, caching);
      response.end();
      return;
    }
    const accept = incoming.headers['accept-encoding'] ?? '';
    const [body, encoding] = accept.includes('br') ? [br, 'br'] : accept.includes('gzip') ? [gz, 'gzip'] : [identity, undefined];
    response.writeHead(200, { 'Content-Type': 'application/json', ...caching, ...(encoding && { 'Content-Encoding': encoding }) });
    response.end(body);
  });
  server.listen(0, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${(server.address() as { port: number }).port}`));
  process.once('SIGTERM', () => server.close());
}

/** Creates side events through the API, 1,000 to a batch, with the admin token (an import: no form token). */
async function plant(api: string, event: string, from: number, count: number): Promise<unknown[]> {
  const records: unknown[] = [];
  for (let start = from; start < from + count; start += 1000) {
    const inputs = Array.from({ length: Math.min(1000, from + count - start) }, (_, index) => sideEventInput(event, start + index));
    const response = await fetch(`${api}/events/${event}/side-events/batch`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ records: inputs }),
    });
    if (response.status !== 201) throw new Error(`batch create answered ${response.status}: ${await response.text()}`);
    records.push(...((await response.json()) as { results: { record: unknown }[] }).results.map((result) => result.record));
  }
  return records;
}

/** What a visit downloads: status line, headers and body. */
const received = (reply: RawReply) => reply.headBytes + reply.bytes.length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

interface Visits {
  size: number;
  identity: number;
  gzipped: number;
  first: number;
  unchanged: number;
  unchanged304: number;
  tenRecords: number;
  afterTen: number;
  rebuildMs: number;
}

/** A board's visits, as the HTTP store makes them: the list, then ?since=<its cursor>; the 304 for comparison. */
async function visits(api: string, size: number): Promise<Visits> {
  const event = `festival-${size}`;
  await plant(api, event, 0, size);
  const listUrl = `${api}/events/${event}/side-events`;
  const identity = await rawGet(listUrl);
  const first = await rawGet(listUrl, { 'Accept-Encoding': ACCEPT });
  const cursor = String(first.headers['x-off-cursor']);
  const unchanged = await rawGet(`${listUrl}?since=${cursor}`, { 'Accept-Encoding': ACCEPT });
  const unchanged304 = await rawGet(listUrl, { 'Accept-Encoding': ACCEPT, 'If-None-Match': String(first.headers.etag) });
  const ten = await plant(api, event, size, 10);
  const afterTen = await rawGet(`${listUrl}?since=${cursor}`, { 'Accept-Encoding': ACCEPT });
  if (afterTen.status !== 200 || (JSON.parse(afterTen.text) as { puts: unknown[] }).puts.length !== 10) throw new Error('expected 10 puts');
  const started = performance.now();
  await rawGet(listUrl, { 'Accept-Encoding': ACCEPT });
  const rebuildMs = performance.now() - started;
  return {
    size,
    identity: identity.bytes.length,
    gzipped: gzipSync(identity.bytes).length,
    first: received(first),
    unchanged: received(unchanged),
    unchanged304: received(unchanged304),
    tenRecords: Buffer.byteLength(JSON.stringify(ten)),
    afterTen: received(afterTen),
    rebuildMs,
  };
}

interface Throughput {
  label: string;
  rps: number;
  p99: number;
  /** The server's CPU time per request (user and system, every thread): what the machine's other load does not change. */
  cpuMicros: number;
  failures: number;
}

/** CPU time a process has used, in ms (Linux: /proc/<pid>/stat, in clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function load(label: string, target: Child, path: string, connections: number, headers: Record<string, string>, expected: number): Promise<Throughput> {
  console.log(`${label}…`);
  const pid = target.process.pid!;
  const cpuBefore = cpuMs(pid);
  const result = await autocannon({ url: `${target.origin}${path}`, connections, duration: SECONDS, headers, timeout: 60 });
  const wrong = Object.entries(result.statusCodeStats ?? {}).filter(([code]) => Number(code) !== expected).reduce((sum, [, stats]) => sum + (stats.count ?? 0), 0);
  return {
    label,
    rps: result.requests.average,
    p99: result.latency.p99,
    cpuMicros: ((cpuMs(pid) - cpuBefore) * 1000) / Math.max(1, result.requests.total),
    failures: wrong + result.errors + result.timeouts,
  };
}

/** The better of two runs: the one that served more (a burst of load from elsewhere on the machine hits one run). */
function best(a: Throughput | undefined, b: Throughput): Throughput {
  if (!a) return b;
  const better = b.rps > a.rps ? b : a;
  return { ...better, cpuMicros: Math.min(a.cpuMicros, b.cpuMicros), failures: a.failures + b.failures };
}

function table(header: string[], rows: string[][]): void {
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column].length)));
  for (const row of [header, ...rows]) console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  '));
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'off-bench-crowd-'));
  const running: Child[] = [];
  try {
    if (!ONLY_PHONE) await serverRows(work, running);
    await phoneRows(work, running);
  } finally {
    await Promise.all(running.map(stop));
    rmSync(work, { recursive: true, force: true });
  }
}

/** The server's rows: bytes per visit, lists served per second, live streams. */
async function serverRows(work: string, running: Child[]): Promise<void> {
  const server = await launch(['src/server/cli.ts', '--port', '0', '--data', join(work, 'data')], { OFF_ADMIN_TOKEN: ADMIN_TOKEN });
  running.push(server);
  const api = `${server.origin}/api`;
  const measured: Visits[] = [];
  for (const size of [...SIZES, ...(LARGE ? [LARGE] : [])]) {
    console.log(`planting ${size} side events…`);
    measured.push(await visits(api, size));
  }

  const throughput: { ours: Throughput; baseline: Throughput }[] = [];
  for (const size of SIZES) {
    const path = `/api/events/festival-${size}/side-events`;
    const baseline = await launch([SELF, '--baseline', server.origin, path]);
    running.push(baseline);
    const etags = await Promise.all([server, baseline].map(async ({ origin }) => String((await rawGet(`${origin}${path}`, { 'Accept-Encoding': ACCEPT })).headers.etag)));
    for (const connections of CONNECTIONS) {
      for (const conditional of [false, true]) {
        const mode = conditional ? 'If-None-Match → 304' : 'full list';
        // The two servers take turns, ROUNDS times, each keeping its best run.
        let ours: Throughput | undefined;
        let plain: Throughput | undefined;
        for (let round = 0; round < ROUNDS; round += 1) {
          for (const [index, target] of [server, baseline].entries()) {
            const headers = { 'Accept-Encoding': ACCEPT, ...(conditional && { 'If-None-Match': etags[index] }) };
            const label = `${size} side events, ${connections} clients, ${mode}`;
            const run = await load(`${index === 0 ? 'off-layer' : 'node:http'}: ${label}`, target, path, connections, headers, conditional ? 304 : 200);
            if (index === 0) ours = best(ours, { ...run, label });
            else plain = best(plain, { ...run, label });
          }
        }
        throughput.push({ ours: ours!, baseline: plain! });
      }
    }
    await stop(baseline);
    running.pop();
  }

  const event = 'festival-live';
  const before = residentMegabytes(server.process.pid!);
  const streams = await openStreams(`${api}/events/${event}/stream`, STREAMS);
  const open = residentMegabytes(server.process.pid!);
  const started = performance.now();
  const [record] = (await plant(api, event, 0, 1)) as { id: string }[];
  const lastMs = await streams.allReceived(record.id, started);
  const after = residentMegabytes(server.process.pid!);
  streams.close();

  console.log(`\noff-layer crowd bench: Node ${process.version}, ${availableParallelism()} CPUs, load average ${loadavg()[0].toFixed(1)}; SQLite; Accept-Encoding: ${ACCEPT}`);
  console.log('bytes include the status line and headers; "gzipped" is the list JSON through gzip -6; return visits ask ?since=<cursor> as the HTTP store does\n');
  table(
    ['side events', 'list JSON', 'gzipped', 'first visit', '≤ 1.1× gz', 'return, unchanged', '(304 instead)', 'return, 10 new', '≤ 2 KB + 10', 'read+compress'],
    measured.map((each) => [
      String(each.size),
      kb(each.identity),
      kb(each.gzipped),
      kb(each.first),
      each.first <= 1.1 * each.gzipped ? 'yes' : 'NO',
      `${each.unchanged} B`,
      `${each.unchanged304} B`,
      kb(each.afterTen),
      each.afterTen <= 2048 + each.tenRecords ? `yes (${kb(2048 + each.tenRecords)})` : 'NO',
      `${each.rebuildMs.toFixed(0)} ms`,
    ]),
  );
  console.log(`\nlists served: best of ${ROUNDS} runs of ${SECONDS} s each, the two servers taking turns, autocannon in this process;`);
  console.log('node:http = the same list precompressed in memory; CPU = the server process\'s CPU time per request\n');
  table(
    ['', 'req/s', 'p99 ms', 'CPU µs', 'node:http req/s', 'p99 ms', 'CPU µs', 'req/s ratio', '≥ 0.5×', 'CPU ratio', 'failed'],
    throughput.map(({ ours, baseline }) => [
      ours.label,
      ours.rps.toFixed(0),
      String(ours.p99),
      ours.cpuMicros.toFixed(0),
      baseline.rps.toFixed(0),
      String(baseline.p99),
      baseline.cpuMicros.toFixed(0),
      `${(ours.rps / baseline.rps).toFixed(2)}×`,
      ours.rps >= 0.5 * baseline.rps ? 'yes' : 'NO',
      `${(baseline.cpuMicros / ours.cpuMicros).toFixed(2)}×`,
      String(ours.failures + baseline.failures),
    ]),
  );
  console.log(`\n${STREAMS} open streams of one event, one new side event: the last stream had it after ${lastMs.toFixed(0)} ms;`);
  console.log(`server RSS ${before.toFixed(0)} MB before the streams, ${open.toFixed(0)} MB with them open, ${after.toFixed(0)} MB after the side event`);
  if (throughput.some(({ ours, baseline }) => ours.failures + baseline.failures > 0)) process.exitCode = 1;
}

/** The phone rows, on a server of its own serving a script-tag page with one board (`--static`). */
async function phoneRows(work: string, running: Child[]): Promise<void> {
  const scriptTag = join(work, 'script-tag');
  execFileSync('npx', ['vite', 'build', '--mode', 'bundle', '--logLevel', 'warn', '--outDir', scriptTag], { stdio: 'inherit' });
  const event = 'phone';
  const folder = boardPageFolder(event, scriptTag);
  badgePages(folder, event, BADGE_PADDING_KB);
  const site = await launch(['src/server/cli.ts', '--port', '0', '--data', join(work, 'phone-data'), '--static', folder], {
    OFF_ADMIN_TOKEN: ADMIN_TOKEN,
  });
  running.push(site);
  const api = `${site.origin}/api`;
  await plant(api, event, 0, 1500);
  const phone = await phoneVisits(site.origin, event, async () => void (await plant(api, event, 1500, 10)));
  console.log('\na phone on emulated 4G (1.6 Mbps down, 150 ms latency), script-tag board of 1,500 side events, one browser profile kept between visits:\n');
  const floor = phone[0].firstSideEventMs;
  const goals = [undefined, 2000, 500, 500];
  table(
    ['', 'first side event', '× the list alone', 'goal', 'script bytes', 'data bytes'],
    phone.map((row, index) => [
      row.visit,
      `${row.firstSideEventMs} ms`,
      `${(row.firstSideEventMs / floor).toFixed(2)}×`,
      goals[index] === undefined ? '' : `< ${goals[index]} ms: ${row.firstSideEventMs < goals[index]! ? 'yes' : 'NO'}`,
      kb(row.scriptBytes),
      kb(row.dataBytes),
    ]),
  );
  const { plain, padded } = await badgeVisits(site.origin, BADGE_ROUNDS);
  const added = padded.scriptBytes - plain.scriptBytes;
  console.log(`\na venue's badge page (embedded default store) on the same phone, ${BADGE_ROUNDS} first visits each, alternated with the same page given more script:\n`);
  const range = ({ minMs, maxMs }: BadgeVisits) => `${minMs}-${maxMs} ms`;
  table(
    ['', 'QR code and count on screen (median)', 'range', 'script bytes'],
    [
      ['the badge page', `${plain.ms} ms`, range(plain), kb(plain.scriptBytes)],
      [`the same with ${kb(added)} more`, `${padded.ms} ms`, range(padded), kb(padded.scriptBytes)],
      ['difference', `${padded.ms - plain.ms} ms`, '', kb(added)],
    ],
  );
}

if (process.argv[2] === '--baseline') await baselineServer(process.argv[3], process.argv[4]);
else await main();
