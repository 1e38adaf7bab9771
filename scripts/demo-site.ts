// The demo event site served by the reference server: shared by `npm start` and the end-to-end tests.
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { DEMO_EVENT, ORIGIN_SEED, plantNetwork, previousSideEvents, sampleSeeds, sampleSideEvents } from '../demo/sample-data.js';
import { KIND_SEGMENTS, type Seed } from '../src/model/records.js';
import { readyFormToken } from './form-token.js';

/**
 * Where `npm start` builds the demo for the reference server: not demo-dist/, the static build's folder
 * (`npm run build:demo`), so that building one never changes what the other serves.
 */
export const SERVED_DEMO_DIR = 'node_modules/.cache/off-layer/demo-site';

/** Builds the demo to be served by the reference server: its pages use the server's store (demo/main.ts). */
export function buildDemoSite(): void {
  execSync(`npx vite build --logLevel warn --outDir ${resolve(SERVED_DEMO_DIR)}`, { stdio: 'inherit', env: { ...process.env, VITE_OFF_DEMO_SERVER: '1' } });
}

export interface RunningServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `off-layer-server --static` on the demo built by buildDemoSite() and resolves once it prints where it listens. */
export function startDemoServer(args: string[] = [], env: NodeJS.ProcessEnv = process.env, echo = false): Promise<RunningServer> {
  return startServer(['--static', SERVED_DEMO_DIR, ...args], env, echo);
}

/**
 * Starts `off-layer-server` from the sources and resolves once it prints where it listens. When it stops
 * first (its port or its data folder in use…), its own message has said why and what to change; the
 * rejection adds how `npm start` takes the server's options: after `--`.
 */
export function startServer(args: string[], env: NodeJS.ProcessEnv = process.env, echo = false): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env,
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`off-layer-server stopped before listening (exit code ${code}), for the reason above. Its options go after --: npm start -- --port 9000`)),
    );
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (echo) console.log(line);
      const match = /listening on (\S+)/.exec(line);
      if (match) resolve({ url: match[1]!, process: child, stop });
    });
  });
}

async function post(url: string, path: string, body: unknown, formToken: string): Promise<{ record: Seed }> {
  const response = await fetch(`${url}/api/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Off-Form-Token': formToken },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`planting the demo failed: ${response.status} ${await response.text()}`);
  return response.json() as Promise<{ record: Seed }>;
}

/** Plants the demo summit through the public API when the server holds none of it yet; returns whether it did. */
export async function plantDemo(url: string): Promise<boolean> {
  const existing = (await (await fetch(`${url}/api/events/${DEMO_EVENT}/side-events`)).json()) as unknown[];
  if (existing.length > 0) return false;
  const token = await readyFormToken(`${url}/api`);
  const ids = await plantNetwork(async (kind, input) => (await post(url, KIND_SEGMENTS[kind], input, token)).record);
  for (const sideEvent of [...previousSideEvents(ids), ...sampleSideEvents(new Date(), ids)]) await post(url, 'side-events', sideEvent, token);
  const { record: origin } = await post(url, 'seeds', ORIGIN_SEED, token);
  for (const seed of sampleSeeds(origin.id)) await post(url, 'seeds', seed, token);
  return true;
}
