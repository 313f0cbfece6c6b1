/**
 * @module data-version
 * The data version: raised in the same atomic batch as every write, read once per request to know whether
 * a kept rendering is still current.
 */
import type { Compilable, Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface DataVersion {
  readonly version: number;
  /** When the data last changed (ISO-8601 UTC). */
  readonly changedAt: string;
  /** Raised with `version` when something rendered pieces show besides their event changes (the source catalogue). */
  readonly referenceVersion: number;
}

/** The current data version (one indexed row), through the store's own fast path where it has one. */
export async function readDataVersion(db: Kysely<Database>): Promise<DataVersion> {
  const row = await db
    .selectFrom('data_version')
    .select(['version', 'changed_at', 'reference_version'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return { version: row.version, changedAt: row.changed_at, referenceVersion: row.reference_version };
}

/** The statement that records a change of what rendered pieces show besides their events; with bumpDataVersion. */
export function bumpReferenceVersion(db: Kysely<Database>): Compilable {
  return db
    .updateTable('data_version')
    .set((eb) => ({ reference_version: eb('reference_version', '+', 1) }))
    .where('id', '=', 1);
}

/** The statement that records a change at `at`; put it in the batch of the change itself. */
export function bumpDataVersion(db: Kysely<Database>, at: string): Compilable {
  return db
    .updateTable('data_version')
    .set((eb) => ({ version: eb('version', '+', 1), changed_at: at }))
    .where('id', '=', 1);
}
