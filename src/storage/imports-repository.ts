/**
 * @module imports-repository
 * Imports: their stored dry runs, and the set-based statements that commit one. Each statement takes its rows as
 * one JSON parameter read with `json_each` (https://www.sqlite.org/json1.html#jeach), so an import of any size
 * is a bounded number of statements in one atomic batch — Workers allow D1 about 1,000 queries per invocation,
 * and D1 binds at most 100 parameters per statement.
 */
import { type Compilable, type Kysely, sql } from 'kysely';
import type { EventRecord } from '../core/model.js';
import { memberListingInsert } from './cities-repository.js';
import { eventRow } from './events-repository.js';
import type { Database } from './schema.js';

/** Events per statement: keeps each JSON parameter far below D1's 2 MB limit for a value. */
const EVENTS_PER_STATEMENT = 250;

export interface StoredImport {
  readonly id: string;
  readonly account: string;
  readonly created: string;
  readonly expires: string;
  readonly items: unknown;
  readonly plan: unknown;
  readonly committed: string | null;
}

/** The statement storing a dry run. */
export function insertImportStatement(db: Kysely<Database>, stored: Omit<StoredImport, 'committed'>): Compilable {
  return db.insertInto('imports').values({
    id: stored.id,
    account: stored.account,
    created_at: stored.created,
    expires_at: stored.expires,
    items: JSON.stringify(stored.items),
    plan: JSON.stringify(stored.plan),
    committed_at: null,
  });
}

/** The statements forgetting dry runs that expired before `at`. */
export function expiredImportsStatement(db: Kysely<Database>, at: string): Compilable {
  return db.deleteFrom('imports').where('expires_at', '<', at);
}

/** A stored dry run. */
export async function getImport(db: Kysely<Database>, id: string): Promise<StoredImport | null> {
  const row = await db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    account: row.account,
    created: row.created_at,
    expires: row.expires_at,
    items: JSON.parse(row.items) as unknown,
    plan: JSON.parse(row.plan) as unknown,
    committed: row.committed_at,
  };
}

/**
 * The statement marking a dry run committed, with the outcomes it applied. A second commit of the same dry run
 * at the same time cannot apply it twice: its event writes take revisions (and new ids) the first took, and the
 * history's uniqueness rolls its batch back.
 */
export function commitImportStatement(db: Kysely<Database>, id: string, at: string, applied: unknown): Compilable {
  return db
    .updateTable('imports')
    .set({ committed_at: at, items: JSON.stringify(applied) })
    .where('id', '=', id)
    .where('committed_at', 'is', null);
}

/** The events that imported UIDs belong to, by UID (one statement). */
export async function eventIdsByUid(db: Kysely<Database>, uids: readonly string[]): Promise<Map<string, string>> {
  if (uids.length === 0) return new Map();
  const rows = await db
    .selectFrom('event_uids')
    .select(['uid', 'event_id'])
    .where(sql<boolean>`uid IN (SELECT value FROM json_each(${JSON.stringify(uids)}))`)
    .execute();
  return new Map(rows.map((r) => [r.uid, r.event_id]));
}

/** One event an import writes: new (`before` null) or the next revision of a stored one. */
export interface ImportedEvent {
  readonly before: EventRecord | null;
  readonly after: EventRecord;
  readonly uid: string | null;
}

/** `json_extract(value, '$.column')` for each column, as a select list. */
const extracted = (columns: readonly string[]) => sql.join(columns.map((c) => sql`json_extract(value, ${`$.${c}`})`));

const idsOf = (events: readonly ImportedEvent[]) => JSON.stringify(events.map((e) => e.after.id));

/** The set-based statements of one chunk of imported events. */
function chunkStatements(db: Kysely<Database>, events: readonly ImportedEvent[], actor: string): Compilable[] {
  const rows = events.map((e) => eventRow(e.after));
  const eventColumns = Object.keys(rows[0] ?? {});
  const columns = sql.join(eventColumns.map((c) => sql.ref(c)));
  const updates = sql.join(
    eventColumns.filter((c) => c !== 'id' && c !== 'created_at').map((c) => sql`${sql.ref(c)} = excluded.${sql.ref(c)}`),
  );
  const links = events.flatMap((e, i) =>
    [
      ...e.after.cities.map((city) => ({ city, role: 'venue' })),
      ...e.after.participants.map((city) => ({ city, role: 'participant' })),
    ].map((link, position) => ({ event_id: e.after.id, ...link, position, start_key: rows[i]?.start_key, end_key: rows[i]?.end_key })),
  );
  const history = events.map((e) => ({
    event_id: e.after.id,
    revision: e.after.revision,
    action: e.before === null ? 'created' : e.before.status === 'cancelled' && e.after.status !== 'cancelled' ? 'reinstated' : 'changed',
    actor,
    at: e.after.updated,
    before: e.before === null ? null : JSON.stringify(e.before),
    after: JSON.stringify(e.after),
  }));
  const uids = events.flatMap((e) => (e.uid === null ? [] : [{ uid: e.uid, event_id: e.after.id }]));
  const ids = idsOf(events);
  const raw = (statement: ReturnType<typeof sql>): Compilable => ({ compile: () => statement.compile(db) });
  return [
    // An update applies only to the revision it was checked against; the history's uniqueness fails the batch
    // when another write took that revision meanwhile (storage/history-repository.ts isLostRace).
    raw(sql`INSERT INTO events (${columns}) SELECT ${extracted(eventColumns)} FROM json_each(${JSON.stringify(rows)}) WHERE true
      ON CONFLICT (id) DO UPDATE SET ${updates} WHERE events.revision = excluded.revision - 1`),
    raw(sql`DELETE FROM event_cities WHERE event_id IN (SELECT value FROM json_each(${ids}))`),
    raw(sql`DELETE FROM event_listings WHERE event_id IN (SELECT value FROM json_each(${ids}))`),
    raw(sql`INSERT INTO event_cities (event_id, city, role, position, start_key, end_key)
      SELECT ${extracted(['event_id', 'city', 'role', 'position', 'start_key', 'end_key'])} FROM json_each(${JSON.stringify(links)})`),
    raw(sql`INSERT OR IGNORE INTO event_listings (city, event_id, via, start_key, end_key)
      SELECT ${extracted(['city', 'event_id', 'role', 'start_key', 'end_key'])} FROM json_each(${JSON.stringify(links)})`),
    memberListingInsert(db, sql<boolean>`e.id IN (SELECT value FROM json_each(${ids}))`),
    raw(sql`INSERT INTO event_history (event_id, revision, action, actor, at, before, after)
      SELECT ${extracted(['event_id', 'revision', 'action', 'actor', 'at', 'before', 'after'])} FROM json_each(${JSON.stringify(history)})`),
    ...(uids.length === 0
      ? []
      : [
          raw(
            sql`INSERT OR REPLACE INTO event_uids (uid, event_id) SELECT ${extracted(['uid', 'event_id'])} FROM json_each(${JSON.stringify(uids)})`,
          ),
        ]),
  ];
}

/**
 * The statements writing imported events: rows, city links, listings, history and UIDs, a fixed number per
 * 250 events. Their fragments are rendered by the first read that needs them (documents/pipeline.ts).
 */
export function importEventsStatements(db: Kysely<Database>, events: readonly ImportedEvent[], actor: string): Compilable[] {
  const statements: Compilable[] = [];
  for (let i = 0; i < events.length; i += EVENTS_PER_STATEMENT)
    statements.push(...chunkStatements(db, events.slice(i, i + EVENTS_PER_STATEMENT), actor));
  return statements;
}
