import { hostEventOf, type OffRecord, type RecordKind } from '../model/records.js';
import { MIGRATIONS, MIGRATIONS_TABLE } from './migrations.js';
import type {
  Change,
  ChangePage,
  Idempotency,
  ListChanges,
  ListOptions,
  ListScope,
  ListState,
  LogState,
  Mutation,
  NewRecord,
  Outcome,
  Repository,
  SavedResponse,
  StoredRecord,
} from './repository.js';
import type { SqlDriver, SqlRunner } from './sql-driver.js';
import { listChangesSince, listColumns, parseRecord, scopeFilter, sortedRows } from './sql-lists.js';
import { SubscriptionStore } from './subscriptions/store.js';

/**
 * Rows per multi-row INSERT: few round trips for a batch (PostgreSQL holds the
 * writers' lock meanwhile), few distinct statements for SQLite's statement
 * cache, and far below either database's limit on parameters.
 */
const ROWS_PER_INSERT = 100;

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));
}

/** The VALUES of a multi-row INSERT: `row` (e.g. `(?, ?)`) repeated `rows` times. */
function valuesList(rows: number, row: string): string {
  return Array.from({ length: rows }, () => row).join(', ');
}

/** Rolls a write back (its idempotency key with it, so that a retry is checked afresh) and says why. */
class NothingChanged extends Error {
  constructor(readonly outcome: Outcome) {
    super(outcome.status);
  }
}

/** The repository on any SQL database: the SQL here runs unchanged on SQLite and PostgreSQL. */
export class SqlRepository implements Repository {
  readonly subscriptions: SubscriptionStore;

  private constructor(private readonly driver: SqlDriver) {
    this.subscriptions = new SubscriptionStore(driver);
  }

  /** Migrates the database; when that fails, closes the driver (an idle PostgreSQL connection would keep the process up). */
  static async open(driver: SqlDriver): Promise<SqlRepository> {
    try {
      await SqlRepository.migrate(driver);
    } catch (error) {
      await driver.close().catch(() => undefined);
      throw error;
    }
    return new SqlRepository(driver);
  }

