/**
 * @module sql-transfer
 * Moves data between the Node SQLite file and D1 as SQL, for `npm run db:export-sql` and `npm run db:import-sql`:
 *
 * - export: the data (not the schema) of every table as INSERT statements, literals written by SQLite's own
 *   quote(), ready for `wrangler d1 execute DB --remote --file <file>` on a migrated D1 database;
 * - import: applies such a file — or a backup of D1 (`npm run worker:backup`, src/cli/d1-backup.ts) — to a
 *   migrated SQLite file in one transaction.
 *
 * The search index is derived data and never moves: the target rebuilds it from the events (isSearchIndexTable).
 * Both sides must be at the same migration (the same db/migrations), which both runtimes record in d1_migrations.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { openSqliteStore } from '../storage/dialects/sqlite.js';
import { isEntryPoint } from './entry-point.js';

/**
 * Not exported but emptied by an import: what the renderers stored (src/documents/), since the rows imported
 * may differ from the target's under the same revision and the target renders them anew; and the editor's
 * sign-in sessions, which belong to the database they were started on (people sign in again); and imports' dry
 * runs, which expire within a day and are checked against the source's revisions.
 */
export const TRANSIENT_TABLES = ['fragments', 'documents', 'sessions', 'imports'] as const;

/**
 * Derived data, neither exported nor imported: the search index — the FTS5 table `event_search` (migration 0014)
 * and the shadow tables FTS5 keeps it in (`event_search_data`, `_idx`, `_content`, `_docsize`, `_config`) — and
 * its marker `search_index`. An export file empties the marker of the database it is applied to, and an import
 * empties it whatever the file held, so that the index is rebuilt there from the events (ensureSearchIndex,
 * src/storage/search-repository.ts, on the next search). `wrangler d1 export` refuses a whole database that
 * holds an FTS5 table, which is why a D1 backup is exported table by table (src/cli/d1-backup.ts). Whether a
 * table is one of them:
 */
export const isSearchIndexTable = (name: string): boolean =>
  name === 'search_index' || name === 'event_search' || name.startsWith('event_search_');

/** Tables in an order that satisfies the foreign keys. */
export const DATA_TABLES = [
  'sources',
  'cities',
  'city_names',
  'memberships',
  'events',
  'event_cities',
  'event_listings',
  'event_history',
  'seed_items',
  'data_version',
  'accounts',
  'proposals',
  'event_uids',
  'city_history',
] as const;

/** The data of a SQLite database as SQL INSERT statements (existing rows of the target are replaced). */
export function exportSql(raw: BetterSqlite3.Database): string {
  const lines = [
    '-- isa-calendar data export; apply to a database migrated to the same db/migrations.',
    'PRAGMA defer_foreign_keys = ON;',
    ...TRANSIENT_TABLES.map((table) => `DELETE FROM ${table};`),
    // The target's index no longer matches its events: it is rebuilt on the next search.
    'DELETE FROM search_index;',
  ];
  for (const table of DATA_TABLES) {
    // Generated columns (events.span) are computed by the target, so they are not written.
    const columns = raw.prepare(`SELECT name FROM pragma_table_xinfo(?) WHERE hidden = 0`).pluck().all(table) as string[];
    const values = columns.map((c) => `quote("${c}")`).join(` || ',' || `);
    const rows = raw
      .prepare(
        `SELECT 'INSERT OR REPLACE INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (' || ${values} || ');' FROM ${table}`,
      )
      .pluck()
      .all() as string[];
    lines.push(...rows);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Applies an SQL data file to a migrated SQLite database, all or nothing, and leaves the search index to be rebuilt
 * from the events it now holds (whatever the file said of the index).
 */
export function importSql(raw: BetterSqlite3.Database, sqlText: string): void {
  raw.transaction(() => {
    raw.exec(sqlText);
    raw.exec('DELETE FROM search_index');
  })();
}

if (isEntryPoint(import.meta.url)) {
  const [command, file] = process.argv.slice(2);
  if ((command !== 'export' && command !== 'import') || !file) {
    console.error(
      'usage: npm run db:export-sql|db:import-sql -- <file.sql>, or tsx src/cli/sql-transfer.ts export|import <file.sql> (DATABASE_PATH selects the SQLite file)',
    );
    process.exit(2);
  }
  const store = openSqliteStore(resolve(process.env.DATABASE_PATH ?? 'data/isa-calendar.sqlite'));
  if (command === 'export') writeFileSync(file, exportSql(store.raw));
  else importSql(store.raw, readFileSync(file, 'utf8'));
  console.log(`${command}ed ${file}`);
  await store.close();
}
