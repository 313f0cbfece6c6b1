/**
 * The data version on SQLite without a table read per poll: PRAGMA data_version, shared by the polls of one
 * turn of the event loop. A commit by another connection (another process on the same file) is seen from the
 * next turn on, and this connection's own writes at once.
 */
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TempStore, tempStore } from '../../fixtures/sqlite.js';

const nextTurn = () => new Promise((resume) => setImmediate(resume));

describe('the SQLite data version', () => {
  let t: TempStore;
  let other: BetterSqlite3.Database;
  beforeAll(async () => {
    t = await tempStore(false);
    other = new BetterSqlite3(t.path);
  });
  afterAll(async () => {
    other.close();
    await t.dispose();
  });

  it("sees another connection's commit from the next turn of the event loop on", async () => {
    const before = await t.store.dataVersion();
    other.prepare("UPDATE data_version SET version = version + 1, changed_at = '2026-12-02T10:00:00Z' WHERE id = 1").run();
    await nextTurn();
    expect((await t.store.dataVersion()).version).toBe(before.version + 1);
  });

  it('sees its own writes at once, in the same turn', async () => {
    const before = await t.store.dataVersion();
    await t.store.batch([
      t.store.db
        .updateTable('data_version')
        .set({ version: before.version + 1, changed_at: '2026-12-02T11:00:00Z' })
        .where('id', '=', 1),
    ]);
    expect((await t.store.dataVersion()).version).toBe(before.version + 1);
  });
});
