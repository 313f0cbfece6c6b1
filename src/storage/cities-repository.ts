/**
 * @module cities-repository
 * Cities, their spellings and their membership periods; statements that write them keep the cities' listings
 * (event_listings) in step in the same batch. Functions take the database first.
 */
import { type Compilable, type Kysely, sql } from 'kysely';
import { periodEnd, periodStart } from '../core/cities/membership.js';
import { nameKey, storedKeys } from '../core/cities/name-key.js';
import type { City } from '../core/model.js';
import { cityFromRow, membershipFromRow } from './rows.js';
import type { Database } from './schema.js';

/** Every city (German first, then Chinese, each by slug) and every name key with the slug it denotes, in three queries. */
export async function listCityIndex(db: Kysely<Database>): Promise<{ cities: City[]; keys: Array<[string, string]> }> {
  const rows = await db.selectFrom('cities').selectAll().orderBy('country', 'desc').orderBy('slug').execute();
  const names = await db.selectFrom('city_names').select(['name_key', 'slug', 'name']).orderBy('name').execute();
  const periods = await db.selectFrom('memberships').selectAll().orderBy('city').orderBy('position').execute();
  const cities = rows.map((row) => {
    const own = new Set([row.name_de, row.name_en, row.name_zh, row.slug]);
    const aliases = [...new Set(names.filter((n) => n.slug === row.slug && !own.has(n.name)).map((n) => n.name))];
    return cityFromRow(row, aliases, periods.filter((p) => p.city === row.slug).map(membershipFromRow));
  });
  return { cities, keys: names.map((n) => [n.name_key, n.slug]) };
}

/** Every city: German first, then Chinese, each by slug. */
export async function listCities(db: Kysely<Database>): Promise<City[]> {
  return (await listCityIndex(db)).cities;
}

/** The city that any known name or alias (any language, case, accents, apostrophes) denotes, or null. */
export async function findCity(db: Kysely<Database>, name: string): Promise<City | null> {
  const key = nameKey(name);
  if (!key) return null;
  const row = await db.selectFrom('city_names').select('slug').where('name_key', '=', key).executeTakeFirst();
  return row ? ((await listCities(db)).find((c) => c.slug === row.slug) ?? null) : null;
}

/** The row values of a city. */
function cityRow(city: City) {
  return {
    slug: city.slug,
    name_de: city.name.de,
    name_en: city.name.en,
    name_zh: city.name.zh,
    name_zh_uncertain: city.nameZhUncertain ? 1 : 0,
    country: city.country,
    subdivision: city.subdivision,
    time_zone: city.timeZone,
    parent: city.parent,
    note: city.note,
    revision: city.revision,
  };
}

/** The items in runs of at most `size`. */
function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Statements adding a city's spellings (existing keys stay with the city that has them). */
export function cityNameStatements(db: Kysely<Database>, city: City): Compilable[] {
  const keyed = new Map<string, string>();
  for (const name of [city.slug, city.name.de, city.name.en, city.name.zh, ...city.aliases]) {
    for (const key of storedKeys(name)) if (!keyed.has(key)) keyed.set(key, name);
  }
  // At most 30 rows (90 parameters) per statement: D1 binds at most 100.
  return chunks([...keyed], 30).map((rows) =>
    db
      .insertInto('city_names')
      .values(rows.map(([name_key, name]) => ({ name_key, slug: city.slug, name })))
      .onConflict((oc) => oc.doNothing()),
  );
}

/** Statements writing a city's membership periods (after any it had are deleted). */
function membershipStatements(db: Kysely<Database>, city: City): Compilable[] {
  return [
    db.deleteFrom('memberships').where('city', '=', city.slug),
    ...city.memberships.map((m, position) =>
      db.insertInto('memberships').values({
        city: city.slug,
        position,
        status: m.status,
        from_value: m.from,
        from_key: periodStart(m, city.timeZone),
        to_value: m.to ?? null,
        to_key: periodEnd(m, city.timeZone),
        end_reason: m.endReason ?? null,
        admitted_at: m.admittedAt ?? null,
        sources: JSON.stringify(m.sources),
      }),
    ),
  ];
}

/**
 * The condition under which a membership `m` of a city `c` makes an alliance-wide event `e` part of the city's
 * listing: a member period on the event's date (or the period the city was admitted at that event), and an
 * audience the city belongs to.
 */
const MEMBER_RECEIVES_EVENT = sql<boolean>`m.status = 'member'
  AND (m.admitted_at = e.id OR m.from_key <= e.start_key)
  AND (m.to_key IS NULL OR e.start_key < m.to_key)
  AND (e.audience = 'all' OR e.audience = c.country)`;

/** Statements that rebuild the alliance-wide part of the listings of the cities a condition selects. */
function memberListingStatements(db: Kysely<Database>, cities: ReturnType<typeof sql<boolean>>): Compilable[] {
  return [
    db.deleteFrom('event_listings').where('via', '=', 'member').where(sql<boolean>`city IN (SELECT slug FROM cities c WHERE ${cities})`),
    memberListingInsert(db, cities),
  ];
}

/**
 * The statement adding the member rows of listings for the pairs of alliance-wide event `e` and city `c` a
 * condition selects. OR IGNORE: a city where the event takes place, or that takes part, lists it already.
 */
export function memberListingInsert(db: Kysely<Database>, pairs: ReturnType<typeof sql<boolean>>): Compilable {
  const statement = sql`INSERT OR IGNORE INTO event_listings (city, event_id, via, start_key, end_key)
    SELECT m.city, e.id, 'member', e.start_key, e.end_key
    FROM events e JOIN memberships m JOIN cities c ON c.slug = m.city
    WHERE e.audience IS NOT NULL AND (${pairs}) AND ${MEMBER_RECEIVES_EVENT}`;
  return { compile: () => statement.compile(db) };
}

/** Statements that add a new city with its spellings, periods and listing. */
export function insertCityStatements(db: Kysely<Database>, city: City): Compilable[] {
  return [
    db.insertInto('cities').values(cityRow(city)),
    ...cityNameStatements(db, city),
    ...membershipStatements(db, city),
    ...memberListingStatements(db, sql<boolean>`c.slug = ${city.slug}`),
  ];
}

/**
 * Statements that store a changed city: its row (the caller raises `revision`), its spellings and periods
 * replaced, and its listing rebuilt.
 */
export function updateCityStatements(db: Kysely<Database>, city: City): Compilable[] {
  const { slug, ...row } = cityRow(city);
  return [
    db.updateTable('cities').set(row).where('slug', '=', slug),
    db.deleteFrom('city_names').where('slug', '=', slug),
    ...cityNameStatements(db, city),
    ...membershipStatements(db, city),
    ...memberListingStatements(db, sql<boolean>`c.slug = ${slug}`),
  ];
}
