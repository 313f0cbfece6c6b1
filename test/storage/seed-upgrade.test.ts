/**
 * The seed upgrade on a SQLite file: migrated to the revision-1 release's schema, filled with its data, then
 * opened (which migrates the rest) and loaded with the current seed set.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll } from 'vitest';
import { MIGRATIONS_DIR, migrate, openSqliteStore, type SqliteStore } from '../../src/storage/dialects/sqlite.js';
import { describeSeedUpgrade, FIXTURE_STATEMENTS, RELEASE_1_MIGRATIONS } from './seed-upgrade-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'isa-upgrade-'));
let store: SqliteStore | undefined;
afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describeSeedUpgrade('SQLite', async () => {
  const releaseMigrations = join(dir, 'migrations');
  mkdirSync(releaseMigrations);
  const source = fileURLToPath(MIGRATIONS_DIR);
  for (const name of readdirSync(source).sort().slice(0, RELEASE_1_MIGRATIONS))
    copyFileSync(join(source, name), join(releaseMigrations, name));
  const path = join(dir, 'isa.sqlite');
  const raw = new BetterSqlite3(path);
  migrate(raw, releaseMigrations);
  raw.transaction(() => {
    for (const statement of FIXTURE_STATEMENTS) raw.exec(statement);
  })();
  raw.close();
  store = openSqliteStore(path);
  return store;
});
