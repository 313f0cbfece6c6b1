/**
 * Import and single-write benchmarks on the Node default (SQLite file, WAL, synchronous=FULL), each side by side
 * with raw better-sqlite3 writing the same rows in one run:
 * - a 1,000-event spreadsheet: the dry run, and the commit (one transaction of set-based statements, reads of the
 *   events it touches included) against raw better-sqlite3 inserting exactly the rows the commit wrote (events,
 *   city links, listings, history) with prepared statements in one transaction;
 * - one event written through the write module (writing/write-event.ts createEvent: validation, city
 *   resolution, the VEVENT rendered in three languages, one atomic batch) against raw SQL writing the same rows
 *   (fragments included), both one transaction per write.
 * Each side runs on a file of its own holding the seeds; rounds alternate which side goes first.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { stringify } from 'csv-stringify/sync';
import type { Account } from '../src/core/model.js';
import { createDocumentCache } from '../src/documents/document-cache.js';
import type { SqliteStore } from '../src/storage/dialects/sqlite.js';
import { eventInputSchema } from '../src/writing/event-input.js';
import { commitImport, dryRunImport } from '../src/writing/import-events.js';
import { createEvent, type WriteContext } from '../src/writing/write-event.js';
import { storedEvents } from './data.js';
import { percentiles } from './machine.js';

const CONFIG = { publicUrl: 'https://isa.example.org', uidDomain: 'isa-calendar.invalid', writers: [], writeOrigins: [] };
const SECRETARIAT: Account = { id: 'bench', label: 'bench', role: 'secretariat', lang: 'de', cities: [] };
type Figures = { p50: number; p95: number };

export interface ImportsBench {
  readonly events: number;
  readonly rounds: number;
  /** Dry runs of the file (ms). */
  readonly dryRun: Figures;
  /** Commits of the dry run, whole: reads, checks, the transaction (ms). */
  readonly commit: Figures;
  /** The commit's transaction alone: its database time (ms). */
  readonly transaction: Figures;
  /** Raw better-sqlite3 inserting the same rows in one transaction (ms). */
  readonly raw: Figures;
  /** Statements in one commit's transaction. */
  readonly statements: number;
  readonly single: {
    readonly count: number;
    /** createEvent, one event per transaction (ms). */
    readonly module: Figures;
    /** The same rows by raw prepared statements, one transaction per write (ms). */
    readonly raw: Figures;
  };
}

/** A spreadsheet of `n` new events over the seeded cities, in the template's English headers. */
function spreadsheet(n: number, round: number): Uint8Array {
  const cities = ['Köln', 'Foshan', 'Solingen', 'Nanning', 'Aachen', 'Liuzhou'];
  const rows = Array.from({ length: n }, (_, i) => [
    'conference',
    `Import ${round}-${i}`,
    `导入 ${round}-${i}`,
    `2028-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')} 10:00`,
    cities[i % cities.length] ?? 'Köln',
    cities[(i + 1) % cities.length] ?? 'Foshan',
  ]);
  return new TextEncoder().encode(stringify([['kind', 'title_de', 'title_zh', 'start', 'cities', 'participants'], ...rows]));
}

const contextOf = (store: SqliteStore): WriteContext => ({
  deps: { store, clock: () => Date.now(), config: CONFIG },
  cache: createDocumentCache(),
});

