/**
 * @module cities-repository
 * Reads and seed-writes of cities and their spellings. Functions take the database first.
 */
import type { Compilable, Kysely } from 'kysely';
import { nameKey, storedKeys } from '../core/cities/name-key.js';
import type { City } from '../core/model.js';
import { earliestInstant } from '../core/time/wall-time.js';
import { cityFromRow } from './rows.js';
import type { CityRow, Database } from './schema.js';

/** A city plus what listings need to select alliance-wide events for it. */
export interface CityRef {
  readonly city: City;
  /** Earliest instant (ms) of membership, or null for cities that are not (known) members. */
  readonly memberSinceKey: number | null;
}

async function withAliases(db: Kysely<Database>, rows: CityRow[]): Promise<CityRef[]> {
  if (rows.length === 0) return [];
  const names = await db
    .selectFrom('city_names')
    .select(['slug', 'name'])
    .where(
      'slug',
      'in',
      rows.map((r) => r.slug),
    )
    .orderBy('name')
    .execute();
  return rows.map((row) => {
    const own = new Set([row.name_de, row.name_en, row.name_zh, row.slug]);
    const aliases = [...new Set(names.filter((n) => n.slug === row.slug && !own.has(n.name)).map((n) => n.name))];
    return { city: cityFromRow(row, aliases), memberSinceKey: row.member_since_key };
  });
}

/** Every city: German first, then Chinese, each by slug. */
export async function listCities(db: Kysely<Database>): Promise<City[]> {
  return (await listCityRefs(db)).cities.map((ref) => ref.city);
}

/** Every city (German first, then Chinese, each by slug) and every name key with the slug it denotes, in two queries. */
export async function listCityRefs(db: Kysely<Database>): Promise<{ cities: CityRef[]; keys: Array<[string, string]> }> {
  const rows = await db.selectFrom('cities').selectAll().orderBy('country', 'desc').orderBy('slug').execute();
  const names = await db.selectFrom('city_names').select(['name_key', 'slug', 'name']).orderBy('name').execute();
  const cities = rows.map((row) => {
    const own = new Set([row.name_de, row.name_en, row.name_zh, row.slug]);
    const aliases = [...new Set(names.filter((n) => n.slug === row.slug && !own.has(n.name)).map((n) => n.name))];
    return { city: cityFromRow(row, aliases), memberSinceKey: row.member_since_key };
  });
  return { cities, keys: names.map((n) => [n.name_key, n.slug]) };
}

/** The city that any known name or alias (any language, case, accents, apostrophes) denotes, or null. */
export async function findCity(db: Kysely<Database>, name: string): Promise<CityRef | null> {
  const key = nameKey(name);
  if (!key) return null;
  const row = await db
    .selectFrom('city_names')
    .innerJoin('cities', 'cities.slug', 'city_names.slug')
    .selectAll('cities')
    .where('city_names.name_key', '=', key)
    .executeTakeFirst();
  return row ? ((await withAliases(db, [row]))[0] ?? null) : null;
}

/** Statements that add a city and its spellings unless they exist (seeds never overwrite edits). */
export function insertCityStatements(db: Kysely<Database>, city: City): Compilable[] {
  const names = [city.slug, city.name.de, city.name.en, city.name.zh, ...city.aliases];
  const keyed = new Map<string, string>();
  for (const name of names) for (const key of storedKeys(name)) if (!keyed.has(key)) keyed.set(key, name);
  return [
    db
      .insertInto('cities')
      .values({
        slug: city.slug,
        name_de: city.name.de,
        name_en: city.name.en,
        name_zh: city.name.zh,
        name_zh_uncertain: city.nameZhUncertain ? 1 : 0,
        country: city.country,
        time_zone: city.timeZone,
        member: city.member ? 1 : 0,
        member_since: city.memberSince,
        member_since_key: city.memberSince ? earliestInstant({ value: city.memberSince, fold: 0 }, city.timeZone) : null,
        parent: city.parent,
        note: city.note,
      })
      .onConflict((oc) => oc.doNothing()),
    // At most 30 rows (90 parameters) per statement: D1 binds at most 100.
    ...chunks([...keyed], 30).map((rows) =>
      db
        .insertInto('city_names')
        .values(rows.map(([name_key, name]) => ({ name_key, slug: city.slug, name })))
        .onConflict((oc) => oc.doNothing()),
    ),
  ];
}

/** The items in runs of at most `size`. */
function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
