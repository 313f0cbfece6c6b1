/**
 * @module seed
 * Loads the reviewed seed set through the same statements the app writes with. The set has a revision; a
 * database records (seed_items) which revision it holds and what the seed last wrote of each item. Loading a
 * newer revision adds what is new and updates what no editor changed since it was seeded (each event change
 * recorded in the history under the actor `seed`); edited items are left alone and items the revision no
 * longer holds are kept, both reported. One atomic batch: a loader racing another fails on `set@<revision>`
 * and finds the revision loaded.
 */

import type { Compilable, Kysely } from 'kysely';
import type { SeedCity, SeedSet } from '../../seeds/index.js';
import { resolveEventTimes } from '../core/events/event-times.js';
import { type City, EVENT_KINDS, type EventRecord, type SourceEntry } from '../core/model.js';
import { cityNameStatements, insertCityStatements, listCities, updateCityStatements } from './cities-repository.js';
import { bumpDataVersion, bumpReferenceVersion } from './data-version.js';
import { eventWriteStatements, getEvents } from './events-repository.js';
import type { Database } from './schema.js';
import { insertSourceStatement, updateSourceStatement } from './sources-repository.js';
import type { Store } from './store.js';

/** What loading a seed revision did; items are `event:<id>`, `city:<slug>`, `source:<id>`. */
export interface SeedReport {
  /** The revision the database held before (0: none). */
  readonly from: number;
  /** The revision it holds now. */
  readonly to: number;
  readonly added: readonly string[];
  readonly updated: readonly string[];
  /** Changed by an editor since the seed wrote them: left as they are. */
  readonly edited: readonly string[];
  /** Seeded by an older revision and no longer in this one: kept. */
  readonly missing: readonly string[];
}

/** The seed set's cities as stored cities at revision 1. */
export function seedCities(set: SeedSet): City[] {
  return set.cities.map(cityOf);
}

function cityOf(c: SeedCity): City {
  return {
    ...c,
    nameZhUncertain: c.nameZhUncertain ?? false,
    parent: c.parent ?? null,
    note: c.note ?? null,
    memberships: c.memberships ?? [],
    revision: 1,
  };
}

/** The seed set's events as records; throws naming the event and field when the data is inconsistent. */
export function seedRecords(set: SeedSet): EventRecord[] {
  const zones = new Map(set.cities.map((c) => [c.slug, c.timeZone]));
  const refs = new Set(set.sources.map((s) => s.id));
  return set.events.map((e) => {
    const where = `seed event ${e.id}`;
    if (!EVENT_KINDS.includes(e.kind)) throw new Error(`${where}: unknown kind ${e.kind}`);
    for (const slug of [...e.cities, ...(e.participants ?? [])]) if (!zones.has(slug)) throw new Error(`${where}: unknown city ${slug}`);
    if (e.sources.length === 0) throw new Error(`${where}: no source`);
    for (const { ref } of e.sources) if (!refs.has(ref)) throw new Error(`${where}: unknown source ${ref}`);
    const zone = zones.get(e.cities[0] ?? '') ?? 'UTC';
    const times = resolveEventTimes({ start: e.start, end: e.end, timeZone: e.timeZone ?? zone }, zone);
    if (!times.ok) throw new Error(`${where}: ${times.error.field}: ${times.error.message}`);
    const status = e.status ?? 'confirmed';
    return {
      id: e.id,
      kind: e.kind,
      status,
      audience: e.audience ?? null,
      related: e.related ?? false,
      revision: 1,
      title: e.title,
      description: e.description ?? {},
      cities: e.cities,
      participants: e.participants ?? [],
      timeZone: times.value.timeZone,
      precision: times.value.precision,
      start: times.value.start,
      end: times.value.end,
      location: e.location ?? null,
      url: e.url ?? null,
      sources: e.sources,
      created: set.reviewed,
      updated: set.reviewed,
      cancelledAt: status === 'cancelled' ? set.reviewed : null,
    };
  });
}

/** The revision of the set a database holds (0: none), from its `set@<revision>` rows. */
async function heldSeedRevision(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('seed_items')
    .select((eb) => eb.fn.max('seed_revision').as('revision'))
    .where('item', 'like', 'set@%')
    .executeTakeFirst();
  return row?.revision ?? 0;
}

/** JSON with object keys sorted and undefined left out, to compare items whose keys came in any order. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );

/** What a seed writes of an event: everything but identity, revision and write times. */
const eventContent = ({ revision: _r, created: _c, updated: _u, cancelledAt: _x, ...rest }: EventRecord) => canonical(rest);

/** What a seed writes of a city (aliases as a set: stored spellings come back in another order). */
const cityContent = ({ revision: _r, aliases, ...rest }: City) => {
  const own = new Set([rest.slug, rest.name.de, rest.name.en, rest.name.zh]);
  return canonical({ ...rest, aliases: [...new Set(aliases)].filter((a) => !own.has(a)).sort() });
};

const sourceContent = (entry: SourceEntry) => canonical(entry);

/** The statement recording what the seed wrote of an item. */
function seedItemStatement(db: Kysely<Database>, item: string, seedRevision: number, itemRevision: number): Compilable {
  return db
    .insertInto('seed_items')
    .values({ item, seed_revision: seedRevision, item_revision: itemRevision })
    .onConflict((oc) => oc.column('item').doUpdateSet({ seed_revision: seedRevision, item_revision: itemRevision }));
}

interface Stored<T> {
  readonly value: T;
  readonly revision: number;
}

