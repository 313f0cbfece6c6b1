import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_SET } from '../../seeds/index.js';
import { DATA_TABLES, exportSql, importSql, isSearchIndexTable, TRANSIENT_TABLES } from '../../src/cli/sql-transfer.js';
import { searchTerms } from '../../src/core/text/search-text.js';
import { ensureSearchIndex, rebuildSearchIndex, searchEvents, searchIndexCurrent } from '../../src/storage/search-repository.js';
import { type TempStore, tempStore } from '../fixtures/sqlite.js';

/** The ids of the events a query finds in a database, by its text alone. */
const search = async (t: TempStore, query: string) =>
  (await searchEvents(t.store.db, { terms: searchTerms(query).map(({ match }) => ({ match, cities: [] })), limit: 100 })).map((e) => e.id);

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

  it('regression: the export left out the source catalogue (every table but the migrations and the search index is data)', () => {
    const tables = from.store.raw
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'd1_migrations'")
      .pluck()
      .all() as string[];
    expect([...DATA_TABLES, ...TRANSIENT_TABLES].sort()).toEqual(tables.filter((t) => !isSearchIndexTable(t)).sort());
    // The search index: the FTS5 table, its shadow tables and the marker (migration 0014), nothing else.
    expect(tables.filter(isSearchIndexTable).sort()).toEqual([
      'event_search',
      'event_search_config',
      'event_search_content',
      'event_search_data',
      'event_search_docsize',
      'event_search_idx',
      'search_index',
    ]);
  });

  it('leaves the search index out of the export, and the target rebuilds it from the imported events', async () => {
    // Both indexes current, then an event's text changes in the source only.
    await ensureSearchIndex(from.store);
    await ensureSearchIndex(to.store);
    from.store.raw
      .prepare(`UPDATE events SET description_en = 'Held in the Zwischenablage hall' WHERE id = 'isa-plenary-2019-10-foshan'`)
      .run();
    const sql = exportSql(from.store.raw);
    expect(sql).not.toMatch(/event_search|INTO search_index/);
    expect(sql).toContain('DELETE FROM search_index;');

    importSql(to.store.raw, sql);
    expect(await searchIndexCurrent(to.store.db)).toBe(false);
    expect(await ensureSearchIndex(to.store)).toBe(true);
    expect(to.store.raw.prepare('SELECT count(*) FROM event_search').pluck().get()).toBe(SEED_SET.events.length);
    expect(await search(to, 'Foshan')).toContain('isa-plenary-2019-10-foshan');
    expect(await search(to, 'Zwischenablage')).toEqual(['isa-plenary-2019-10-foshan']);
    // The source's own index, rebuilt from its events (the change was written around the event writer), agrees.
    await rebuildSearchIndex(from.store);
    for (const query of ['Foshan', '佛山', 'Koeln', 'Zwischenablage'])
      expect(await search(to, query), query).toEqual(await search(from, query));
  });

  it('has the index rebuilt after importing a file that says nothing of it (a D1 backup of the data tables)', async () => {
    await ensureSearchIndex(to.store);
    importSql(to.store.raw, exportSql(from.store.raw).replace('DELETE FROM search_index;\n', ''));
    expect(await searchIndexCurrent(to.store.db)).toBe(false);
    expect(await ensureSearchIndex(to.store)).toBe(true);
    expect(await search(to, 'Foshan')).toEqual(await search(from, 'Foshan'));
  });
});