  private static async migrate(driver: SqlDriver): Promise<void> {
    // Inside the writers' lock, table and all: processes started together on an empty PostgreSQL would
    // otherwise race on CREATE TABLE IF NOT EXISTS, which is not safe against a concurrent create.
    await driver.writeTransaction(async (tx) => {
      await tx.script(MIGRATIONS_TABLE);
      const applied = new Set((await tx.rows('SELECT version FROM schema_migrations')).map(([version]) => Number(version)));
      for (const migration of MIGRATIONS[driver.dialect]) {
        if (applied.has(migration.version)) continue;
        await tx.script(migration.sql);
        await tx.rows('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
          migration.version,
          migration.name,
          Date.now(),
        ]);
      }
    });
  }

  get dialect() {
    return this.driver.dialect;
  }

  async list(kind: RecordKind, options: ListOptions = {}): Promise<OffRecord[]> {
    return (await sortedRows(this.driver, kind, options)).map((row) => parseRecord(row.data));
  }

  async listJson(kind: RecordKind, options: ListOptions = {}): Promise<string> {
    return `[${(await sortedRows(this.driver, kind, options)).map((row) => row.data).join(',')}]`;
  }

  async find(kind: RecordKind, id: string): Promise<StoredRecord | undefined> {
    const [row] = await this.driver.rows('SELECT data, hidden, token_hash FROM records WHERE kind = ? AND id = ?', [kind, id]);
    return row && { record: parseRecord(row[0]), hidden: Boolean(row[1]), tokenHash: row[2] as string };
  }

  async savedResponse(keyHash: string, runner: SqlRunner = this.driver): Promise<SavedResponse | undefined> {
    const [row] = await runner.rows('SELECT status, body FROM idempotency WHERE key_hash = ?', [keyHash]);
    return row && { status: Number(row[0]), body: row[1] as string };
  }

  secret(candidate: string): Promise<string> {
    return this.driver.writeTransaction(async (tx) => {
      await tx.rows("INSERT INTO server_secret (name, value) VALUES ('secret', ?) ON CONFLICT (name) DO NOTHING", [candidate]);
      const [[value]] = await tx.rows("SELECT value FROM server_secret WHERE name = 'secret'");
      return value as string;
    });
  }

  async apply(kind: RecordKind, mutation: Mutation, idempotency?: Idempotency): Promise<Outcome> {
    try {
      return await this.driver.writeTransaction(async (tx) => {
        if (idempotency) {
          const { keyHash, response } = idempotency;
          const claimed = await tx.rows(
            'INSERT INTO idempotency (key_hash, status, body, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (key_hash) DO NOTHING RETURNING key_hash',
            [keyHash, response.status, response.body, Date.now()],
          );
          if (claimed.length === 0) return { status: 'replayed', response: (await this.savedResponse(keyHash, tx))! };
        }
        const outcome = await this.mutate(tx, kind, mutation);
        if (outcome.status !== 'applied') throw new NothingChanged(outcome);
        return outcome;
      });
    } catch (error) {
      if (error instanceof NothingChanged) return error.outcome;
      throw error;
    }
  }

  private async mutate(tx: SqlRunner, kind: RecordKind, mutation: Mutation): Promise<Outcome> {
    switch (mutation.op) {
      case 'insert': {
        for (const group of chunks(mutation.records, ROWS_PER_INSERT)) await this.insertRecords(tx, kind, group);
        return { status: 'applied' };
      }
      case 'update': {
        const { record } = mutation;
        // Moved to another host event: the old event's streams hear that it left, before its put.
        await tx.rows(
          `INSERT INTO changes (kind, record_id, event, op, at)
           SELECT kind, id, event, 'remove', ? FROM records WHERE kind = ? AND id = ? AND NOT hidden AND event IS DISTINCT FROM ?`,
          [Date.now(), kind, record.id, hostEventOf(kind, record) ?? null],
        );
        const updated = await tx.rows(
          `UPDATE records SET data = ?, event = ?, sort_time = ?, start = ?, title = ?, created_at = ?,
                  place_id = ?, organizer_id = ?, replanted_from = ?, end_time = ?
            WHERE kind = ? AND id = ? AND NOT hidden RETURNING id`,
          [JSON.stringify(record), hostEventOf(kind, record) ?? null, ...listColumns(record), kind, record.id],
        );
        if (updated.length === 0) return { status: 'not-found' };
        await this.logChange(tx, kind, record.id, hostEventOf(kind, record), 'put');
        return { status: 'applied', record };
      }
      case 'delete': {
        const [deleted] = await tx.rows('DELETE FROM records WHERE kind = ? AND id = ? AND NOT hidden RETURNING event', [kind, mutation.id]);
        if (!deleted) return { status: 'not-found' };
        await this.logChange(tx, kind, mutation.id, deleted[0] as string | null, 'remove');
        return { status: 'applied' };
      }
      case 'hide':
      case 'unhide': {
        const hide = mutation.op === 'hide';
        const [row] = await tx.rows('SELECT data, hidden FROM records WHERE kind = ? AND id = ?', [kind, mutation.id]);
        if (!row) return { status: 'not-found' };
        const record = parseRecord(row[0]);
        if (Boolean(row[1]) !== hide) {
          await tx.rows(`UPDATE records SET hidden = ${hide ? 'TRUE' : 'FALSE'} WHERE kind = ? AND id = ?`, [kind, mutation.id]);
          // Hiding looks like a delete to live clients, unhiding like a new record.
          await this.logChange(tx, kind, mutation.id, hostEventOf(kind, record), hide ? 'remove' : 'put');
        }
        return { status: 'applied', record };
      }
    }
  }

  private async insertRecords(tx: SqlRunner, kind: RecordKind, group: NewRecord[]): Promise<void> {
    const inserted = await tx.rows(
      `INSERT INTO records (kind, id, event, data, hidden, token_hash, sort_time, start, title, created_at, place_id, organizer_id, replanted_from, end_time)
       VALUES ${valuesList(group.length, '(?, ?, ?, ?, FALSE, ?, ?, ?, ?, ?, ?, ?, ?, ?)')}
       ON CONFLICT (kind, id) DO NOTHING RETURNING id`,
      group.flatMap(({ record, tokenHash }) => [kind, record.id, hostEventOf(kind, record) ?? null, JSON.stringify(record), tokenHash, ...listColumns(record)]),
    );
    // Only a host event's id is chosen by a person (the others are random): taken already, the whole write is undone.
    if (inserted.length < group.length) throw new NothingChanged({ status: 'conflict' });
    const at = Date.now();
    await tx.rows(
      `INSERT INTO changes (kind, record_id, event, op, at) VALUES ${valuesList(group.length, "(?, ?, ?, 'put', ?)")}`,
      group.flatMap(({ record }) => [kind, record.id, hostEventOf(kind, record) ?? null, at]),
    );
  }

  private async logChange(tx: SqlRunner, kind: RecordKind, id: string, event: string | null | undefined, op: Change['op']) {
    await tx.rows('INSERT INTO changes (kind, record_id, event, op, at) VALUES (?, ?, ?, ?, ?)', [kind, id, event ?? null, op, Date.now()]);
  }

  async changesSince(seq: number, limit: number, event?: string): Promise<ChangePage> {
    const [filter, params] = scopeFilter({ event }, 'c');
    const rows = await this.driver.rows(
      `SELECT c.seq, c.kind, c.record_id, c.event, c.op, r.data
         FROM changes c
         LEFT JOIN records r ON r.kind = c.kind AND r.id = c.record_id AND NOT r.hidden AND r.event IS NOT DISTINCT FROM c.event
        WHERE c.seq > ?${filter} ORDER BY c.seq LIMIT ?`,
      [seq, ...params, limit],
    );
    const changes: Change[] = [];
    for (const [seqValue, kind, id, event, op, data] of rows) {
      const common = { seq: Number(seqValue), kind: kind as RecordKind, event: event as string | null };
      if (op === 'remove') changes.push({ ...common, op, id: id as string });
      // A put whose record has since gone, been hidden or moved to another event is followed by its remove: skip it.
      else if (data !== null) changes.push({ ...common, op: 'put', record: parseRecord(data) });
    }
    return { changes, until: rows.length ? Number(rows.at(-1)![0]) : seq, more: rows.length === limit };
  }

  async logState(): Promise<LogState> {
    const [[latest, floor]] = await this.driver.rows('SELECT (SELECT MAX(seq) FROM changes), seq FROM changes_floor');
    return { latest: Math.max(Number(latest ?? 0), Number(floor)), floor: Number(floor) };
  }

  async listState(kind: RecordKind, event?: string): Promise<ListState> {
    const [filter, params] = scopeFilter({ event });
    // One statement, so one snapshot. The list's last change is the first one met walking back: an index on
    // (event, kind, seq) serves one host event; the primary key walks back through a few entries for every event.
    const [[latest, last, floor]] = await this.driver.rows(
      `SELECT (SELECT MAX(seq) FROM changes),
              (SELECT seq FROM changes WHERE kind = ?${filter} ORDER BY seq DESC LIMIT 1),
              seq
         FROM changes_floor`,
      [kind, ...params],
    );
    const floorSeq = Number(floor);
    return { latest: Math.max(Number(latest ?? 0), floorSeq), floor: floorSeq, version: Math.max(Number(last ?? 0), floorSeq) };
  }

  listChanges(kind: RecordKind, scope: ListScope, since: number): Promise<ListChanges> {
    return listChangesSince(this.driver, kind, scope, since);
  }

  onExternalChanges(listener: () => void): void {
    this.driver.onExternalChanges(listener);
  }

  async prune(changesMaxAgeMs: number, idempotencyMaxAgeMs: number): Promise<void> {
    const now = Date.now();
    // Up to the last entry old enough, so that everything above the floor is still there (clocks may step back).
    await this.driver.writeTransaction(async (tx) => {
      const [[floor]] = await tx.rows('SELECT MAX(seq) FROM changes WHERE at < ?', [now - changesMaxAgeMs]);
      if (floor === null) return;
      await tx.rows('DELETE FROM changes WHERE seq <= ?', [floor]);
      await tx.rows('UPDATE changes_floor SET seq = ? WHERE seq < ?', [floor, floor]);
    });
    await this.driver.rows('DELETE FROM idempotency WHERE created_at < ?', [now - idempotencyMaxAgeMs]);
  }

  async ping(): Promise<void> {
    await this.driver.rows('SELECT 1');
  }

  isUnavailable(error: unknown): boolean {
    return this.driver.isUnavailable(error);
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}
