/**
 * @module d1-backup
 * `npm run worker:backup -- <file.sql> --remote` (or `--local`): a backup of the D1 database as one SQL data file.
 * `wrangler d1 export` refuses a whole database that holds an FTS5 table (the search index, migration 0014;
 * workers-sdk #6305, #9519), so each data table is exported on its own (`wrangler d1 export DB --table <t>
 * --no-schema`), in the order of DATA_TABLES; the search index is not backed up, it is rebuilt from the events.
 * The tables are loaded into a temporary migrated SQLite file, which checks them (foreign keys, integrity), and
 * written from there as `npm run db:export-sql` writes a Node file: restore with
 * `wrangler d1 execute DB --remote --file <file.sql>` on a migrated database, or `npm run db:import-sql`.
 *
 * While a remote export runs, D1 answers no queries (wrangler asks before each; this runs them without asking).
 * `--print` prints the wrangler commands instead of running them; `--config <wrangler.toml>` is passed on.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openSqliteStore } from '../storage/dialects/sqlite.js';
import { isEntryPoint } from './entry-point.js';
import { DATA_TABLES, exportSql } from './sql-transfer.js';

export type D1Location = '--remote' | '--local';

/** The wrangler arguments that export each data table into `dir`, one file per table, in DATA_TABLES order. */
export function tableExportCommands(
  location: D1Location,
  dir: string,
  config?: string,
): Array<{ table: string; file: string; args: string[] }> {
  return DATA_TABLES.map((table, i) => {
    const file = join(dir, `${String(i + 1).padStart(2, '0')}-${table}.sql`);
    const args = [
      'd1',
      'export',
      'DB',
      location,
      '--table',
      table,
      '--no-schema',
      '--output',
      file,
      // Asked once per table otherwise: the database answers no queries while a remote export runs.
      ...(location === '--remote' ? ['--skip-confirmation'] : []),
      ...(config ? ['--config', config] : []),
    ];
    return { table, file, args };
  });
}

/**
 * The backup from the table files (`wrangler d1 export --no-schema` of each, in DATA_TABLES order): loaded into a
 * migrated SQLite file at `scratch` (emptied first of the rows the migrations put in) and written as an export.
 */
export async function backupFromTableExports(
  files: readonly string[],
  scratch: string,
): Promise<{ sql: string; rows: Record<string, number> }> {
  const store = openSqliteStore(scratch);
  try {
    const { raw } = store;
    raw.transaction(() => {
      for (const table of [...DATA_TABLES].reverse()) raw.exec(`DELETE FROM ${table}`);
      for (const file of files) raw.exec(readFileSync(file, 'utf8'));
    })();
    const broken = raw.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0)
      throw new Error(`the exported tables break ${broken.length} foreign keys: ${JSON.stringify(broken.slice(0, 3))}`);
    const integrity = raw.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`the exported tables fail SQLite's integrity check: ${String(integrity)}`);
    const rows = Object.fromEntries(DATA_TABLES.map((t) => [t, raw.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]));
    return { sql: exportSql(raw), rows };
  } finally {
    await store.close();
  }
}

if (isEntryPoint(import.meta.url)) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { remote: { type: 'boolean' }, local: { type: 'boolean' }, print: { type: 'boolean' }, config: { type: 'string' } },
  });
  const out = positionals[0];
  if (values.remote === values.local || (!out && !values.print)) {
    console.error('usage: npm run worker:backup -- <file.sql> --remote|--local [--config <wrangler.toml>], or -- --print --remote|--local');
    process.exit(2);
  }
  const location: D1Location = values.remote ? '--remote' : '--local';
  const dir = mkdtempSync(join(tmpdir(), 'isa-d1-backup-'));
  try {
    const commands = tableExportCommands(location, values.print ? '.' : dir, values.config);
    if (values.print) {
      for (const { args } of commands) console.log(['npx', 'wrangler', ...args].join(' '));
    } else {
      const wrangler = fileURLToPath(new URL('../../node_modules/.bin/wrangler', import.meta.url));
      if (location === '--remote') console.log('the database answers no queries while each table is exported (seconds)');
      for (const { table, args } of commands) {
        console.log(`exporting ${table}`);
        execFileSync(wrangler, args, { stdio: ['ignore', 'ignore', 'inherit'] });
      }
      const { sql, rows } = await backupFromTableExports(
        commands.map((c) => c.file),
        join(dir, 'check.sqlite'),
      );
      writeFileSync(resolve(out ?? ''), sql);
      console.log(
        `backed up ${Object.entries(rows)
          .map(([t, n]) => `${t} ${n}`)
          .join(', ')} to ${out}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
