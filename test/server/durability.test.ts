import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { call, createDatabase, startServer, tempDir, type ServerOptions } from './harness.js';
import { sideEventInput, uniqueName } from '../storage/fixtures.js';

const WRITERS = 16;

/**
 * Writes from many concurrent clients, SIGKILLs the server once `killAfter`
 * writes were acknowledged, restarts it on the same data and checks that every
 * acknowledged record is there, intact.
 */
async function killMidWrites(options: ServerOptions, killAfter = 150): Promise<void> {
  const event = uniqueName('kill');
  let server = await startServer(options);
  const acknowledged = new Map<string, unknown>();
  let attempts = 0;
  let killing: Promise<void> | undefined;

  const writer = async (writerIndex: number) => {
    while (!killing) {
      attempts += 1;
      try {
        const reply = await call(`${server.api}/side-events`, { method: 'POST', json: sideEventInput({ event, title: `Write ${writerIndex}-${attempts}` }) });
        if (reply.status === 201) acknowledged.set(reply.body.record.id, reply.body.record);
      } catch {
        // The connection died with the server: this write was never acknowledged.
      }
      if (acknowledged.size >= killAfter && !killing) killing = server.kill();
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, (_, index) => writer(index)));
  await killing;
  assert.equal(server.child.signalCode, 'SIGKILL');
  assert.ok(acknowledged.size >= killAfter);
  assert.ok(attempts > acknowledged.size, 'writes were in flight when the server died');

  server = await startServer(options);
  try {
    const listed = (await call(`${server.api}/side-events?event=${event}`)).body as { id: string }[];
    const listedById = new Map(listed.map((record) => [record.id, record]));
    const lost = [...acknowledged.keys()].filter((id) => !listedById.has(id));
    assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.size} acknowledged writes lost`);
    for (const [id, record] of acknowledged) assert.deepEqual(listedById.get(id), record);
    assert.ok(listed.length <= attempts, 'nothing appears that was not sent');
    const afterRestart = await call(`${server.api}/side-events`, { method: 'POST', json: sideEventInput({ event }) });
    assert.equal(afterRestart.status, 201, 'writes work again after the restart');
  } finally {
    assert.equal(await server.stop(), 0);
  }
}

describe('a server killed with SIGKILL in the middle of writes', { timeout: 180_000 }, () => {
  it('loses no acknowledged write on SQLite, and the database opens cleanly', async () => {
    const dataDir = tempDir();
    await killMidWrites({ dataDir });
    const db = new Database(join(dataDir, 'off-layer.sqlite'), { readonly: true });
    try {
      assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
      assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    } finally {
      db.close();
    }
  });

  it('loses no acknowledged write on PostgreSQL', async () => {
    const database = await createDatabase();
    try {
      await killMidWrites({ databaseUrl: database.url });
    } finally {
      await database.drop();
    }
  });
});
