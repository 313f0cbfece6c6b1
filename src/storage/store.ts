/**
 * @module store
 * What the repositories need from a database: a Kysely instance for queries, and one way to apply several
 * statements atomically — a transaction on SQLite, `batch()` on D1 (kysely-d1 throws on `db.transaction()`).
 */
import type { Compilable, Kysely } from 'kysely';
import type { DataVersion } from './data-version.js';
import type { Database } from './schema.js';

export interface Store {
  readonly db: Kysely<Database>;
  /** Runs the statements in order, all or nothing. */
  readonly batch: (statements: readonly Compilable[]) => Promise<void>;
  /**
   * The data version, read on every calendar and feed request; a dialect may answer it faster than a
   * Kysely query (on SQLite a prepared statement answers in a few µs, Kysely's round takes ~15 µs).
   */
  readonly dataVersion: () => Promise<DataVersion>;
}
