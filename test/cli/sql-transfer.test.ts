import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_TABLES, exportSql, importSql } from '../../src/cli/sql-transfer.js';
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
    expect(to.store.raw.prepare('SELECT count(*) FROM events').pluck().get()).toBe(11);
  });
});
