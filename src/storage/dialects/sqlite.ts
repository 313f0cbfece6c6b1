/**
 * @module sqlite
 * The embedded default: a local SQLite file through better-sqlite3, migrated from db/migrations with the
 * same bookkeeping table as `wrangler d1 migrations apply`, so a database can move between the runtimes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, type SqliteDatabase, SqliteDialect } from 'kysely';
import { LruMap } from '../../core/lru-map.js';
import type { Database } from '../schema.js';
import type { Store } from '../store.js';

export const MIGRATIONS_DIR = new URL('../../../db/migrations/', import.meta.url);

/** wrangler's own definition of its bookkeeping table (wrangler d1 migrations apply). */
const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS d1_migrations(
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  name       TEXT UNIQUE,
  applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
);`;

export interface SqliteStore extends Store {
  readonly raw: BetterSqlite3.Database;
  readonly close: () => Promise<void>;
}

/** Applies the migrations that the file has not seen yet, each in its own transaction; returns their names. */
export function migrate(raw: BetterSqlite3.Database, dir: string | URL = MIGRATIONS_DIR): string[] {
  raw.exec(MIGRATIONS_TABLE);
  const applied = new Set(raw.prepare('SELECT name FROM d1_migrations').pluck().all() as string[]);
  const pending = readdirSync(dir)
    .filter((name) => name.endsWith('.sql') && !applied.has(name))
    .sort();
  for (const name of pending) {
    const sqlText = readFileSync(join(dir instanceof URL ? dir.pathname : dir, name), 'utf8');
    raw.transaction(() => {
      raw.exec(sqlText);
      raw.prepare('INSERT INTO d1_migrations (name) VALUES (?)').run(name);
    })();
  }
  return pending;
}

/**
 * better-sqlite3 as Kysely's structural SqliteDatabase, keeping prepared statements by SQL text (least
 * recently used dropped first). Kysely's driver prepares every query anew, and preparing a listing costs
 * about as much as running it; query text repeats because values are bound parameters.
 */
function withStatementCache(raw: BetterSqlite3.Database, size = 256): SqliteDatabase {
  const cache = new LruMap<BetterSqlite3.Statement>(size);
  return {
    close: () => raw.close(),
    prepare: (sqlText) => {
      let statement = cache.get(sqlText);
      if (!statement) {
        statement = raw.prepare(sqlText);
        cache.set(sqlText, statement);
      }
      return statement;
    },
  };
}

/**
 * Opens (creating if needed) and migrates a SQLite file. WAL with synchronous=FULL: a write that was
 * acknowledged survives a crash of the process and a power loss; busy_timeout lets a second process wait
 * for the writer instead of failing with SQLITE_BUSY.
 */
export function openSqliteStore(path: string): SqliteStore {
  const raw = new BetterSqlite3(path);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.pragma('busy_timeout = 5000');
  raw.pragma('foreign_keys = ON');
  migrate(raw);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
  const version = raw.prepare('SELECT version, changed_at FROM data_version WHERE id = 1');
  return {
    raw,
    db,
    dataVersion: async () => {
      const row = version.get() as { version: number; changed_at: string };
      return { version: row.version, changedAt: row.changed_at };
    },
    batch: async (statements) => {
      await db.transaction().execute(async (trx) => {
        for (const statement of statements) await trx.executeQuery(statement.compile());
      });
    },
    close: () => db.destroy(),
  };
}
