import type { Dialect } from './repository.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Migration 5's indexes, the same on both databases: partial, as most records name no place, organizer or parent. */
const NETWORK_INDEXES = `
        CREATE INDEX records_by_place ON records (kind, place_id, sort_time) WHERE place_id IS NOT NULL;
        CREATE INDEX records_by_organizer ON records (kind, organizer_id, sort_time) WHERE organizer_id IS NOT NULL;
        CREATE INDEX records_by_parent ON records (kind, replanted_from) WHERE replanted_from IS NOT NULL;`;

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
    {
      version: 2,
      name: 'sort columns, so that lists come out of the database already in order',
      sql: `
        ALTER TABLE records ADD COLUMN sort_time INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE records ADD COLUMN start TEXT;
        ALTER TABLE records ADD COLUMN title TEXT NOT NULL DEFAULT '';
        ALTER TABLE records ADD COLUMN created_at TEXT NOT NULL DEFAULT '';
        UPDATE records SET start = json_extract(data, '$.start'), title = json_extract(data, '$.title'),
          created_at = json_extract(data, '$.createdAt');
        UPDATE records SET sort_time = CAST(round((julianday(CASE WHEN kind = 'side-event' THEN start ELSE created_at END) - 2440587.5) * 86400000) AS INTEGER);
        DROP INDEX records_by_event;
        CREATE INDEX records_by_event ON records (kind, event, sort_time);`,
    },
    {
      version: 3,
      name: 'the server secret, shared by every process on the database',
      sql: `CREATE TABLE server_secret (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;`,
    },
    {
      version: 4,
      name: 'change log by host event, and the floor below which it was pruned',
      sql: `
        CREATE INDEX changes_by_event ON changes (event, kind, seq);
        CREATE TABLE changes_floor (only_row INTEGER PRIMARY KEY CHECK (only_row = 1), seq INTEGER NOT NULL);
        INSERT INTO changes_floor (only_row, seq)
          SELECT 1, COALESCE((SELECT MIN(seq) - 1 FROM changes), (SELECT seq FROM sqlite_sequence WHERE name = 'changes'), 0);`,
    },
    {
      version: 5,
      name: 'columns to list across events: by place, by organizer, upcoming, by lineage',
      sql: `
        ALTER TABLE records ADD COLUMN place_id TEXT;
        ALTER TABLE records ADD COLUMN organizer_id TEXT;
        ALTER TABLE records ADD COLUMN replanted_from TEXT;
        ALTER TABLE records ADD COLUMN end_time INTEGER;
        UPDATE records SET place_id = json_extract(data, '$.placeId'), organizer_id = json_extract(data, '$.organizerId'),
          replanted_from = json_extract(data, '$.replantedFrom'),
          end_time = CAST(round((julianday(COALESCE(json_extract(data, '$.end'), json_extract(data, '$.start'))) - 2440587.5) * 86400000) AS INTEGER);
        ${NETWORK_INDEXES}`,
    },
    {
      version: 6,
      name: 'subscriptions of host events to external feeds, and the records each one brought',
      sql: `
        CREATE TABLE subscriptions (
          id TEXT PRIMARY KEY,
          event TEXT NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('ics', 'off-layer')),
          url TEXT NOT NULL,
          interval_seconds INTEGER NOT NULL,
          created_at TEXT NOT NULL,
          next_at INTEGER NOT NULL,
          lease_until INTEGER NOT NULL DEFAULT 0,
          etag TEXT,
          last_modified TEXT,
          cursor TEXT,
          status TEXT NOT NULL DEFAULT '{}'
        ) WITHOUT ROWID;
        CREATE INDEX subscriptions_due ON subscriptions (next_at);
        CREATE TABLE subscription_items (
          subscription_id TEXT NOT NULL,
          source_key TEXT NOT NULL,
          record_id TEXT NOT NULL,
          fingerprint TEXT NOT NULL,
          PRIMARY KEY (subscription_id, source_key)
        ) WITHOUT ROWID;`,
    },
    {
      version: 7,
      name: 'the time zone a subscription shows UTC times and reads floating times in',
      sql: `ALTER TABLE subscriptions ADD COLUMN time_zone TEXT;`,
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
    {
      version: 2,
      name: 'sort columns, so that lists come out of the database already in order',
      sql: `
        ALTER TABLE records ADD COLUMN sort_time bigint NOT NULL DEFAULT 0, ADD COLUMN start text,
          ADD COLUMN title text NOT NULL DEFAULT '', ADD COLUMN created_at text NOT NULL DEFAULT '';
        UPDATE records SET start = data::jsonb->>'start', title = data::jsonb->>'title', created_at = data::jsonb->>'createdAt';
        UPDATE records SET sort_time = (extract(epoch FROM (CASE WHEN kind = 'side-event' THEN start ELSE created_at END)::timestamptz) * 1000)::bigint;
        DROP INDEX records_by_event;
        CREATE INDEX records_by_event ON records (kind, event, sort_time);`,
    },
    {
      version: 3,
      name: 'the server secret, shared by every process on the database',
      sql: `CREATE TABLE server_secret (name text PRIMARY KEY, value text NOT NULL);`,
    },
    {
      version: 4,
      name: 'change log by host event, and the floor below which it was pruned',
      sql: `
        CREATE INDEX changes_by_event ON changes (event, kind, seq);
        CREATE TABLE changes_floor (only_row integer PRIMARY KEY CHECK (only_row = 1), seq bigint NOT NULL);
        INSERT INTO changes_floor (only_row, seq)
          SELECT 1, COALESCE((SELECT MIN(seq) - 1 FROM changes), (SELECT last_value FROM changes_seq_seq WHERE is_called), 0);`,
    },
    {
      version: 5,
      name: 'columns to list across events: by place, by organizer, upcoming, by lineage',
      sql: `
        ALTER TABLE records ADD COLUMN place_id text, ADD COLUMN organizer_id text, ADD COLUMN replanted_from text, ADD COLUMN end_time bigint;
        UPDATE records SET place_id = data::jsonb->>'placeId', organizer_id = data::jsonb->>'organizerId',
          replanted_from = data::jsonb->>'replantedFrom',
          end_time = (extract(epoch FROM (COALESCE(data::jsonb->>'end', data::jsonb->>'start'))::timestamptz) * 1000)::bigint;
        ${NETWORK_INDEXES}`,
    },
    {
      version: 6,
      name: 'subscriptions of host events to external feeds, and the records each one brought',
      sql: `
        CREATE TABLE subscriptions (
          id text PRIMARY KEY,
          event text NOT NULL,
          kind text NOT NULL CHECK (kind IN ('ics', 'off-layer')),
          url text NOT NULL,
          interval_seconds bigint NOT NULL,
          created_at text NOT NULL,
          next_at bigint NOT NULL,
          lease_until bigint NOT NULL DEFAULT 0,
          etag text,
          last_modified text,
          cursor text,
          status text NOT NULL DEFAULT '{}'
        );
        CREATE INDEX subscriptions_due ON subscriptions (next_at);
        CREATE TABLE subscription_items (
          subscription_id text NOT NULL,
          source_key text NOT NULL,
          record_id text NOT NULL,
          fingerprint text NOT NULL,
          PRIMARY KEY (subscription_id, source_key)
        );`,
    },
    {
      version: 7,
      name: 'the time zone a subscription shows UTC times and reads floating times in',
      sql: `ALTER TABLE subscriptions ADD COLUMN time_zone text;`,
    },
  ],
};

export const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version integer PRIMARY KEY,
  name text NOT NULL,
  applied_at bigint NOT NULL
)`;
