import type { Dialect } from './repository.js';

export type Row = unknown[];

/** Runs SQL with `?` placeholders and returns rows as arrays. */
export interface SqlRunner {
  rows(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Several statements, no parameters (schema migrations). */
  script(sql: string): Promise<void>;
}

/** What `SqlRepository` needs from a database; one driver per dialect. */
export interface SqlDriver extends SqlRunner {
  readonly dialect: Dialect;
  /**
   * Runs `work` in a transaction that excludes every other writer, in this
   * process and in others, so change-log sequence numbers commit in order;
   * on commit, tells the other processes that the change log may have moved.
   */
  writeTransaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
  onExternalChanges(listener: () => void): void;
  isUnavailable(error: unknown): boolean;
  close(): Promise<void>;
}
