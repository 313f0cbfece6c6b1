import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/storage/dialects/sqlite.js';
import type { Database } from '../../src/storage/schema.js';
import { type TempStore, tempStore } from '../fixtures/sqlite.js';

// Every column of every table, checked against the TypeScript types at compile time and the SQL at run time.
const COLUMNS: { [T in keyof Database]: Record<keyof Database[T], true> } = {
  cities: {
    slug: true,
    name_de: true,
    name_en: true,
    name_zh: true,
    name_zh_uncertain: true,
    country: true,
    subdivision: true,
    time_zone: true,
    parent: true,
    note: true,
    revision: true,
  },
  memberships: {
    city: true,
    position: true,
    status: true,
    from_value: true,
    from_key: true,
    to_value: true,
    to_key: true,
    end_reason: true,
    admitted_at: true,
    sources: true,
  },
  event_search: { event_id: true, body: true },
  search_index: { id: true, version: true },
  event_listings: { city: true, event_id: true, via: true, start_key: true, end_key: true },
  seed_items: { item: true, seed_revision: true, item_revision: true },
  accounts: {
    id: true,
    label: true,
    role: true,
    lang: true,
    cities: true,
    token_digest: true,
    created_at: true,
    created_by: true,
    revoked_at: true,
  },
  sessions: { id_digest: true, account: true, form_token: true, created_at: true, expires_at: true },
  proposals: {
    id: true,
    action: true,
    event_id: true,
    base_revision: true,
    input: true,
    reason: true,
    proposer_id: true,
    proposer: true,
    created_at: true,
    status: true,
    decided_by: true,
    decided_at: true,
    decision_reason: true,
  },
  imports: { id: true, account: true, created_at: true, expires_at: true, items: true, plan: true, committed_at: true },
  event_uids: { uid: true, event_id: true },
  city_history: { seq: true, slug: true, revision: true, actor: true, at: true, before: true, after: true },
  city_names: { name_key: true, slug: true, name: true },
  events: {
    id: true,
    kind: true,
    status: true,
    alliance_wide: true,
    revision: true,
    title_de: true,
    title_en: true,
    title_zh: true,
    description_de: true,
    description_en: true,
    description_zh: true,
    time_zone: true,
    precision: true,
    start_value: true,
    start_fold: true,
    end_value: true,
    end_fold: true,
    start_key: true,
    end_key: true,
    span: true,
    location: true,
    url: true,
    sources: true,
    audience: true,
    related: true,
    created_at: true,
    updated_at: true,
    cancelled_at: true,
    cancel_reason: true,
    links: true,
  },
  event_cities: { event_id: true, city: true, role: true, position: true, start_key: true, end_key: true },
  data_version: { id: true, version: true, changed_at: true, reference_version: true },
  fragments: { event_id: true, kind: true, lang: true, revision: true, stamp: true, tzid: true, bytes: true },
  documents: { key: true, encoding: true, part: true, stamp: true, etag: true, last_modified: true, bytes: true },
  event_history: { seq: true, event_id: true, revision: true, action: true, actor: true, at: true, before: true, after: true },
  sources: { id: true, title: true, publisher: true, date: true, url: true, file: true, note: true, revision: true },
};

let t: TempStore;
beforeAll(async () => {
  t = await tempStore(false);
});
afterAll(() => t.dispose());

describe('schema', () => {
  it('matches the Kysely types column for column', () => {
    for (const [table, columns] of Object.entries(COLUMNS)) {
      // hidden = 1: a virtual table's own columns (FTS5's rank and table-named column), not ours.
      const sql = 'SELECT name FROM pragma_table_xinfo(?) WHERE hidden <> 1';
      const actual = (t.store.raw.prepare(sql).pluck().all(table) as string[]).sort();
      expect(actual, table).toEqual(Object.keys(columns).sort());
    }
  });

  it("records migrations in wrangler's d1_migrations table and applies each once", () => {
    const names = t.store.raw.prepare('SELECT name FROM d1_migrations ORDER BY id').pluck().all();
    expect(names).toEqual([
      '0001_init.sql',
      '0002_data_version.sql',
      '0003_calendar_index.sql',
      '0004_event_history.sql',
      '0005_rate_limits.sql',
      '0006_sources.sql',
      '0007_no_rate_limit_table.sql',
      '0008_memberships_listings.sql',
      '0009_stored_renderings.sql',
      '0010_accounts_sessions.sql',
      '0011_event_links.sql',
      '0012_proposals_imports_purge.sql',
      '0013_city_history.sql',
      '0014_search_index.sql',
      '0015_month_days.sql',
    ]);
    expect(migrate(t.store.raw)).toEqual([]);
  });

  it('runs in WAL mode with full sync and a busy timeout', () => {
    expect(t.store.raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(t.store.raw.pragma('synchronous', { simple: true })).toBe(2);
    expect(t.store.raw.pragma('busy_timeout', { simple: true })).toBe(5000);
  });
});
