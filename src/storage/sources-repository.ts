/**
 * @module sources-repository
 * The source catalogue: articles and web pages the data comes from. Functions take the database first.
 */
import type { Compilable, Kysely } from 'kysely';
import type { SourceCatalogue, SourceEntry } from '../core/model.js';
import { sourceFromRow } from './rows.js';
import type { Database } from './schema.js';

/** Every catalogue entry, by id. */
export async function listSources(db: Kysely<Database>): Promise<SourceEntry[]> {
  return (await db.selectFrom('sources').selectAll().orderBy('id').execute()).map(sourceFromRow);
}

/** The catalogue as a lookup by id, for renderers. */
export async function sourceCatalogue(db: Kysely<Database>): Promise<SourceCatalogue> {
  return new Map((await listSources(db)).map((entry) => [entry.id, entry]));
}

/** The statement that adds an entry unless its id exists (seeds never overwrite edits). */
export function insertSourceStatement(db: Kysely<Database>, entry: SourceEntry): Compilable {
  return db
    .insertInto('sources')
    .values({ ...entry })
    .onConflict((oc) => oc.doNothing());
}
