// `npm run bench:server`: requests per second and p99 latency of the reference server, on SQLite and on
// PostgreSQL, for (a) creating 10,000 side events in one host event and (b) listing that event, next to
// baselines measured in the same run by Node's plain `http` doing the same from memory.
// Every server runs in its own process; autocannon loads them from this one.
// Env: OFF_BENCH_SECONDS (list duration, default 10), OFF_BENCH_COUNT (default 10000),
// OFF_TEST_DATABASE_URL (a role that may create databases; PostgreSQL is not measured without it).
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const COUNT = Number(process.env.OFF_BENCH_COUNT ?? 10_000);
const SECONDS = Number(process.env.OFF_BENCH_SECONDS ?? 10);
/** Concurrent clients creating; listing uses fewer, as each answer is megabytes and two cores serve and load at once. */
const CONNECTIONS = 10;
const LIST_CONNECTIONS = 2;
const EVENT = 'bench';
const SELF = fileURLToPath(import.meta.url);
const ROOT = fileURLToPath(new URL('..', import.meta.url));

function sideEventInput(index: number) {
  return {
    event: EVENT,
    title: `Side event ${index} — « communs » 🌱`,
    description: 'Coffee and the manifesto, read aloud; everyone speaks once before anyone speaks twice.',
    start: new Date(Date.UTC(2030, 5, 12, 6) + index * 60_000).toISOString(),
    place: 'Café du Port, Marseille',
    url: 'https://example.org/breakfast',
    organizer: 'Les Communs',
    tags: [`t${index % 10}`, 'bench'],
  };
}

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

interface Child {
  origin: string;
  process: ChildProcess;
}

function launch(args: string[], env: Record<string, string> = {}): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: ROOT,
    env: { ...process.env, OFF_WRITES_PER_CLIENT: '1000000000', OFF_WRITES_PER_EVENT: '1000000000', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const origin = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (!origin) return;
      child.removeAllListeners('exit');
      child.stdout!.removeAllListeners('data').resume();
      resolve({ origin, process: child });
    });
  });
}

function stop({ process: child }: Child): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
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

/** (a) creates COUNT side events, then (b) lists them for SECONDS. */
async function measure(name: string, origin: string): Promise<{ create: Figures; list: Figures }> {
  let next = 0;
  const create = await load(`${name}: POST create side event`, {
    url: `${origin}/api/side-events`,
    amount: COUNT,
    requests: [
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: JSON.stringify(sideEventInput(next++)) }),
      },
    ],
  });
  const list = await load(`${name}: GET list of ${COUNT} side events`, {
    url: `${origin}/api/events/${EVENT}/side-events`,
    duration: SECONDS,
    connections: LIST_CONNECTIONS,
    timeout: 60,
  });
  return { create, list };
}

async function withPostgresDatabase<T>(adminUrl: string, use: (url: string) => Promise<T>): Promise<T> {
  const name = `off_bench_${process.pid}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return await use(url.toString());
  } finally {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'off-bench-'));
  const rows: { figures: Figures; baseline: Figures }[] = [];
  let listBytes = 0;
  try {
    const sqlite = await launch(['src/server/cli.ts', '--port', '0', '--data', join(work, 'data')]);
    const onSqlite = await measure('sqlite', sqlite.origin);
    const list = await (await fetch(`${sqlite.origin}/api/events/${EVENT}/side-events`)).text();
    listBytes = Buffer.byteLength(list);
    if ((JSON.parse(list) as unknown[]).length !== COUNT) throw new Error(`expected ${COUNT} side events in the list`);
    await stop(sqlite);

    const listFile = join(work, 'list.json');
    writeFileSync(listFile, list);
    const baselineProcess = await launch([SELF, '--baseline', listFile]);
    const baseline = await measure('baseline node:http', baselineProcess.origin);
    await stop(baselineProcess);
    rows.push({ figures: baseline.list, baseline: baseline.list }, { figures: onSqlite.list, baseline: baseline.list });

    const adminUrl = process.env.OFF_TEST_DATABASE_URL;
    const onPostgres = adminUrl
      ? await withPostgresDatabase(adminUrl, async (databaseUrl) => {
          const server = await launch(['src/server/cli.ts', '--port', '0'], { DATABASE_URL: databaseUrl });
          try {
            return await measure('postgres', server.origin);
          } finally {
            await stop(server);
          }
        })
      : undefined;
    if (onPostgres) rows.push({ figures: onPostgres.list, baseline: baseline.list });
    rows.push({ figures: baseline.create, baseline: baseline.create }, { figures: onSqlite.create, baseline: baseline.create });
    if (onPostgres) rows.push({ figures: onPostgres.create, baseline: baseline.create });

    console.log(`\noff-layer server bench: Node ${process.version}, ${availableParallelism()} CPUs, load average ${loadavg()[0].toFixed(1)};`);
    console.log(`list = ${COUNT} side events, ${(listBytes / 1e6).toFixed(1)} MB of JSON, ${LIST_CONNECTIONS} connections for ${SECONDS} s;`);
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
    if (!onPostgres) console.log('\nPostgreSQL not measured: set OFF_TEST_DATABASE_URL to a role that may create databases (see docs/server.md).');
    if (rows.some(({ figures }) => figures.failures > 0)) process.exitCode = 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--baseline') baselineServer(process.argv[3]);
else await main();