/** Copies the rows of `tables` written for `ids` from one file into raw inserts, prepared once. */
function rowCopier(from: BetterSqlite3.Database, to: BetterSqlite3.Database, tables: ReadonlyArray<readonly [string, string]>) {
  const plans = tables.map(([table, key]) => {
    const columns = (from.prepare('SELECT name FROM pragma_table_xinfo(?) WHERE hidden = 0').pluck().all(table) as string[]).filter(
      (c) => !(table === 'event_history' && c === 'seq'),
    );
    return {
      select: from.prepare(`SELECT ${columns.join(', ')} FROM ${table} WHERE ${key} IN (SELECT value FROM json_each(?))`),
      insert: to.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`),
    };
  });
  return (ids: readonly string[]) => {
    const rows = plans.map((plan) => ({ plan, rows: plan.select.raw().all(JSON.stringify(ids)) as unknown[][] }));
    return to.transaction(() => {
      for (const { plan, rows: list } of rows) for (const row of list) plan.insert.run(row);
      to.prepare('UPDATE data_version SET version = version + 1 WHERE id = 1').run();
    });
  };
}

/** Runs both benchmarks: `rounds` imports of `events` rows per side, and `writes` single writes per side. */
export async function benchImports(rounds = 5, events = 1000, writes = 300): Promise<ImportsBench> {
  const dir = mkdtempSync(join(tmpdir(), 'isa-bench-imports-'));
  const stores: SqliteStore[] = [];
  try {
    const ours = await storedEvents(join(dir, 'ours.sqlite'), []);
    const raw = await storedEvents(join(dir, 'raw.sqlite'), []);
    stores.push(ours, raw);
    const ctx = contextOf(ours);
    const tables = [
      ['events', 'id'],
      ['event_cities', 'event_id'],
      ['event_listings', 'event_id'],
      ['event_history', 'event_id'],
      ['event_uids', 'event_id'],
    ] as const;
    const copy = rowCopier(ours.raw, raw.raw, tables);
    const dryRuns: number[] = [];
    const commits: number[] = [];
    const transactions: number[] = [];
    const raws: number[] = [];
    let statements = 0;
    for (let round = 0; round < rounds + 1; round++) {
      let t0 = performance.now();
      const run = await dryRunImport(ctx, SECRETARIAT, { format: 'csv', bytes: spreadsheet(events, round), lang: 'de' });
      const dryMs = performance.now() - t0;
      if (!run.ok || run.value.items.some((i) => i.outcome !== 'new')) throw new Error('the dry run did not plan every row as new');
      const batch = ours.batch;
      let counted = 0;
      let databaseMs = 0;
      // The commit's transaction, timed apart from the reads and the checks before it.
      const counting = {
        ...ours,
        batch: async (s: Parameters<typeof batch>[0]) => {
          counted = s.length;
          const start = performance.now();
          await batch(s);
          databaseMs = performance.now() - start;
        },
      };
      t0 = performance.now();
      const committed = await commitImport({ ...ctx, deps: { ...ctx.deps, store: counting } }, SECRETARIAT, run.value.id);
      const commitMs = performance.now() - t0;
      if (!committed.ok) throw new Error(`the commit failed: ${committed.error.message}`);
      const ids = run.value.items.map((i) => i.id ?? '');
      // The raw side inserts exactly the rows the commit wrote, read beforehand (not timed).
      const insert = copy(ids);
      t0 = performance.now();
      insert();
      const rawMs = performance.now() - t0;
      // The first round warms up (JIT, statement caches).
      if (round === 0) continue;
      dryRuns.push(dryMs);
      commits.push(commitMs);
      transactions.push(databaseMs);
      raws.push(rawMs);
      statements = counted;
    }
    const single = await benchSingleWrites(ours, raw, writes);
    return {
      events,
      rounds,
      dryRun: percentiles(dryRuns),
      commit: percentiles(commits),
      transaction: percentiles(transactions),
      raw: percentiles(raws),
      statements,
      single,
    };
  } finally {
    for (const store of stores) await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchSingleWrites(ours: SqliteStore, raw: SqliteStore, count: number): Promise<ImportsBench['single']> {
  const ctx = contextOf(ours);
  const input = (n: number) =>
    eventInputSchema.parse({
      kind: 'conference',
      title: { de: `Wirtschaftsforum ${n}`, zh: `经济论坛 ${n}` },
      cities: ['Foshan'],
      participants: ['Köln'],
      start: '2027-10-24T09:00',
      end: '2027-10-24T12:00',
      timeZone: 'Asia/Shanghai',
    });
  const copy = rowCopier(ours.raw, raw.raw, [
    ['events', 'id'],
    ['event_cities', 'event_id'],
    ['event_listings', 'event_id'],
    ['event_history', 'event_id'],
    ['fragments', 'event_id'],
  ]);
  const moduleTimes: number[] = [];
  const rawTimes: number[] = [];
  for (let i = -20; i < count; i++) {
    const t0 = performance.now();
    const written = await createEvent(ctx, input(i + 20), SECRETARIAT);
    const moduleMs = performance.now() - t0;
    if (!written.ok || !('event' in written.value)) throw new Error('a write failed');
    const insert = copy([written.value.event.id]);
    const t1 = performance.now();
    insert();
    const rawMs = performance.now() - t1;
    if (i < 0) continue;
    moduleTimes.push(moduleMs);
    rawTimes.push(rawMs);
  }
  return { count, module: percentiles(moduleTimes), raw: percentiles(rawTimes) };
}
