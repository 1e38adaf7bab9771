// `npm start`: the demo event site served by the reference server on SQLite, its widgets on the HTTP
// store, so two browsers see the same #OFF layer. Plants the demo summit on a first start.
import { spawn, execSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Seed } from '../src/model/records.js';
import { DEMO_EVENT, ORIGIN_SEED, sampleSeeds, sampleSideEvents } from '../demo/sample-data.js';

execSync('npx vite build --logLevel warn', { stdio: 'inherit' });

const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', '--static', 'demo-dist', ...process.argv.slice(2)], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));

const url = await new Promise<string>((resolve) => {
  createInterface({ input: server.stdout! }).on('line', (line) => {
    console.log(line);
    const match = /listening on (\S+)/.exec(line);
    if (match) resolve(match[1]!);
  });
});

async function post(path: string, body: unknown): Promise<{ record: Seed }> {
  const response = await fetch(`${url}/api/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`planting the demo failed: ${response.status} ${await response.text()}`);
  return response.json();
}

const existing = (await (await fetch(`${url}/api/events/${DEMO_EVENT}/side-events`)).json()) as unknown[];
if (existing.length === 0) {
  for (const sideEvent of sampleSideEvents()) await post('side-events', sideEvent);
  const { record: origin } = await post('seeds', ORIGIN_SEED);
  for (const seed of sampleSeeds(origin.id)) await post('seeds', seed);
  console.log('planted the demo summit (first start)');
}
console.log(`\nThe demo event site: ${url}/  (stop with Ctrl+C)`);
