/**
 * The import use case on a real SQLite file: a 1,000-event spreadsheet commits as a bounded number of
 * statements (D1 allows about 1,000 queries per Worker invocation, and local workerd does not enforce it), a
 * dry run expires after 24 hours, and only its account (or the secretariat) commits it.
 */
import { stringify } from 'csv-stringify/sync';
import type { KyselyPlugin } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Account } from '../../src/core/model.js';
import { createDocumentCache } from '../../src/documents/document-cache.js';
import { commitImport, dryRunImport, type ImportRequest } from '../../src/writing/import-events.js';
import type { WriteContext } from '../../src/writing/write-event.js';
import { testConfig } from '../fixtures/config.js';
import { type TempStore, tempStore } from '../fixtures/sqlite.js';

const SECRETARIAT: Account = { id: 'token:admin', label: 'admin', role: 'secretariat', lang: 'de', cities: [] };
const KOELN_EDITOR: Account = { id: 'a-koeln', label: 'Köln', role: 'city-editor', lang: 'de', cities: ['koeln'] };

/** Counts every statement Kysely compiles or runs on the store: queries and the statements of a batch. */
function counting() {
  let count = 0;
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      count++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return {
    plugin,
    count: () => count,
    reset: () => {
      count = 0;
    },
  };
}

/** A spreadsheet of `n` new events in the template's columns (English headers). */
function spreadsheet(n: number): Uint8Array {
  const rows = Array.from({ length: n }, (_, i) => {
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((i % 12) + 1).padStart(2, '0');
    return ['conference', `Import ${i}`, `导入 ${i}`, `2028-${month}-${day} 10:00`, i % 2 ? 'Köln' : 'Foshan', i % 3 ? '' : 'Solingen'];
  });
  return new TextEncoder().encode(stringify([['kind', 'title_de', 'title_zh', 'start', 'cities', 'participants'], ...rows]));
}

describe('importing events', () => {
  let t: TempStore;
  let now = Date.parse('2026-12-03T09:00:00Z');
  const counter = counting();
  let ctx: WriteContext;
  const request = (bytes: Uint8Array): ImportRequest => ({ format: 'csv', bytes, lang: 'de' });

  beforeEach(async () => {
    t = await tempStore();
    now = Date.parse('2026-12-03T09:00:00Z');
    const store = { ...t.store, db: t.store.db.withPlugin(counter.plugin) };
    ctx = { deps: { store, clock: () => now, config: testConfig() }, cache: createDocumentCache() };
  });
  afterEach(() => t.dispose());

  it('commits 1,000 events in one batch of a bounded number of statements, and the same file again changes nothing', async () => {
    const bytes = spreadsheet(1000);
    counter.reset();
    const run = await dryRunImport(ctx, SECRETARIAT, request(bytes));
    const dryRunStatements = counter.count();
    expect(run.ok).toBe(true);
    if (!run.ok) return;
    expect(run.value.items.filter((i) => i.outcome === 'new')).toHaveLength(1000);
    counter.reset();
    const committed = await commitImport(ctx, SECRETARIAT, run.value.id);
    const commitStatements = counter.count();
    expect(committed.ok).toBe(true);
    // A fixed number per 250 events, a few reads: far below D1's ~1,000 queries per invocation.
    expect(dryRunStatements).toBeLessThan(40);
    expect(commitStatements).toBeLessThan(60);
    const count = (sql: string) => (t.store.raw.prepare(sql).pluck().get() as number) ?? 0;
    expect(
      count(
        `SELECT count(*) FROM event_listings l JOIN events e ON e.id = l.event_id WHERE l.city = 'koeln' AND e.title_de LIKE 'Import %'`,
      ),
    ).toBe(500);
    expect(count(`SELECT count(*) FROM event_history WHERE actor = 'admin' AND action = 'created'`)).toBe(1000);
    expect(count(`SELECT count(*) FROM event_listings WHERE city = 'solingen' AND via = 'participant'`)).toBeGreaterThanOrEqual(334);
    const again = await dryRunImport(ctx, SECRETARIAT, request(bytes));
    expect(again.ok && again.value.items.every((i) => i.outcome === 'unchanged')).toBe(true);
  });

  it('lets a dry run expire after 24 hours (gone), and only its account or the secretariat commit it', async () => {
    const own = await dryRunImport(ctx, KOELN_EDITOR, { ...request(spreadsheet(4)), cities: ['koeln'] });
    expect(own.ok).toBe(true);
    if (!own.ok) return;
    // Foshan's rows are beyond a Köln editor's cities: they become proposals for the secretariat.
    expect(own.value.items.map((i) => [i.outcome, i.proposal ?? false])).toEqual([
      ['new', true],
      ['new', false],
      ['new', true],
      ['new', false],
    ]);
    const stranger: Account = { ...KOELN_EDITOR, id: 'a-other' };
    expect(await commitImport(ctx, stranger, own.value.id)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const later = await dryRunImport(ctx, KOELN_EDITOR, { ...request(spreadsheet(4)), cities: ['koeln'] });
    now += 24 * 3_600_000 + 1;
    expect(await commitImport(ctx, KOELN_EDITOR, own.value.id)).toMatchObject({ ok: false, error: { code: 'gone' } });
    if (!later.ok) return;
    // A dry run of its own, committed in time: two events, two proposals, nothing of Foshan public.
    now -= 2 * 3_600_000;
    const committed = await commitImport(ctx, KOELN_EDITOR, later.value.id);
    expect(committed.ok).toBe(true);
    if (!committed.ok) return;
    const proposals = committed.value.items.filter((i) => typeof i.proposal === 'string');
    expect(proposals).toHaveLength(2);
    const count = (sql: string) => t.store.raw.prepare(sql).pluck().get() as number;
    expect(count(`SELECT count(*) FROM proposals WHERE status = 'open' AND action = 'create' AND proposer = 'Köln'`)).toBe(2);
    expect(count(`SELECT count(*) FROM events WHERE title_de LIKE 'Import %'`)).toBe(2);
  });
});
