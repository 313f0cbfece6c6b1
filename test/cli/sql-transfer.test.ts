import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_SET } from '../../seeds/index.js';
import { DATA_TABLES, exportSql, importSql, TRANSIENT_TABLES } from '../../src/cli/sql-transfer.js';
import { type TempStore, tempStore } from '../fixtures/sqlite.js';

let from: TempStore;
let to: TempStore;
beforeAll(async () => {
  from = await tempStore();
  // Text that needs quoting survives: quotes, newlines, Chinese.
  from.store.raw.prepare(`UPDATE events SET title_de = ? WHERE id = 'isa-plenary-2018'`).run(`It's "6."\n佛山; DROP TABLE events; --`);
  to = await tempStore(false);
});
afterAll(async () => {
  await from.dispose();
  await to.dispose();
});

describe('db:export-sql / db:import-sql', () => {
  it('moves every row of every table into a freshly migrated database', () => {
    const sql = exportSql(from.store.raw);
    importSql(to.store.raw, sql);
    for (const table of DATA_TABLES) {
      const dump = (t: TempStore) => JSON.stringify(t.store.raw.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all());
      expect(dump(to), table).toBe(dump(from));
    }
    expect(to.store.raw.pragma('integrity_check', { simple: true })).toBe('ok');
    // Applying it again replaces rows instead of duplicating them.
    importSql(to.store.raw, sql);
    expect(to.store.raw.prepare('SELECT count(*) FROM events').pluck().get()).toBe(SEED_SET.events.length);
  });

  it('regression: the export left out the source catalogue (every table but the migrations is data)', () => {
    const tables = from.store.raw
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'd1_migrations'")
      .pluck()
      .all() as string[];
    expect([...DATA_TABLES, ...TRANSIENT_TABLES].sort()).toEqual(tables.sort());
  });
});
