/**
 * What the new pages cost to build, against a city page, on one database of 50,000 generated events (plus the
 * seeds) in one process: before each round one event is rewritten, so every kept page is stale and each request
 * builds its page again (search is built on every request anyway). CPU is the process's own (user + system)
 * around each request through the app, pages interleaved, medians over the rounds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED_SET } from '../seeds/index.js';
import { createApp } from '../src/http/app.js';
import { bumpDataVersion } from '../src/storage/data-version.js';
import { openSqliteStore } from '../src/storage/dialects/sqlite.js';
import { eventWriteStatements } from '../src/storage/events-repository.js';
import { ensureSearchIndex } from '../src/storage/search-repository.js';
import { applySeedSet } from '../src/storage/seed.js';
import { BENCH_CONFIG, BENCH_NOW, generatedEvents } from './data.js';
import { percentiles } from './machine.js';

const EVENTS = 50_000;
const ROUNDS = 25;

/** The baseline first, then the pages compared with it. */
export const PAGES = [
  ['city page (baseline)', '/cities/koeln/index.de.html'],
  ['month, Köln', '/cities/koeln/month/2027-06.de.html'],
  ['month, all events', '/month/2027-06.de.html'],
  ['month, all events, filtered', '/month/2027-06.zh.html?kind=conference&related=exclude'],
  ['agenda, Köln', '/cities/koeln/agenda.de.html'],
  ['embed, Köln', '/embed/cities/koeln.de.html'],
  ['search "Köln"', '/search?lang=de&q=K%C3%B6ln'],
  ['search "佛山"', '/search?lang=zh&q=%E4%BD%9B%E5%B1%B1'],
  ['search "Wirtschaftsforum" (every event)', '/search?lang=de&q=Wirtschaftsforum'],
] as const;

export interface PagesResult {
  readonly events: number;
  readonly rounds: number;
  readonly pages: ReadonlyArray<{ readonly name: string; readonly path: string; readonly cpuMs: number; readonly bytes: number }>;
}

/** Builds the database, then measures each page's build CPU. */
export async function benchPages(): Promise<PagesResult> {
  const dir = mkdtempSync(join(tmpdir(), 'isa-bench-pages-'));
  const store = openSqliteStore(join(dir, 'bench.sqlite'));
  try {
    await applySeedSet(store, SEED_SET, '2026-11-27T00:00:00Z');
    const events = generatedEvents(EVENTS);
    for (let i = 0; i < events.length; i += 1000) {
      const slice = events.slice(i, i + 1000);
      await store.batch(
        eventWriteStatements(
          store.db,
          slice.map((after) => ({ before: null, after })),
          null,
        ),
      );
    }
    await ensureSearchIndex(store);
    const app = createApp(() => ({ store, clock: () => BENCH_NOW, config: BENCH_CONFIG }));
    const samples = new Map<string, number[]>(PAGES.map(([, path]) => [path, []]));
    const bytes = new Map<string, number>();
    let revision = 1;
    const touched = events[0];
    if (!touched) throw new Error('no events');
    for (let round = 0; round < ROUNDS + 1; round++) {
      // A change of data: every kept page is stale.
      revision++;
      await store.batch([
        ...eventWriteStatements(store.db, [{ before: touched, after: { ...touched, revision } }], null),
        bumpDataVersion(store.db, new Date(BENCH_NOW).toISOString()),
      ]);
      const order: string[] = PAGES.map(([, path]) => path);
      for (let i = 0; i < round % order.length; i++) order.push(order.shift() as string);
      for (const path of order) {
        const before = process.cpuUsage();
        const res = await app.request(path);
        const body = await res.arrayBuffer();
        const used = process.cpuUsage(before);
        if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
        bytes.set(path, body.byteLength);
        // The first round warms the code paths and the reference data.
        if (round > 0) samples.get(path)?.push((used.user + used.system) / 1000);
      }
    }
    return {
      events: EVENTS,
      rounds: ROUNDS,
      pages: PAGES.map(([name, path]) => ({
        name,
        path,
        cpuMs: percentiles(samples.get(path) ?? []).p50,
        bytes: bytes.get(path) ?? 0,
      })),
    };
  } finally {
    // Let the app's background stores of built pages finish before the file closes.
    await new Promise((done) => setTimeout(done, 200));
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
