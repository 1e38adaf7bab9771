import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Seed } from '../../src/model/records.js';
import { stampRecord } from '../../src/model/stamp.js';
import { validate } from '../../src/model/validate.js';
import { PostgresDriver } from '../../src/server/postgres-driver.js';
import type { Repository } from '../../src/server/repository.js';
import { SqliteDriver } from '../../src/server/sqlite-driver.js';
import { SqlRepository } from '../../src/server/sql-repository.js';
import { seedInput } from '../storage/fixtures.js';
import { createDatabase, tempDir } from './harness.js';

function newSeed(title: string) {
  const result = validate('seed', seedInput({ title }));
  assert.ok(result.ok);
  return stampRecord(result.value, undefined);
}

/** What the routes cannot reach but a race can: a write that finds nothing, and the change log's view of it. */
async function repositoryBehaviour(repository: Repository): Promise<void> {
  const kept = newSeed('Kept');
  await repository.apply('seed', { op: 'insert', records: [{ record: kept, tokenHash: 'hash' }] });
  const { latest: start } = await repository.logState();

  const gone = { ...newSeed('Gone'), id: 'deleted-meanwhile' };
  const key = { keyHash: 'key-of-a-write-that-found-nothing', response: { status: 200, body: JSON.stringify(gone) } };
  assert.deepEqual(await repository.apply('seed', { op: 'update', record: gone }, key), { status: 'not-found' });
  assert.equal(await repository.savedResponse(key.keyHash), undefined, 'a write that changed nothing keeps no idempotency key');
  assert.equal((await repository.logState()).latest, start, 'and logs no change');

  const renamed = { ...kept, title: 'Renamed' };
  const renameKey = { keyHash: 'rename-key', response: { status: 200, body: JSON.stringify(renamed) } };
  assert.deepEqual(await repository.apply('seed', { op: 'update', record: renamed }, renameKey), { status: 'applied', record: renamed });
  assert.deepEqual(await repository.apply('seed', { op: 'update', record: { ...kept, title: 'Again' } }, renameKey), {
    status: 'replayed',
    response: renameKey.response,
  });
  assert.equal(((await repository.find('seed', kept.id))?.record as Seed | undefined)?.title, 'Renamed');

  assert.equal((await repository.apply('seed', { op: 'hide', id: kept.id })).status, 'applied');
  assert.equal((await repository.apply('seed', { op: 'hide', id: kept.id })).status, 'applied', 'hiding twice is harmless');
  const { changes } = await repository.changesSince(start, 100);
  assert.deepEqual(
    changes.map((change) => change.op),
    ['remove'],
    'the put of a record hidden since is left out, hiding twice logs once',
  );
  assert.ok(changes[0].seq > start);
}

describe('the SQL repository', { timeout: 60_000 }, () => {
  it('on SQLite: a write that finds nothing leaves no trace; replays and hiding', async () => {
    const repository = await SqlRepository.open(new SqliteDriver(tempDir()));
    try {
      await repositoryBehaviour(repository);
    } finally {
      await repository.close();
    }
  });

  it('on PostgreSQL: a write that finds nothing leaves no trace; replays and hiding', async () => {
    const database = await createDatabase();
    const repository = await SqlRepository.open(new PostgresDriver(database.url));
    try {
      await repositoryBehaviour(repository);
    } finally {
      await repository.close();
      await database.drop();
    }
  });
});
