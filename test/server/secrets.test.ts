import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { call, startServer, tempDir } from './harness.js';
import { seedInput, uniqueName } from '../storage/fixtures.js';

const SECRET = 'a-secret-for-tests-0123456789abcdef';
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('server secret and proof of work', { timeout: 120_000 }, () => {
  it('keeps its generated secret in the database: a create retried after a restart gets the same edit token', async () => {
    const dataDir = tempDir();
    const key = crypto.randomUUID();
    const send = (api: string) =>
      call(`${api}/seeds`, { method: 'POST', json: seedInput({ event: uniqueName('ev') }), headers: { 'Idempotency-Key': key } });
    let server = await startServer({ dataDir });
    const first = await send(server.api);
    assert.equal(first.status, 201, first.text);
    await server.stop();
    server = await startServer({ dataDir });
    try {
      const again = await send(server.api);
      assert.equal(again.status, 201, again.text);
      assert.equal(again.body.editToken, first.body.editToken);
    } finally {
      await server.stop();
    }
  });

  it('takes OFF_SECRET instead: servers sharing it accept each other’s form tokens, and a short one is refused', async () => {
    const [a, b] = await Promise.all([startServer({ env: { OFF_SECRET: SECRET } }), startServer({ env: { OFF_SECRET: SECRET } })]);
    const other = await startServer();
    try {
      const { body } = await call(`${a.api}/form-token`);
      await wait(body.waitMs);
      const create = (api: string) =>
        call(`${api}/seeds`, { method: 'POST', json: seedInput({ event: uniqueName('ev') }), headers: { 'X-Off-Form-Token': body.token } });
      assert.equal((await create(b.api)).status, 201);
      assert.equal((await create(other.api)).body.error.code, 'form-token');
      // Signed with the secret, as the server signs them: good for an hour, not longer.
      const issuedAgo = (ms: number) => {
        const issuedAt = (Date.now() - ms).toString(36);
        return `${issuedAt}.${createHmac('sha256', SECRET).update(`off-layer form token\0${issuedAt}`).digest('base64url')}`;
      };
      const withToken = (token: string) =>
        call(`${a.api}/seeds`, { method: 'POST', json: seedInput({ event: uniqueName('ev') }), headers: { 'X-Off-Form-Token': token } });
      assert.equal((await withToken(issuedAgo(59 * 60_000))).status, 201, 'a slow phone');
      assert.equal((await withToken(issuedAgo(61 * 60_000))).body.error.code, 'form-token', 'expired');
    } finally {
      await Promise.all([a.stop(), b.stop(), other.stop()]);
    }
    const short = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/cli.ts'], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: '', OFF_SECRET: 'too-short' },
    });
    assert.equal(short.status, 2);
    assert.match(short.stderr, /OFF_SECRET must be at least 32 characters/);
  });

  it('with --proof-of-work, gives a form token only for a solved ALTCHA challenge', async () => {
    const server = await startServer({ args: ['--proof-of-work'] });
    try {
      const tokenFor = (proofOfWork?: unknown) => call(`${server.api}/form-token`, { method: 'POST', json: { proofOfWork } });
      const { body } = await call<{ challenge: Challenge }>(`${server.api}/form-token`);
      assert.equal(body.challenge.parameters.algorithm, 'SHA-256');
      assert.equal('token' in body, false);
      assert.equal((await tokenFor()).body.error.code, 'proof-of-work');
      const solution = await solveChallenge({ challenge: body.challenge, deriveKey });
      assert.ok(solution);
      const tampered = { ...body.challenge, parameters: { ...body.challenge.parameters, keyPrefix: '00' } };
      assert.equal((await tokenFor({ challenge: tampered, solution })).status, 403);
      assert.equal((await tokenFor({ challenge: body.challenge, solution: { ...solution, counter: solution.counter + 1 } })).status, 403);

      const solved = await tokenFor({ challenge: body.challenge, solution });
      assert.equal(solved.status, 200, solved.text);
      await wait(solved.body.waitMs);
      const created = await call(`${server.api}/seeds`, {
        method: 'POST',
        json: seedInput({ event: uniqueName('ev') }),
        headers: { 'X-Off-Form-Token': solved.body.token },
      });
      assert.equal(created.status, 201, created.text);
    } finally {
      await server.stop();
    }
  });
});
