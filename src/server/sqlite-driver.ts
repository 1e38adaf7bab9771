import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Row, SqlDriver, SqlRunner } from './sql-driver.js';
import { StartupError } from './startup-error.js';

const BUSY_CODES = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED']);

/**
 * One server per data folder: another one's live streams would miss this one's writes.
 * Held as a SQLite write lock on a file of its own, which the system releases when
 * the process ends however it ends, and which leaves the database free for backups.
 */
function lockFolder(dataDir: string): Database.Database {
  const lock = new Database(join(dataDir, 'off-layer.lock'), { timeout: 0 });
  try {
    lock.pragma('journal_mode = MEMORY');
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    lock.close();
    if (error instanceof Database.SqliteError && error.code === 'SQLITE_BUSY') {
      throw new StartupError(`Another off-layer-server is using the data folder ${dataDir}: stop it, or give this one another folder with --data (OFF_DATA_DIR).`);
    }
    throw error;
  }
  return lock;
}

/**
 * SQLite through better-sqlite3, in `<dataDir>/off-layer.sqlite`.
 * WAL lets readers carry on during a write; synchronous=FULL syncs the WAL on
 * every commit, so a contribution we acknowledged survives a killed process
 * (NORMAL would too) and also a power cut or kernel crash (NORMAL would not),
 * for about one fsync per write.
 */
export class SqliteDriver implements SqlDriver {
  readonly dialect = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly folderLock: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  /** better-sqlite3 is synchronous, but a transaction spans awaits: one operation at a time keeps others out of it. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly direct: SqlRunner = {
    rows: async (sql, params = []) => this.run(sql, params),
    script: async (sql) => void this.db.exec(sql),
  };

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.folderLock = lockFolder(dataDir);
    this.db = new Database(join(dataDir, 'off-layer.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
  }

  rows(sql: string, params: unknown[] = []): Promise<Row[]> {
    return this.serially(() => this.direct.rows(sql, params));
  }

  script(sql: string): Promise<void> {
    return this.serially(() => this.direct.script(sql));
  }

  writeTransaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
    return this.serially(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(this.direct);
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  /** One process owns a SQLite file: nobody else writes to it. */
  onExternalChanges(): void {}

  isUnavailable(error: unknown): boolean {
    return error instanceof Database.SqliteError && BUSY_CODES.has(error.code);
  }

  async close(): Promise<void> {
    await this.queue;
    this.db.close();
    this.folderLock.close();
  }

  private run(sql: string, params: unknown[]): Row[] {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    if (!statement.reader) {
      statement.run(...params);
      return [];
    }
    return statement.raw().all(...params) as Row[];
  }

  private serially<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(operation);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
