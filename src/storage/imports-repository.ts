/**
 * @module imports-repository
 * Imports: their stored dry runs, and the set-based statements that commit one. Each statement takes its rows as
 * one JSON parameter read with `json_each` (https://www.sqlite.org/json1.html#jeach), so an import of any size
 * is a bounded number of statements in one atomic batch — Workers allow D1 about 1,000 queries per invocation,
 * and D1 binds at most 100 parameters per statement.
 */
import { type Compilable, type Kysely, sql } from 'kysely';
import { type EventWrite, eventWriteStatements } from './events-repository.js';
import type { Database } from './schema.js';

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

/** One event an import writes: new (`before` null) or the next revision of a stored one, with its file's UID. */
export interface ImportedEvent extends EventWrite {
  readonly uid: string | null;
}

/**
 * The statements writing imported events through the one event writer (events-repository.ts
 * eventWriteStatements, a fixed number per 250 events) and keeping the UIDs they came with. Their fragments are
 * rendered by the first read that needs them (documents/pipeline.ts).
 */
export function importEventsStatements(db: Kysely<Database>, events: readonly ImportedEvent[], actor: string): Compilable[] {
  const uids = events.flatMap((e) => (e.uid === null ? [] : [{ uid: e.uid, event_id: e.after.id }]));
  const statement = sql`INSERT OR REPLACE INTO event_uids (uid, event_id)
    SELECT json_extract(value, '$.uid'), json_extract(value, '$.event_id') FROM json_each(${JSON.stringify(uids)})`;
  return [...eventWriteStatements(db, events, { actor }), ...(uids.length === 0 ? [] : [{ compile: () => statement.compile(db) }])];
}
