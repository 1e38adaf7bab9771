import type { Dialect } from './repository.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Versioned schema changes, applied in order and recorded in `schema_migrations`.
 * Append new versions; never edit one that has shipped.
 * Records are kept as JSON text so they come back byte for byte as stored;
 * the columns beside it exist only to filter and to authorise.
 */
export const MIGRATIONS: Record<Dialect, Migration[]> = {
  sqlite: [
    {
      version: 1,
      name: 'records, idempotency keys, change log',
      sql: `
        CREATE TABLE records (
          kind TEXT NOT NULL,
          id TEXT NOT NULL,
          event TEXT,
          data TEXT NOT NULL,
          hidden BOOLEAN NOT NULL DEFAULT FALSE,
          token_hash TEXT NOT NULL,
          PRIMARY KEY (kind, id)
        ) WITHOUT ROWID;
        CREATE INDEX records_by_event ON records (kind, event);
        CREATE TABLE idempotency (
          key_hash TEXT PRIMARY KEY,
          status INTEGER NOT NULL,
          body TEXT NOT NULL,
          created_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE changes (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          kind TEXT NOT NULL,
          record_id TEXT NOT NULL,
          event TEXT,
          op TEXT NOT NULL CHECK (op IN ('put', 'remove')),
          at INTEGER NOT NULL
        );`,
    },
  ],
  postgres: [
    {
      version: 1,
      name: 'records, idempotency keys, change log',
      sql: `
        CREATE TABLE records (
          kind text NOT NULL,
          id text NOT NULL,
          event text,
          data text NOT NULL,
          hidden boolean NOT NULL DEFAULT FALSE,
          token_hash text NOT NULL,
          PRIMARY KEY (kind, id)
        );
        CREATE INDEX records_by_event ON records (kind, event);
        CREATE TABLE idempotency (
          key_hash text PRIMARY KEY,
          status integer NOT NULL,
          body text NOT NULL,
          created_at bigint NOT NULL
        );
        CREATE TABLE changes (
          seq bigserial PRIMARY KEY,
          kind text NOT NULL,
          record_id text NOT NULL,
          event text,
          op text NOT NULL CHECK (op IN ('put', 'remove')),
          at bigint NOT NULL
        );`,
    },
  ],
};

export const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version integer PRIMARY KEY,
  name text NOT NULL,
  applied_at bigint NOT NULL
)`;
