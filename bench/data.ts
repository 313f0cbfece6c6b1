/**
 * Databases for the benchmarks: generated bilingual events across the seed cities, stored the way the app
 * stores them — each written with its fragments in every language, as the write API does.
 */
import { SEED_SET } from '../seeds/index.js';
import type { EventRecord } from '../src/core/model.js';
import { createDocumentCache } from '../src/documents/document-cache.js';
import { refreshStaleFragments, writtenFragmentStatements } from '../src/documents/fragments.js';
import { openSqliteStore, type SqliteStore } from '../src/storage/dialects/sqlite.js';
import { eventWriteStatements } from '../src/storage/events-repository.js';
import { applySeedSet } from '../src/storage/seed.js';

/** The settings every benchmark server and builder uses (they go into the stored bytes). */
export const BENCH_CONFIG = { publicUrl: 'https://isa.example.org', uidDomain: 'isa-calendar.invalid', writers: [], writeOrigins: [] };
/** The benchmarks' clock: a day after the seeds were reviewed, before the generated events. */
export const BENCH_NOW = Date.parse('2026-12-02T08:00:00Z');

/** `count` bilingual events over `cities` (default: every seed city), half timed (09:00–17:00 local), half all-day. */
export function generatedEvents(count: number, cities = SEED_SET.cities): EventRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const city = cities[i % cities.length] ?? cities[0];
    if (!city) throw new Error('no cities');
    const day = new Date(Date.UTC(2027, 0, 1) + (i % 700) * 86_400_000).toISOString().slice(0, 10);
    const timed = i % 2 === 0;
    return {
      id: `gen-${i}`,
      kind: 'conference',
      status: 'confirmed',
      audience: null,
      related: false,
      revision: 1,
      title: {
        de: `Wirtschaftsforum ${city.name.de} Nr. ${i}`,
        en: `Business forum ${city.name.en} no. ${i}`,
        zh: `${city.name.zh}经济论坛第${i}期`,
      },
      description: {
        de: `Delegationen aus ${city.name.de} und Partnerstädten treffen sich zum Austausch über Industrie 4.0.`,
        zh: `${city.name.zh}及伙伴城市代表团就工业4.0进行交流。`,
      },
      cities: [city.slug],
      participants: [],
      timeZone: city.timeZone,
      precision: timed ? 'minute' : 'day',
      start: { value: timed ? `${day}T09:00` : day, fold: 0 },
      end: { value: timed ? `${day}T17:00` : day, fold: 0 },
      location: city.name.de,
      url: null,
      sources: [],
      created: '2026-11-27T00:00:00Z',
      updated: '2026-11-27T00:00:00Z',
      cancelledAt: null,
    };
  });
}

/**
 * A SQLite file at `path` with the seed set and `events`, each stored with its fragments in every language
 * (as a write stores it); the seeds' fragments too. Returns the open store.
 */
export async function storedEvents(path: string, events: readonly EventRecord[]): Promise<SqliteStore> {
  const store = openSqliteStore(path);
  await applySeedSet(store, SEED_SET, '2026-11-27T00:00:00Z');
  const deps = { store, config: BENCH_CONFIG, clock: () => BENCH_NOW };
  for (let i = 0; i < events.length; i += 500) {
    const slice = events.slice(i, i + 500);
    await store.batch([
      ...eventWriteStatements(
        store.db,
        slice.map((after) => ({ before: null, after })),
        null,
      ),
      ...(await writtenFragmentStatements(deps, slice, new Map())),
    ]);
  }
  await refreshStaleFragments(deps, createDocumentCache());
  return store;
}
