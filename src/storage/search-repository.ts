/**
 * @module search-repository
 * The search over the index (FTS5 table `event_search`, migration 0014; search-index.ts says what it holds), and
 * its rebuild from the events. The index is derived data: `search_index` says which index version
 * its rows were built for, and a rebuild replaces every row in one batch. Functions take the database first.
 */
import { type Compilable, type Kysely, type RawBuilder, sql } from 'kysely';
import { type EventRecord, isEventKind, type Selection } from '../core/model.js';
import { eventConditions, getEvents } from './events-repository.js';
import type { Database } from './schema.js';
import { kindNames, SEARCH_INDEX_VERSION, searchBody, searchRowsInsert } from './search-index.js';
import type { Store } from './store.js';

/** Events per rebuild statement and per page read: keeps each JSON parameter far below D1's limit for a value. */
const CHUNK = 500;

/** Whether the index was built for this code's index version. */
export async function searchIndexCurrent(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('search_index').select('version').where('id', '=', 1).executeTakeFirst();
  return row?.version === SEARCH_INDEX_VERSION;
}

/**
 * Rebuilds the index from the events in one atomic batch (every row replaced, then the version recorded):
 * concurrent rebuilds write the same rows, and a write meanwhile stores its own row in its own batch.
 * Returns how many events it indexed.
 */
export async function rebuildSearchIndex(store: Store): Promise<number> {
  const { db } = store;
  const statements: Compilable[] = [db.deleteFrom('event_search')];
  let after = '';
  let count = 0;
  for (;;) {
    const rows = await db
      .selectFrom('events')
      .select(['id', 'kind', 'title_de', 'title_en', 'title_zh', 'description_de', 'description_en', 'description_zh', 'location'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(CHUNK)
      .execute();
    if (rows.length === 0) break;
    const items = rows.map((r) => ({
      id: r.id,
      body: searchBody([
        r.title_de,
        r.title_en,
        r.title_zh,
        r.description_de,
        r.description_en,
        r.description_zh,
        r.location,
        ...(isEventKind(r.kind) ? kindNames(r.kind) : []),
      ]),
    }));
    statements.push(searchRowsInsert(db, items));
    count += rows.length;
    after = rows.at(-1)?.id ?? after;
  }
  statements.push(
    db
      .insertInto('search_index')
      .values({ id: 1, version: SEARCH_INDEX_VERSION })
      .onConflict((oc) => oc.column('id').doUpdateSet({ version: SEARCH_INDEX_VERSION })),
  );
  await store.batch(statements);
  return count;
}

/** Rebuilds the index unless it is current; whether it rebuilt. */
export async function ensureSearchIndex(store: Store): Promise<boolean> {
  if (await searchIndexCurrent(store.db)) return false;
  await rebuildSearchIndex(store);
  return true;
}

/** One term of a search: its FTS5 expression, and the cities whose names it matches (their events match too). */
export interface SearchTerm {
  readonly match: string;
  readonly cities: readonly string[];
}

export interface SearchFilter extends Selection {
  readonly terms: readonly SearchTerm[];
  /** A city's listing only. */
  readonly city?: string;
  /** Events that end at or after this instant, earliest first; or, with `before`, that ended before it, latest first. */
  readonly from?: number;
  readonly before?: number;
  readonly limit: number;
}

/** One term's matches: its text's index lookup, united with the events of the cities it names. */
function termSet(term: SearchTerm) {
  const text = sql`SELECT event_id FROM event_search WHERE event_search MATCH ${term.match}`;
  return term.cities.length === 0 ? text : sql`${text} UNION SELECT event_id FROM event_cities WHERE city IN (${sql.join(term.cities)})`;
}

/**
 * Whether even the narrowest term matches more than `cap` events: what the terms have in common is no more
 * than that term's matches, so a search that is not too broad reads at most `cap` events' keys. Counting stops
 * at `cap + 1`.
 */
export async function searchTooBroad(db: Kysely<Database>, terms: readonly SearchTerm[], cap: number): Promise<boolean> {
  for (const term of terms) {
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM (${termSet(term)}) LIMIT ${cap + 1})`.execute(db);
    if ((rows[0]?.n ?? 0) <= cap) return false;
  }
  return terms.length > 0;
}

/**
 * Events every term matches (in their text or as a city they take place in), in order of time; at most `limit`.
 * The matching ids come first (each term's index lookup, united with its cities' events, the terms
 * intersected) and only they are read from `events` (CROSS JOIN keeps SQLite from walking the whole time index
 * instead): a search costs what it finds, not what the calendar holds.
 */
export async function searchEvents(db: Kysely<Database>, filter: SearchFilter): Promise<EventRecord[]> {
  if (filter.terms.length === 0) return [];
  const sets = filter.terms.map(termSet);
  const conditions: RawBuilder<unknown>[] = [];
  const own = eventConditions(filter, 'e');
  if (own) conditions.push(own);
  if (filter.city) conditions.push(sql`e.id IN (SELECT event_id FROM event_listings WHERE city = ${filter.city})`);
  if (filter.from !== undefined) conditions.push(sql`e.end_key >= ${filter.from}`);
  if (filter.before !== undefined) conditions.push(sql`e.end_key < ${filter.before}`);
  const where = conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``;
  const direction = filter.before === undefined ? sql`ASC` : sql`DESC`;
  const { rows } = await sql<{
    id: string;
  }>`SELECT e.id FROM (${sql.join(sets, sql` INTERSECT `)}) AS m CROSS JOIN events e ON e.id = m.event_id
    ${where} ORDER BY e.start_key ${direction}, e.id ${direction} LIMIT ${filter.limit}`.execute(db);
  const order = new Map(rows.map((r, i) => [r.id, i]));
  return (
    await getEvents(
      db,
      rows.map((r) => r.id),
    )
  ).sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}
