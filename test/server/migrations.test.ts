import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MIGRATIONS, MIGRATIONS_TABLE } from '../../src/server/migrations.js';
import { PostgresDriver } from '../../src/server/postgres-driver.js';
import type { Dialect } from '../../src/server/repository.js';
import type { SqlDriver } from '../../src/server/sql-driver.js';
import { SqliteDriver } from '../../src/server/sqlite-driver.js';
import { SqlRepository } from '../../src/server/sql-repository.js';
import { createDatabase, tempDir } from './harness.js';

const OLD_RECORDS = [
  { id: 'late', event: 'g21', title: 'Late', start: '2030-06-12T18:00:00+02:00', tags: [], createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' },
  { id: 'early', event: 'g21', title: 'Early', start: '2030-06-12T09:00:00+02:00', tags: [], createdAt: '2026-01-02T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z' },
  // 07:30 UTC: later than "Early" although it reads earlier as text.
  { id: 'utc', event: 'g21', title: 'In UTC', start: '2030-06-12T07:30:00Z', tags: [], createdAt: '2026-01-03T00:00:00.000Z', updatedAt: '2026-01-03T00:00:00.000Z' },
];

const OLD_SEED = {
  id: 'replanted', event: 'g20', title: 'Replanted', body: 'From last year.', license: 'CC-BY-SA-4.0', tags: [], replantedFrom: 'original',
  createdAt: '2026-01-04T00:00:00.000Z', updatedAt: '2026-01-04T00:00:00.000Z',
};

/** A database as version 1 of the schema left it, with records in it, upgraded by opening it. */
async function upgradesFromVersion1(dialect: Dialect, driver: SqlDriver, reopen: () => SqlDriver): Promise<void> {
  await driver.script(MIGRATIONS_TABLE);
  const [version1] = MIGRATIONS[dialect];
  await driver.script(version1.sql);
  await driver.rows('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [1, version1.name, Date.now()]);
  for (const record of OLD_RECORDS) {
    await driver.rows("INSERT INTO records (kind, id, event, data, hidden, token_hash) VALUES ('side-event', ?, ?, ?, FALSE, 'hash')", [
      record.id,
      record.event,
      JSON.stringify(record),
    ]);
  }
  await driver.rows("INSERT INTO records (kind, id, event, data, hidden, token_hash) VALUES ('seed', ?, ?, ?, FALSE, 'hash')", [
    OLD_SEED.id,
    OLD_SEED.event,
    JSON.stringify(OLD_SEED),
  ]);
  await driver.close();

  const repository = await SqlRepository.open(reopen());
  try {
    // Migration 5's columns, filled in for old records: when each side event is over, which seed each was replanted from.
    assert.deepEqual((await repository.list('side-event', { event: 'g21', from: '2030-06-12T08:00:00Z' })).map((record) => record.id), ['late']);
    assert.deepEqual(await repository.list('seed', { replantedFrom: 'original' }), [OLD_SEED], 'an old seed is listed by its parent, as it was');
    const listed = await repository.list('side-event', { event: 'g21' });
    assert.deepEqual(listed.map((record) => record.id), ['early', 'utc', 'late']);
    assert.deepEqual(listed[0], OLD_RECORDS[1], 'records come back as they were stored');
    assert.equal(await repository.listJson('side-event', { event: 'g21' }), JSON.stringify([OLD_RECORDS[1], OLD_RECORDS[2], OLD_RECORDS[0]]));
  } finally {
    await repository.close();
  }
  const again = await SqlRepository.open(reopen());
  await again.close();
  const raw = reopen();
  try {
    const sortTimes = await raw.rows("SELECT id, sort_time FROM records WHERE kind = 'side-event' ORDER BY sort_time");
    assert.deepEqual(
      sortTimes.map(([id, time]) => [id, Number(time)]),
      ['early', 'utc', 'late'].map((id) => [id, Date.parse(OLD_RECORDS.find((record) => record.id === id)!.start)]),
      'the new sort column is filled in for old records',
    );
    assert.deepEqual(
      (await raw.rows('SELECT version FROM schema_migrations ORDER BY version')).map(([version]) => Number(version)),
      MIGRATIONS[dialect].map((migration) => migration.version),
    );
  } finally {
    await raw.close();
  }
}

const TABLES_BEFORE_THE_NETWORK = {
  records: 'kind, id, event, data, hidden, token_hash, sort_time, start, title, created_at',
  changes: 'seq, kind, record_id, event, op, at',
  idempotency: 'key_hash, status, body, created_at',
  server_secret: 'name, value',
  changes_floor: 'only_row, seq',
};

/** Every row of the tables version 4 made, in a fixed order, values as text (PostgreSQL gives bigints as strings). */
async function snapshot(driver: SqlDriver): Promise<Record<string, string[][]>> {
  const tables: Record<string, string[][]> = {};
  for (const [table, columns] of Object.entries(TABLES_BEFORE_THE_NETWORK)) {
    tables[table] = (await driver.rows(`SELECT ${columns} FROM ${table} ORDER BY 1, 2`)).map((row) => row.map(String));
  }
  return tables;
}

/**
 * A database in use under version 4 (the schema before the network): records visible and hidden, a moved record's
 * change log, an idempotency key, the secret. Upgraded by opening it, every row of it is still there, unchanged.
 */
async function upgradesFromVersion4(dialect: Dialect, reopen: () => SqlDriver): Promise<void> {
  const driver = reopen();
  await driver.script(MIGRATIONS_TABLE);
  for (const migration of MIGRATIONS[dialect].filter(({ version }) => version <= 4)) {
    await driver.script(migration.sql);
    await driver.rows('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [migration.version, migration.name, Date.now()]);
  }
  const insert = 'INSERT INTO records (kind, id, event, data, hidden, token_hash, sort_time, start, title, created_at) VALUES (?, ?, ?, ?, FALSE, ?, ?, ?, ?, ?)';
  for (const record of OLD_RECORDS) {
    await driver.rows(insert, ['side-event', record.id, record.event, JSON.stringify(record), `hash-${record.id}`, Date.parse(record.start), record.start, record.title, record.createdAt]);
  }
  await driver.rows(insert, ['seed', OLD_SEED.id, OLD_SEED.event, JSON.stringify(OLD_SEED), 'hash-seed', Date.parse(OLD_SEED.createdAt), null, OLD_SEED.title, OLD_SEED.createdAt]);
  await driver.rows("UPDATE records SET hidden = TRUE WHERE id = 'utc'");
  for (const [kind, id, event, op] of [['side-event', 'late', 'g20', 'put'], ['side-event', 'late', 'g20', 'remove'], ['side-event', 'late', 'g21', 'put'], ['seed', 'replanted', 'g20', 'put']]) {
    await driver.rows('INSERT INTO changes (kind, record_id, event, op, at) VALUES (?, ?, ?, ?, ?)', [kind, id, event, op, 1_700_000_000_000]);
  }
  await driver.rows('INSERT INTO idempotency (key_hash, status, body, created_at) VALUES (?, ?, ?, ?)', ['key', 201, JSON.stringify(OLD_RECORDS[0]), 1_700_000_000_000]);
  await driver.rows("INSERT INTO server_secret (name, value) VALUES ('secret', 'kept')");
  const before = await snapshot(driver);
  await driver.close();

  const repository = await SqlRepository.open(reopen());
  try {
    assert.deepEqual((await repository.list('side-event', { event: 'g21' })).map((record) => record.id), ['early', 'late'], 'the hidden record stays hidden');
    assert.equal((await repository.find('side-event', 'utc'))?.hidden, true);
    assert.equal(await repository.secret('another'), 'kept');
  } finally {
    await repository.close();
  }
  const raw = reopen();
  try {
    assert.deepEqual(await snapshot(raw), before, 'every row of every table, as it was');
    const [[parent, end]] = await raw.rows("SELECT replanted_from, end_time FROM records WHERE kind = 'seed'");
    assert.deepEqual([parent, end], ['original', null]);
  } finally {
    await raw.close();
  }
}

describe('schema migrations', { timeout: 60_000 }, () => {
  it('upgrade a SQLite database of the schema before the network (version 4) losing nothing', async () => {
    const dataDir = tempDir();
    await upgradesFromVersion4('sqlite', () => new SqliteDriver(dataDir));
  });

  it('upgrade a PostgreSQL database of the schema before the network (version 4) losing nothing', async () => {
    const database = await createDatabase();
    try {
      await upgradesFromVersion4('postgres', () => new PostgresDriver(database.url));
    } finally {
      await database.drop();
    }
  });

  it('upgrade a SQLite database made by version 1, keeping its records in order', async () => {
    const dataDir = tempDir();
    await upgradesFromVersion1('sqlite', new SqliteDriver(dataDir), () => new SqliteDriver(dataDir));
  });

  it('upgrade a PostgreSQL database made by version 1, keeping its records in order', async () => {
    const database = await createDatabase();
    try {
      await upgradesFromVersion1('postgres', new PostgresDriver(database.url), () => new PostgresDriver(database.url));
    } finally {
      await database.drop();
    }
  });

  it('let several processes start at once on an empty PostgreSQL, each migrating it or waiting for the one that does', async () => {
    const database = await createDatabase();
    const drivers = Array.from({ length: 8 }, () => new PostgresDriver(database.url));
    try {
      const opened = await Promise.allSettled(drivers.map((driver) => SqlRepository.open(driver)));
      assert.deepEqual(
        opened.map((result) => (result.status === 'rejected' ? String(result.reason) : 'opened')),
        drivers.map(() => 'opened'),
      );
      const versions = await drivers[0]!.rows('SELECT version FROM schema_migrations ORDER BY version');
      assert.deepEqual(versions.map(([version]) => Number(version)), MIGRATIONS.postgres.map((migration) => migration.version));
    } finally {
      await Promise.all(drivers.map((driver) => driver.close()));
      await database.drop();
    }
  });
});
