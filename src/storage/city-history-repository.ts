/**
 * @module city-history-repository
 * The change history of cities edited in the editor: one row per revision, written in the same batch as the
 * change.
 */
import type { Compilable, Kysely } from 'kysely';
import type { City } from '../core/model.js';
import type { Database } from './schema.js';

export interface CityChange {
  readonly revision: number;
  readonly actor: string;
  readonly at: string;
  readonly before: City | null;
  readonly after: City;
}

/** The statement recording a change; it fails when the revision was recorded already (a lost race). */
export function recordCityChange(db: Kysely<Database>, slug: string, change: CityChange): Compilable {
  return db.insertInto('city_history').values({
    slug,
    revision: change.revision,
    actor: change.actor,
    at: change.at,
    before: change.before === null ? null : JSON.stringify(change.before),
    after: JSON.stringify(change.after),
  });
}

/** A city's changes, newest first. */
export async function listCityChanges(db: Kysely<Database>, slug: string): Promise<CityChange[]> {
  const rows = await db.selectFrom('city_history').selectAll().where('slug', '=', slug).orderBy('revision', 'desc').execute();
  return rows.map((r) => ({
    revision: r.revision,
    actor: r.actor,
    at: r.at,
    before: r.before === null ? null : (JSON.parse(r.before) as City),
    after: JSON.parse(r.after) as City,
  }));
}

/** Whether an error is the city history's uniqueness failing: another change took this revision first. */
export function isLostCityRace(error: unknown): boolean {
  return (
    error instanceof Error &&
    /UNIQUE constraint failed: city_history\./.test(`${error.message} ${String((error as { cause?: unknown }).cause ?? '')}`)
  );
}
