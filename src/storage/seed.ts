/**
 * @module seed
 * Loads a reviewed seed set once per database, through the same insert statements the app writes with.
 * Inserts never overwrite (a restart or a second isolate adds nothing), and the set is recorded in
 * seed_runs in the same atomic batch.
 */

import type { SeedSet } from '../../seeds/index.js';
import { resolveEventTimes } from '../core/events/event-times.js';
import { EVENT_KINDS, type EventRecord } from '../core/model.js';
import { insertCityStatements } from './cities-repository.js';
import { bumpDataVersion } from './data-version.js';
import { insertEventStatements } from './events-repository.js';
import { insertSourceStatement } from './sources-repository.js';
import type { Store } from './store.js';

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
    const times = resolveEventTimes({ start: e.start, end: e.end, timeZone: e.timeZone }, zones.get(e.cities[0] ?? '') ?? e.timeZone);
    if (!times.ok) throw new Error(`${where}: ${times.error.field}: ${times.error.message}`);
    return {
      id: e.id,
      kind: e.kind,
      status: e.status ?? 'confirmed',
      allianceWide: e.allianceWide ?? false,
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
      cancelledAt: null,
    };
  });
}

/** Loads the set unless this database has it already; returns whether it loaded anything. */
export async function applySeedSet(store: Store, set: SeedSet, now: string): Promise<boolean> {
  const { db } = store;
  const done = await db.selectFrom('seed_runs').select('id').where('id', '=', set.id).executeTakeFirst();
  if (done) return false;
  // Parents before districts, so that the foreign key holds at every statement.
  const cities = [...set.cities].sort((a, b) => Number(a.parent !== null) - Number(b.parent !== null));
  await store.batch([
    ...set.sources.map((entry) => insertSourceStatement(db, entry)),
    ...cities.flatMap((city) => insertCityStatements(db, city)),
    ...seedRecords(set).flatMap((event) => insertEventStatements(db, event)),
    db
      .insertInto('seed_runs')
      .values({ id: set.id, applied_at: now })
      .onConflict((oc) => oc.doNothing()),
    // The change is the reviewed data's, so every database seeded from it renders alike.
    bumpDataVersion(db, set.reviewed),
  ]);
  return true;
}
