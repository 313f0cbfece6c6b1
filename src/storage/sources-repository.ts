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

/** The statement that adds a new entry (revision 1). */
export function insertSourceStatement(db: Kysely<Database>, entry: SourceEntry): Compilable {
  return db.insertInto('sources').values({ ...entry, revision: 1 });
}

/**
 * The statement that adds an entry a write cites inline, unless its id exists: the id comes from its address,
 * so two writes citing the same page add one entry (the first one's title).
 */
export function addSourceStatement(db: Kysely<Database>, entry: SourceEntry): Compilable {
  return db
    .insertInto('sources')
    .values({ ...entry, revision: 1 })
    .onConflict((oc) => oc.doNothing());
}

/** The statement that stores a changed entry at a revision. */
export function updateSourceStatement(db: Kysely<Database>, entry: SourceEntry, revision: number): Compilable {
  const { id, ...values } = entry;
  return db
    .updateTable('sources')
    .set({ ...values, revision })
    .where('id', '=', id);
}