/** Decides one item: add it, update it, or leave it (edited by someone else, or unchanged). */
function plan<T>(
  next: T,
  stored: Stored<T> | undefined,
  seeded: number | undefined,
  content: (value: T) => string,
): 'add' | 'update' | 'edited' | 'same' {
  if (!stored) return 'add';
  if (seeded !== stored.revision) return 'edited';
  return content(stored.value) === content(next) ? 'same' : 'update';
}

/** Loads the set unless this database holds its revision (or a newer one); reports what it did. */
export async function applySeedSet(store: Store, set: SeedSet, now: string): Promise<SeedReport> {
  const { db } = store;
  const from = await heldSeedRevision(db);
  const report = {
    from,
    to: Math.max(from, set.revision),
    added: [] as string[],
    updated: [] as string[],
    edited: [] as string[],
    missing: [] as string[],
  };
  if (from >= set.revision) return report;

  const seededRows = await db.selectFrom('seed_items').select(['item', 'item_revision']).execute();
  const seeded = new Map(seededRows.map((r) => [r.item, r.item_revision]));
  const records = seedRecords(set);
  const cities = seedCities(set);
  const storedSources = new Map(
    (await db.selectFrom('sources').selectAll().execute()).map(({ revision, ...entry }) => [
      entry.id,
      { value: entry as SourceEntry, revision },
    ]),
  );
  const storedCities = new Map((await listCities(db)).map((c) => [c.slug, { value: c, revision: c.revision }]));
  const storedEvents = new Map(
    (
      await getEvents(
        db,
        records.map((r) => r.id),
      )
    ).map((e) => [e.id, { value: e, revision: e.revision }]),
  );
  const fresh = from === 0;
  const at = fresh ? set.reviewed : now;

  const statements: Compilable[] = [];
  const decide = <T>(
    key: string,
    next: T,
    stored: Stored<T> | undefined,
    content: (value: T) => string,
    write: (revision: number) => Compilable[],
  ) => {
    const outcome = plan(next, stored, seeded.get(key), content);
    const revision = outcome === 'add' ? 1 : (stored?.revision ?? 0) + (outcome === 'update' ? 1 : 0);
    if (outcome === 'edited') return void report.edited.push(key);
    if (outcome === 'add') report.added.push(key);
    if (outcome === 'update') report.updated.push(key);
    if (outcome !== 'same') statements.push(...write(revision));
    statements.push(seedItemStatement(db, key, set.revision, revision));
  };

  for (const entry of set.sources)
    decide(`source:${entry.id}`, entry, storedSources.get(entry.id), sourceContent, (revision) => [
      revision === 1 ? insertSourceStatement(db, entry) : updateSourceStatement(db, entry, revision),
    ]);
  // Parents before districts, so that the foreign key holds at every statement.
  for (const city of [...cities].sort((a, b) => Number(a.parent !== null) - Number(b.parent !== null)))
    decide(`city:${city.slug}`, city, storedCities.get(city.slug), cityContent, (revision) =>
      revision === 1 ? insertCityStatements(db, city) : updateCityStatements(db, { ...city, revision }),
    );
  for (const record of records) {
    const stored = storedEvents.get(record.id)?.value;
    decide(`event:${record.id}`, record, storedEvents.get(record.id), eventContent, (revision) => {
      if (!stored) {
        const added = { ...record, created: at, updated: at, cancelledAt: record.cancelledAt && at };
        // A fresh database starts from the set; in one that exists, an addition is a change to record.
        return eventWriteStatements(db, [{ before: null, after: added }], fresh ? null : { actor: 'seed' });
      }
      const cancelled = record.status === 'cancelled';
      const after: EventRecord = {
        ...record,
        revision,
        created: stored.created,
        updated: at,
        cancelledAt: cancelled ? (stored.cancelledAt ?? at) : null,
      };
      const action = cancelled === (stored.status === 'cancelled') ? 'changed' : cancelled ? 'cancelled' : 'reinstated';
      return eventWriteStatements(db, [{ before: stored, after, action }], { actor: 'seed' });
    });
  }
  // A spelling that moved from one updated city to another reaches it only once the first let it go.
  statements.push(...cities.filter((c) => report.updated.includes(`city:${c.slug}`)).flatMap((c) => cityNameStatements(db, c)));
  const present = new Set([
    ...set.sources.map((s) => `source:${s.id}`),
    ...cities.map((c) => `city:${c.slug}`),
    ...records.map((r) => `event:${r.id}`),
  ]);
  report.missing.push(...[...seeded.keys()].filter((key) => !key.startsWith('set@') && !present.has(key)).sort());

  try {
    await store.batch([
      // Plain insert: a second loader of this revision fails here and its batch rolls back.
      db.insertInto('seed_items').values({ item: `set@${set.revision}`, seed_revision: set.revision, item_revision: set.revision }),
      ...statements,
      ...(report.added.length + report.updated.length > 0 ? [bumpDataVersion(db, at)] : []),
      // A changed catalogue entry shows in every event that cites it: their stored renderings are redone.
      ...(report.updated.some((item) => item.startsWith('source:')) ? [bumpReferenceVersion(db)] : []),
    ]);
  } catch (error) {
    if ((await heldSeedRevision(db)) >= set.revision) return { ...report, added: [], updated: [], edited: [], missing: [] };
    throw error;
  }
  return report;
}

/** The report as lines for a log (none when nothing was loaded): counts, then each edited and missing item by name. */
export function describeSeedReport(report: SeedReport): string[] {
  if (report.from >= report.to) return [];
  return [
    `seed revision ${report.to} loaded (database held ${report.from || 'none'}): ${report.added.length} added, ${report.updated.length} updated`,
    ...report.edited.map((item) => `seed: left ${item} as it is (edited since it was seeded)`),
    ...report.missing.map((item) => `seed: kept ${item} (no longer in the seed set)`),
  ];
}
