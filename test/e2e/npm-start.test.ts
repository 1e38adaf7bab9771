// End to end: `npm start` as a newcomer runs it, when its port is already taken (a second `npm start` left
// running in another terminal, another program on 8787).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { listenOnLoopback } from './loopback.js';

test('npm start on a port already in use stops at once and says which port and what to do', async () => {
  const busy = createServer();
  const port = await listenOnLoopback(busy);
  const dataDir = mkdtempSync(join(tmpdir(), 'off-layer-start-'));
  const start = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--port', String(port), '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so that the server it starts goes with it whatever happens
  });
  let output = '';
  start.stdout.on('data', (chunk) => (output += chunk));
  start.stderr.on('data', (chunk) => (output += chunk));
  try {
    const code = await new Promise<number | null | 'still running'>((resolve) => {
      const timer = setTimeout(() => resolve('still running'), 60000);
      start.once('exit', (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    assert.equal(code, 1, `npm start exits with 1 (it was ${code}); it printed:\n${output}`);
    assert.match(output, new RegExp(`Could not listen on 127\\.0\\.0\\.1:${port}`));
    assert.match(output, /uses this port: stop it, or choose another port/);
    assert.match(output, /npm start -- --port 9000/);
    assert.doesNotMatch(output, /at Server\.setupListenHandle/, 'no stack trace for a port in use');
  } finally {
    try {
      process.kill(-start.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
    busy.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
