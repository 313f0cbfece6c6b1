/**
 * "Next 50 in Köln" on a generated database of 100,000 events: our repository through Kysely (the listing
 * table kept per city, rows mapped to records with their cities), side by side (interleaved, same process,
 * same file) with the simplest raw indexed query for the same question — one prepared better-sqlite3
 * statement over the same listing index, rows not mapped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { SEED_SET } from '../seeds/index.js';
import { eventSpan } from '../src/core/time/wall-time.js';
import { findCity, memberListingInsert } from '../src/storage/cities-repository.js';
import { openSqliteStore } from '../src/storage/dialects/sqlite.js';
import { listEvents } from '../src/storage/events-repository.js';
import { applySeedSet } from '../src/storage/seed.js';
import { percentiles } from './machine.js';

const EVENTS = 100_000;
const ROUNDS = 3_000;
const NOW = Date.parse('2026-11-27T08:00:00Z');

/** Deterministic pseudo-random numbers, so every run builds the same database. */
function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

export interface UpcomingResult {
  readonly events: number;
  readonly rounds: number;
  readonly ours: { p50: number; p95: number };
  readonly raw: { p50: number; p95: number };
  readonly plan: string[];
  readonly items: number;
}

/** Builds the database, then times both ways of reading the next 50 events in Köln. */
export async function benchUpcomingByCity(): Promise<UpcomingResult> {
  const dir = mkdtempSync(join(tmpdir(), 'isa-bench-'));
  const store = openSqliteStore(join(dir, 'bench.sqlite'));
  try {
    await applySeedSet(store, SEED_SET, '2026-11-27T00:00:00Z');
    const cities = SEED_SET.cities;
    const random = lcg(42);
    const insertEvent = store.raw.prepare(
      `INSERT INTO events (id, kind, status, alliance_wide, audience, title_de, title_en, time_zone, precision, start_value, end_value, start_key, end_key, created_at, updated_at, links)
       VALUES (?, 'conference', 'confirmed', ?, ?, ?, ?, ?, 'minute', ?, ?, ?, ?, '2026-11-27T00:00:00Z', '2026-11-27T00:00:00Z', ?)`,
    );
    const insertLink = store.raw.prepare(
      'INSERT OR IGNORE INTO event_cities (event_id, city, role, position, start_key, end_key) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const insertListing = store.raw.prepare(
      'INSERT OR IGNORE INTO event_listings (city, event_id, via, start_key, end_key) VALUES (?, ?, ?, ?, ?)',
    );
    store.raw.transaction(() => {
      for (let i = 0; i < EVENTS; i++) {
        const venue = cities[Math.floor(random() * cities.length)] ?? cities[0];
        if (!venue) throw new Error('no cities');
        // 2016–2036, whole hours between 08:00 and 17:00 local time, 1–8 hours long.
        const day = new Date(Date.UTC(2016, 0, 1) + Math.floor(random() * 20 * 365) * 86_400_000).toISOString().slice(0, 10);
        const hour = 8 + Math.floor(random() * 9);
        const start = `${day}T${String(hour).padStart(2, '0')}:00`;
        const end = `${day}T${String(Math.min(23, hour + 1 + Math.floor(random() * 8))).padStart(2, '0')}:00`;
        const span = eventSpan({ value: start, fold: 0 }, { value: end, fold: 0 }, venue.timeZone);
        const id = `gen-${i}`;
        const allianceWide = random() < 0.02;
        const picked = random() < 0.5 ? cities[Math.floor(random() * cities.length)] : undefined;
        const other = picked?.slug === venue.slug ? undefined : picked;
        insertEvent.run(
          id,
          allianceWide ? 1 : 0,
          allianceWide ? 'all' : null,
          `Veranstaltung ${i}`,
          `Event ${i}`,
          venue.timeZone,
          start,
          end,
          span.start,
          span.end,
          // The event's own list of its cities, as the app's writes keep it.
          [`venue:${venue.slug}`, ...(other ? [`participant:${other.slug}`] : [])].join(' '),
        );
        insertLink.run(id, venue.slug, 'venue', 0, span.start, span.end);
        insertListing.run(venue.slug, id, 'venue', span.start, span.end);
        if (other) {
          insertLink.run(id, other.slug, 'participant', 1, span.start, span.end);
          insertListing.run(other.slug, id, 'participant', span.start, span.end);
        }
      }
    })();
    // The members' rows of the alliance-wide events, as the app's writes add them.
    await store.batch([memberListingInsert(store.db, sql<boolean>`1 = 1`)]);
    store.raw.exec('ANALYZE');

    const koeln = await findCity(store.db, 'Köln');
    if (!koeln) throw new Error('Köln missing');
    const filter = { city: koeln, from: NOW, limit: 50 };

    // The floor: the simplest query over the same index for the same question, prepared once, mapping nothing.
    const floorSql = `SELECT events.* FROM event_listings JOIN events ON events.id = event_listings.event_id
      WHERE event_listings.city = ? AND event_listings.start_key >= ? ORDER BY event_listings.start_key, event_listings.event_id LIMIT 51`;
    const floorStmt = store.raw.prepare(floorSql);
    const compiled: Array<{ sql: string; parameters: readonly unknown[] }> = [];
    const capture = openSqliteStore(join(dir, 'bench.sqlite'));
    const logged = new Kysely<never>({
      dialect: new SqliteDialect({ database: capture.raw }),
      log: (e) => {
        if (e.level === 'query') compiled.push({ sql: e.query.sql, parameters: e.query.parameters });
      },
    });
    await listEvents(logged as never, filter);
    await logged.destroy();
    await capture.close();
    const [main] = compiled;
    if (!main || compiled.length !== 1) throw new Error('expected one statement');
    const plan = (store.raw.prepare(`EXPLAIN QUERY PLAN ${main.sql}`).all(...main.parameters) as Array<{ detail: string }>).map(
      (r) => r.detail,
    );
    const raw = () => (floorStmt.all('koeln', NOW) as unknown[]).slice(0, 50).length;

    let items = 0;
    for (let i = 0; i < 200; i++) {
      raw();
      items = (await listEvents(store.db, filter)).items.length;
    }
    const ours: number[] = [];
    const baseline: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      let t0 = performance.now();
      await listEvents(store.db, filter);
      ours.push(performance.now() - t0);
      t0 = performance.now();
      raw();
      baseline.push(performance.now() - t0);
    }
    return { events: EVENTS, rounds: ROUNDS, ours: percentiles(ours), raw: percentiles(baseline), plan, items };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
