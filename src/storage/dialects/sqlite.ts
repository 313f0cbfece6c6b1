/**
 * @module sqlite
 * The embedded default: a local SQLite file through better-sqlite3, migrated from db/migrations with the
 * same bookkeeping table as `wrangler d1 migrations apply`, so a database can move between the runtimes.
 */
import { accessSync, closeSync, constants, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, type SqliteDatabase, SqliteDialect } from 'kysely';
import { LruMap } from '../../core/lru-map.js';
import type { DataVersion } from '../data-version.js';
import type { Database } from '../schema.js';
import type { Store } from '../store.js';

export const MIGRATIONS_DIR = projectDirectory('db/migrations/');

/**
 * A directory of the project, found from this module upwards: the same whether it runs from src/ (tsx, tests)
 * or bundled in dist/server.mjs (npm start).
 */
function projectDirectory(relative: string): URL {
  for (let dir = new URL('./', import.meta.url); ; dir = new URL('../', dir)) {
    const candidate = new URL(relative, dir);
    if (existsSync(candidate)) return candidate;
    if (dir.pathname === '/') throw new Error(`no ${relative} above ${import.meta.url}`);
  }
}

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

/** A database file this version cannot use: not SQLite, damaged, or of a newer schema. */
export class DatabaseFileError extends Error {
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`database ${path}: ${problem}`);
  }
}

/** The migration files, by name. */
function migrationNames(dir: string | URL): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.sql'))
    .sort();
}

/** Applies the migrations that the file has not seen yet, each in its own transaction; returns their names. */
export function migrate(raw: BetterSqlite3.Database, dir: string | URL = MIGRATIONS_DIR): string[] {
  raw.exec(MIGRATIONS_TABLE);
  const applied = new Set(raw.prepare('SELECT name FROM d1_migrations').pluck().all() as string[]);
  const pending = migrationNames(dir).filter((name) => !applied.has(name));
  for (const name of pending) {
    const sqlText = readFileSync(join(dir instanceof URL ? dir.pathname : dir, name), 'utf8');
    raw.transaction(() => {
      raw.exec(sqlText);
      raw.prepare('INSERT INTO d1_migrations (name) VALUES (?)').run(name);
    })();
  }
  return pending;
}

const SQLITE_HEADER = 'SQLite format 3\u0000';

/** Refuses a file that exists but is not SQLite, before SQLite reads it (the magic string of the SQLite file format). */
function checkHeader(path: string): void {
  let size = 0;
  try {
    size = statSync(path).size;
  } catch {
    return; // not there yet: SQLite creates it
  }
  if (size === 0) return;
  const head = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (head.toString('latin1') !== SQLITE_HEADER) throw new DatabaseFileError(path, 'is not a SQLite database');
}

/**
 * A cheap check of the schema, not a full integrity check: the schema pages must read, and every migration the
 * file records must be one this version knows (a newer version wrote it otherwise).
 */
function checkSchema(raw: BetterSqlite3.Database, path: string): void {
  let tables: string[];
  try {
    tables = raw.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[];
  } catch (error) {
    throw new DatabaseFileError(path, `is damaged (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!tables.includes('d1_migrations')) return;
  const known = new Set(migrationNames(MIGRATIONS_DIR));
  const unknown = (raw.prepare('SELECT name FROM d1_migrations ORDER BY id').pluck().all() as string[]).filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw new DatabaseFileError(path, `has a newer schema than this version knows (migration ${unknown[0]}); run a newer version`);
  }
}

/** Whether SQLite could open the file for reading only (it does so silently when the file is read-only). */
function isReadOnlyFile(raw: BetterSqlite3.Database): boolean {
  try {
    accessSync(raw.name, constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

/**
 * better-sqlite3 as Kysely's structural SqliteDatabase, keeping prepared statements by SQL text (least
 * recently used dropped first). Kysely's driver prepares every query anew, and preparing a listing costs
 * about as much as running it; query text repeats because values are bound parameters.
 */
function withStatementCache(
  raw: BetterSqlite3.Database,
  onWrite: () => void,
  size = 256,
): SqliteDatabase & { prepare: (sql: string) => BetterSqlite3.Statement } {
  const cache = new LruMap<BetterSqlite3.Statement>({ entries: size });
  return {
    close: () => raw.close(),
    prepare: (sqlText) => {
      let statement = cache.get(sqlText);
      if (!statement) {
        statement = raw.prepare(sqlText);
        cache.set(sqlText, statement);
      }
      // Every statement is prepared right before it runs: one that writes makes the known data version stale.
      if (!statement.reader) onWrite();
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
  checkHeader(path);
  let raw: BetterSqlite3.Database;
  try {
    raw = new BetterSqlite3(path);
  } catch (error) {
    throw new DatabaseFileError(path, `cannot be opened (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    checkSchema(raw, path);
    raw.pragma('busy_timeout = 5000');
    // A read-only file is served read-only (writes answer 503); WAL needs a writable file.
    if (!raw.readonly && !isReadOnlyFile(raw)) raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    raw.pragma('foreign_keys = ON');
    migrate(raw);
  } catch (error) {
    raw.close();
    if (error instanceof DatabaseFileError) throw error;
    throw new DatabaseFileError(path, `cannot be prepared (${error instanceof Error ? error.message : String(error)})`);
  }
  // The data version without a table read per request: SQLite's PRAGMA data_version changes when another
  // connection (another process) commits, and this connection's own writes forget the value known.
  let known: { readonly pragma: number; readonly value: DataVersion } | null = null;
  let thisTurn: DataVersion | null = null;
  const statements = withStatementCache(raw, () => {
    known = null;
    thisTurn = null;
  });
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: statements }) });
  // better-sqlite3's own transaction: it rolls back only what is still open, so the error a write failed with
  // (SQLITE_FULL, SQLITE_READONLY …, after which SQLite has rolled back already) is the one reported.
  const inTransaction = raw.transaction((compiled: ReadonlyArray<{ sql: string; parameters: readonly unknown[] }>) => {
    for (const { sql, parameters } of compiled) statements.prepare(sql).run(parameters);
  });
  const version = raw.prepare('SELECT version, changed_at, reference_version FROM data_version WHERE id = 1');
  const pragma = raw.prepare('PRAGMA data_version').pluck();
  return {
    raw,
    db,
    dataVersion: async () => {
      // Polls that arrive in one turn of the event loop (one poll phase) share one read: another process's
      // commit seen a turn later is the same as a poll that came a moment earlier; this process's own writes
      // forget it.
      if (thisTurn) return thisTurn;
      const current = pragma.get() as number;
      if (known?.pragma !== current) {
        const row = version.get() as { version: number; changed_at: string; reference_version: number };
        known = { pragma: current, value: { version: row.version, changedAt: row.changed_at, referenceVersion: row.reference_version } };
      }
      thisTurn = known.value;
      setImmediate(() => {
        thisTurn = null;
      });
      return thisTurn;
    },
    batch: async (batch) => {
      known = null;
      thisTurn = null;
      inTransaction(batch.map((statement) => statement.compile()));
    },
    close: () => db.destroy(),
  };
}
