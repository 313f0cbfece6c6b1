/**
 * Calendar benchmarks on 10,000 events, each side by side in one run:
 * - full rebuild of /calendar.ics through the app (database read, ics, adapters, assembly, bytes) against
 *   `ics` alone (createEvents on the same events' attributes);
 * - the calendar ready to serve again after one event changes (only that event re-rendered).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEvents } from 'ics';
import { SEED_SET } from '../seeds/index.js';
import { icsAttributes } from '../src/core/calendar/render-ics.js';
import type { EventRecord } from '../src/core/model.js';
import { createDocumentCache } from '../src/documents/document-cache.js';
import { createApp } from '../src/http/app.js';
import { bumpDataVersion } from '../src/storage/data-version.js';
import { openSqliteStore, type SqliteStore } from '../src/storage/dialects/sqlite.js';
import { getEvent, getEvents, insertEventStatements, updateEventStatements } from '../src/storage/events-repository.js';
import { applySeedSet } from '../src/storage/seed.js';
import { percentiles } from './machine.js';

const CONFIG = { publicUrl: 'https://isa.example.org', uidDomain: 'isa-calendar.invalid', writers: [], writeOrigins: [] };
const NOW = Date.parse('2026-11-27T08:00:00Z');

/** 10,000 bilingual events across the cities, half timed (09:00–17:00 local), half all-day. */
export function generatedEvents(count: number): EventRecord[] {
  const cities = SEED_SET.cities;
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

export interface CalendarBench {
  readonly events: number;
  readonly bytes: number;
  readonly fullRebuild: { p50: number; p95: number };
  readonly icsAlone: { p50: number; p95: number };
  /** HEAD after one change: the calendar is rebuilt and its response ready, the body not transferred. */
  readonly afterChange: { p50: number; p95: number };
  /** GET after one change, including reading the whole body out of the Response. */
  readonly afterChangeWithBody: { p50: number; p95: number };
}

/** A SQLite file at `path` with the seed set and `events`. */
export async function seededStore(path: string, events: EventRecord[]): Promise<SqliteStore> {
  const store = openSqliteStore(path);
  await applySeedSet(store, SEED_SET, '2026-11-27T00:00:00Z');
  await store.batch(events.flatMap((e) => insertEventStatements(store.db, e)));
  return store;
}

/** Runs the calendar benchmarks; `rounds` full rebuilds and `changes` single-event changes. */
export async function benchCalendar(count = 10_000, rounds = 5, changes = 30): Promise<CalendarBench> {
  const dir = mkdtempSync(join(tmpdir(), 'isa-bench-cal-'));
  const store = await seededStore(join(dir, 'calendar.sqlite'), generatedEvents(count));
  try {
    const records = (
      await getEvents(
        store.db,
        generatedEvents(count).map((e) => e.id),
      )
    ).concat();
    const deps = { store, clock: () => NOW, config: CONFIG };
    const full: number[] = [];
    const alone: number[] = [];
    let bytes = 0;
    for (let i = 0; i < rounds; i++) {
      // Ours: a fresh app instance, nothing kept.
      const app = createApp(() => deps, createDocumentCache());
      let t0 = performance.now();
      const res = await app.request('/calendar.ics');
      bytes = (await res.arrayBuffer()).byteLength;
      full.push(performance.now() - t0);
      // The baseline gets its attributes ready-made (not timed): ics alone, on the same events.
      const attributes = records.map((r) => icsAttributes(r, { lang: 'de', ...CONFIG, sources: new Map() }));
      t0 = performance.now();
      const { error } = createEvents(attributes, { productId: 'bench' });
      alone.push(performance.now() - t0);
      if (error) throw error;
    }

    const app = createApp(() => deps, createDocumentCache());
    await (await app.request('/calendar.ics')).arrayBuffer();
    const afterChange: number[] = [];
    const afterChangeWithBody: number[] = [];
    for (let i = 0; i < changes * 2; i++) {
      const id = `gen-${(i * 337) % count}`;
      const before = await getEvent(store.db, id);
      if (!before) throw new Error(id);
      const at = new Date(NOW + i * 1000).toISOString();
      const after = {
        ...before,
        title: { ...before.title, de: `${before.title.de} (geändert ${i})` },
        revision: before.revision + 1,
        updated: at,
      };
      await store.batch([...updateEventStatements(store.db, after), bumpDataVersion(store.db, at)]);
      const t0 = performance.now();
      if (i % 2 === 0) {
        await app.request('/calendar.ics', { method: 'HEAD' });
        afterChange.push(performance.now() - t0);
      } else {
        await (await app.request('/calendar.ics')).arrayBuffer();
        afterChangeWithBody.push(performance.now() - t0);
      }
    }
    return {
      events: count,
      bytes,
      fullRebuild: percentiles(full),
      icsAlone: percentiles(alone),
      afterChange: percentiles(afterChange),
      afterChangeWithBody: percentiles(afterChangeWithBody),
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
