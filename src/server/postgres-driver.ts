import pg from 'pg';
import type { Row, SqlDriver, SqlRunner } from './sql-driver.js';

const CHANNEL = 'off_layer_changes';
/** Any constant shared by every process on the database: the key of the writers' lock. */
const WRITE_LOCK_KEY = 0x0ff1a7e5;
const RECONNECT_MIN_MS = 200;
const RECONNECT_MAX_MS = 5000;

/** Connection refused or reset, server shutting down or starting (57P0x), connection exceptions (08xxx). */
function isConnectionFailure(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && /^(ECONN|EPIPE|ETIMEDOUT|EAI_AGAIN|57P0|08)/.test(code)) return true;
  return typeof message === 'string' && /Connection terminated|connection timeout|Client has encountered a connection error/i.test(message);
}

const toPositional = (sql: string) => {
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
};

function runnerOn(client: pg.Pool | pg.PoolClient): SqlRunner {
  return {
    rows: async (sql, params = []) => (await client.query({ text: toPositional(sql), values: params, rowMode: 'array' })).rows as Row[],
    script: async (sql) => void (await client.query(sql)),
  };
}

/**
 * PostgreSQL through a `pg` Pool, which replaces broken connections by itself.
 * A dedicated connection LISTENs for other processes' commits and reconnects
 * with backoff when PostgreSQL restarts.
 */
export class PostgresDriver implements SqlDriver {
  readonly dialect = 'postgres' as const;
  private readonly pool: pg.Pool;
  private readonly pooled: SqlRunner;
  private readonly listeners: (() => void)[] = [];
  private listenClient?: pg.Client;
  private reconnectDelay = RECONNECT_MIN_MS;
  private reconnectTimer?: ReturnType<typeof setTimeout>;
  private closed = false;

  constructor(private readonly connectionString: string) {
    this.pool = new pg.Pool({ connectionString, max: 10, connectionTimeoutMillis: 5000 });
    // An idle connection dropped by a restart emits here; the pool replaces it, nothing else to do.
    this.pool.on('error', (error) => console.warn(`PostgreSQL connection lost: ${error.message}`));
    this.pooled = runnerOn(this.pool);
  }

  rows(sql: string, params?: unknown[]): Promise<Row[]> {
    return this.pooled.rows(sql, params);
  }

  script(sql: string): Promise<void> {
    return this.pooled.script(sql);
  }

  async writeTransaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const tx = runnerOn(client);
    let broken = false;
    try {
      // Statements are paired into single round trips: the lock is held until COMMIT, so every round trip counts.
      await client.query(`BEGIN; SELECT pg_advisory_xact_lock(${WRITE_LOCK_KEY})`);
      const result = await work(tx);
      // Delivered at commit. No payload (NOTIFY carries at most 8000 bytes): listeners read the change log.
      await client.query(`NOTIFY ${CHANNEL}; COMMIT`);
      return result;
    } catch (error) {
      broken = isConnectionFailure(error);
      if (!broken) await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release(broken);
    }
  }

  onExternalChanges(listener: () => void): void {
    this.listeners.push(listener);
    if (this.listeners.length === 1) void this.listen();
  }

  isUnavailable(error: unknown): boolean {
    return isConnectionFailure(error);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    await this.listenClient?.end().catch(() => undefined);
    await this.pool.end();
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString, connectionTimeoutMillis: 5000 });
    this.listenClient = client;
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost || this.closed) return;
      lost = true;
      console.warn(`PostgreSQL LISTEN connection lost${error ? `: ${error.message}` : ''}; reconnecting`);
      void client.end().catch(() => undefined);
      this.scheduleListen();
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', () => this.notify());
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      this.reconnectDelay = RECONNECT_MIN_MS;
      // Whatever was committed while we were not listening.
      this.notify();
    } catch (error) {
      onLost(error as Error);
    }
  }

  private scheduleListen(): void {
    this.reconnectTimer = setTimeout(() => void this.listen(), this.reconnectDelay);
    this.reconnectDelay = Math.min(this.reconnectDelay * 2, RECONNECT_MAX_MS);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
