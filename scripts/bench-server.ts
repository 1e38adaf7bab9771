// `npm run bench:server`: requests per second and p99 latency of the reference server, on SQLite and on
// PostgreSQL, for (a) creating 10,000 side events in one host event and (b) listing that event, next to
// baselines measured in the same run by Node's plain `http` doing the same from memory.
// Every server runs in its own process; autocannon loads them from this one.
// Env: OFF_BENCH_SECONDS (each list round, default 5), OFF_BENCH_COUNT (default 10000),
// OFF_TEST_DATABASE_URL (a role that may create databases; PostgreSQL is not measured without it).
import autocannon from 'autocannon';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { benchSideEvent, launch, stop, type Child } from './bench-processes.js';
import { readyFormToken } from './form-token.js';

const COUNT = Number(process.env.OFF_BENCH_COUNT ?? 10_000);
const SECONDS = Number(process.env.OFF_BENCH_SECONDS ?? 5);
const ROUNDS = 3;
/** Concurrent clients creating; listing uses fewer, as each answer is megabytes and two cores serve and load at once. */
const CONNECTIONS = 10;
const LIST_CONNECTIONS = 2;
const EVENT = 'bench';
const SELF = fileURLToPath(import.meta.url);

const sideEventInput = (index: number) => benchSideEvent(EVENT, index, 'bench');

/** The baseline: plain node:http keeping side events in an array, listing with JSON.stringify per request. */
function baselineServer(listFile: string): void {
  const sideEvents: unknown[] = JSON.parse(readFileSync(listFile, 'utf8'));
  const created: unknown[] = [];
  const server = createServer((request, response) => {
    if (request.method === 'POST') {
      let body = '';
      request.setEncoding('utf8');
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        const record = { ...JSON.parse(body), id: crypto.randomUUID(), createdAt: new Date().toISOString() };
        created.push(record);
        response.writeHead(201, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ record }));
      });
      return;
    }
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify(sideEvents));
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address() as { port: number };
    console.log(`off-layer server listening on http://127.0.0.1:${address.port}`);
  });
  process.once('SIGTERM', () => server.close());
}

interface Figures {
  label: string;
  rps: number;
  p99: number;
  failures: number;
}

async function load(label: string, options: autocannon.Options): Promise<Figures> {
  console.log(`${label}…`);
  const result = await autocannon({ connections: CONNECTIONS, ...options });
  return {
    label,
    rps: options.amount ? result.requests.total / result.duration : result.requests.average,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

interface Target {
  name: string;
  origin: string;
}

async function create({ name, origin }: Target): Promise<Figures> {
  let next = 0;
  const formToken = await readyFormToken(`${origin}/api`);
  return load(`${name}: POST create side event`, {
    url: `${origin}/api/side-events`,
    amount: COUNT,
    requests: [
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Off-Form-Token': formToken },
        setupRequest: (request) => ({ ...request, body: JSON.stringify(sideEventInput(next++)) }),
      },
    ],
  });
}

/**
 * Lists for SECONDS per round, the targets taking turns for ROUNDS rounds, and keeps each one's
 * best round: a burst of load from elsewhere on the machine then hits them all alike.
 */
async function listInTurns(targets: Target[]): Promise<Figures[]> {
  const best: Figures[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [index, { name, origin }] of targets.entries()) {
      const figures = await load(`${name}: GET list of ${COUNT} side events`, {
        url: `${origin}/api/events/${EVENT}/side-events`,
        duration: SECONDS,
        connections: LIST_CONNECTIONS,
        timeout: 60,
      });
      const failures = (best[index]?.failures ?? 0) + figures.failures;
      best[index] = !best[index] || figures.rps > best[index].rps ? { ...figures, failures } : { ...best[index], failures };
    }
  }
  return best;
}

async function benchDatabase(adminUrl: string, sql: 'CREATE' | 'DROP'): Promise<string> {
  const name = `off_bench_${process.pid}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql === 'CREATE' ? `CREATE DATABASE ${name}` : `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function printTable(rows: { figures: Figures; baseline: Figures }[], listBytes: number): void {
  console.log(`\noff-layer server bench: Node ${process.version}, ${availableParallelism()} CPUs, load average ${loadavg()[0].toFixed(1)};`);
  console.log(`list = ${COUNT} side events, ${(listBytes / 1e6).toFixed(1)} MB of JSON, ${LIST_CONNECTIONS} connections, best of ${ROUNDS} rounds of ${SECONDS} s;`);
  console.log(`creates = ${COUNT} POSTs over ${CONNECTIONS} connections; SQLite synchronous=FULL`);
  console.log('baselines: node:http with the records in memory (JSON.stringify per list, JSON.parse per create)\n');
  const header = ['', 'req/s', 'p99 ms', 'req/s vs baseline', 'p99 vs baseline', 'failed'];
  const table = rows.map(({ figures, baseline }) => [
    figures.label,
    figures.rps.toFixed(1),
    String(figures.p99),
    `${(figures.rps / baseline.rps).toFixed(2)}×`,
    `${(figures.p99 / baseline.p99).toFixed(2)}×`,
    String(figures.failures),
  ]);
  const widths = header.map((_, column) => Math.max(...[header, ...table].map((row) => row[column].length)));
  for (const row of [header, ...table]) console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  '));
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'off-bench-'));
  const adminUrl = process.env.OFF_TEST_DATABASE_URL;
  const running: Child[] = [];
  const start = async (name: string, args: string[], env?: Record<string, string>): Promise<Target> => {
    const child = await launch(args, env);
    running.push(child);
    return { name, origin: child.origin };
  };
  try {
    const servers = [await start('sqlite', ['src/server/cli.ts', '--port', '0', '--data', join(work, 'data')])];
    if (adminUrl) {
      const databaseUrl = await benchDatabase(adminUrl, 'CREATE');
      servers.push(await start('postgres', ['src/server/cli.ts', '--port', '0'], { DATABASE_URL: databaseUrl }));
    }
    const creates = [];
    for (const server of servers) creates.push(await create(server));
    const list = await (await fetch(`${servers[0].origin}/api/events/${EVENT}/side-events`)).text();
    if ((JSON.parse(list) as unknown[]).length !== COUNT) throw new Error(`expected ${COUNT} side events in the list`);
    const listFile = join(work, 'list.json');
    writeFileSync(listFile, list);
    const baseline = await start('baseline node:http', [SELF, '--baseline', listFile]);
    const baselineCreate = await create(baseline);
    const [baselineList, ...lists] = await listInTurns([baseline, ...servers]);

    const rows = [baselineList, ...lists].map((figures) => ({ figures, baseline: baselineList }));
    rows.push(...[baselineCreate, ...creates].map((figures) => ({ figures, baseline: baselineCreate })));
    printTable(rows, Buffer.byteLength(list));
    if (!adminUrl) console.log('\nPostgreSQL not measured: set OFF_TEST_DATABASE_URL to a role that may create databases (see docs/server.md).');
    if (rows.some(({ figures }) => figures.failures > 0)) process.exitCode = 1;
  } finally {
    await Promise.all(running.map(stop));
    if (adminUrl) await benchDatabase(adminUrl, 'DROP');
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--baseline') baselineServer(process.argv[3]);
else await main();
