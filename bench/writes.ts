/**
 * Write benchmarks on the Node default (SQLite file, WAL, synchronous=FULL), each side by side in one run:
 * - writes per second with a single writer: POST /api/v1/events through the app (auth, validation, city
 *   lookup, rendering the event's VEVENT in three languages, one transaction with the event, its city link and
 *   listing rows, the fragments, a history row and the data version) against raw better-sqlite3 inserting the
 *   same rows in one transaction per write, prepared once, on a second file with the same pragmas; batches of
 *   the two sides interleaved;
 * - what a write costs the next calendar request: with ~1,000 events, HEAD /calendar.ics right after one
 *   PATCH of an event (the calendar is brought up to date) against the unchanged repeat request (kept).
 * Both files live in the OS temp directory, so every commit pays a real fsync there.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDocumentCache } from '../src/documents/document-cache.js';
import { createApp } from '../src/http/app.js';
import type { AppDeps } from '../src/http/env.js';
import { memoryLimiters } from '../src/http/rate-limit.js';
import { openSqliteStore } from '../src/storage/dialects/sqlite.js';
import { generatedEvents, storedEvents } from './data.js';
import { percentiles } from './machine.js';

const CONFIG = {
  publicUrl: 'https://isa.example.org',
  uidDomain: 'isa-calendar.invalid',
  writers: [{ label: 'bench', token: 'bench-token-0123456789' }],
  writeOrigins: [],
};
// The write limits are lifted: the benchmark writes as fast as it can.
const LIMITERS = memoryLimiters({ failedAuth: 1_000_000, writes: 1_000_000 }, Date.now);
const AUTH = { Authorization: 'Bearer bench-token-0123456789' };
/** Work the app runs after its answers (compressing, storing documents), awaited before a file is closed. */
const pending: Array<Promise<unknown>> = [];
const EVENT_BODY = {
  kind: 'conference',
  title: { de: 'Wirtschaftsforum Foshan' },
  cities: ['foshan'],
  start: '2027-10-24T09:00',
  timeZone: 'Asia/Shanghai',
};

type Figures = { p50: number; p95: number };

export interface WriteSide extends Figures {
  /** Writes per second over the timed writes (count / summed write times). */
  readonly perSecond: number;
}

export interface WritesBench {
  /** Where the files lived (their fsyncs are this file system's). */
  readonly dir: string;
  readonly writes: {
    /** Timed writes per side, in `rounds` interleaved batches (after a warm-up batch each). */
    readonly count: number;
    readonly rounds: number;
    /** POST /api/v1/events through createApp(...).request, one at a time. Latencies in ms. */
    readonly app: WriteSide;
    /** Raw better-sqlite3: the same four statements (event, city link, history row, data version) per transaction. */
    readonly raw: WriteSide;
    /** raw writes/s ÷ app writes/s. */
    readonly slowdown: number;
  };
  readonly calendar: {
    /** Events in the database (generated + seeds) and the calendar's size. */
    readonly events: number;
    readonly bytes: number;
    readonly changes: number;
    /** The PATCH itself (ms). */
    readonly patch: Figures;
    /** HEAD /calendar.ics right after one PATCH (ms). */
    readonly afterWrite: Figures;
    /** The same HEAD repeated, nothing changed (ms). */
    readonly unchanged: Figures;
  };
}

/** Runs both write benchmarks; `rounds` × `batch` timed writes per side, `changes` PATCH + calendar pairs. */
export async function benchWrites(rounds = 20, batch = 50, changes = 100, calendarEvents = 1000): Promise<WritesBench> {
  const dir = mkdtempSync(join(tmpdir(), 'isa-bench-writes-'));
  try {
    const writes = await benchWriteRate(dir, rounds, batch);
    const calendar = await benchCalendarAfterWrite(dir, changes, calendarEvents);
    return { dir: tmpdir(), writes, calendar };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchWriteRate(dir: string, rounds: number, batch: number): Promise<WritesBench['writes']> {
  const store = await storedEvents(join(dir, 'app.sqlite'), []);
  const rawStore = openSqliteStore(join(dir, 'raw.sqlite'));
  try {
    const deps: AppDeps = { store, clock: () => Date.now(), config: CONFIG, limiters: LIMITERS, background: (task) => pending.push(task) };
    const app = createApp(() => deps, createDocumentCache());
    let n = 0;
    const appWrite = async () => {
      const res = await app.request('/api/v1/events', {
        method: 'POST',
        headers: { ...AUTH, 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...EVENT_BODY, title: { de: `${EVENT_BODY.title.de} ${n++}` } }),
      });
      if (res.status !== 201) throw new Error(`POST answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as { id: string };
    };

    // The baseline writes the rows the app wrote: its first event's row, city link and history row as templates.
    const { id: templateId } = await appWrite();
    const row = store.raw.prepare('SELECT * FROM events WHERE id = ?').get(templateId) as Record<string, unknown>;
    const link = store.raw.prepare('SELECT * FROM event_cities WHERE event_id = ?').get(templateId) as Record<string, unknown>;
    const history = store.raw.prepare('SELECT * FROM event_history WHERE event_id = ?').get(templateId) as Record<string, unknown>;
    const listing = store.raw.prepare('SELECT * FROM event_listings WHERE event_id = ?').get(templateId) as Record<string, unknown>;
    const fragments = store.raw.prepare('SELECT * FROM fragments WHERE event_id = ?').all(templateId) as Array<Record<string, unknown>>;
    delete row.span; // generated column
    delete history.seq;
    const raw = rawStore.raw;
    // The raw file has the cities (foreign keys) but none of the app's events.
    raw.exec(`ATTACH DATABASE '${join(dir, 'app.sqlite').replace(/'/g, "''")}' AS src`);
    raw.exec('INSERT INTO main.cities SELECT * FROM src.cities; INSERT INTO main.city_names SELECT * FROM src.city_names');
    raw.exec('DETACH DATABASE src');
    const insertSql = (table: string, columns: string[]) =>
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`;
    const insertEvent = raw.prepare(insertSql('events', Object.keys(row)));
    const insertLink = raw.prepare(insertSql('event_cities', Object.keys(link)));
    const insertHistory = raw.prepare(insertSql('event_history', Object.keys(history)));
    const insertListing = raw.prepare(insertSql('event_listings', Object.keys(listing)));
    const insertFragment = raw.prepare(insertSql('fragments', Object.keys(fragments[0] ?? {})));
    const bump = raw.prepare('UPDATE data_version SET version = version + 1, changed_at = ? WHERE id = 1');
    const historyAfter = String(history.after);
    const rawWrite = raw.transaction((id: string, at: string) => {
      insertEvent.run({ ...row, id, title_de: `${String(row.title_de)} ${id}`, created_at: at, updated_at: at });
      insertLink.run({ ...link, event_id: id });
      insertHistory.run({ ...history, event_id: id, at, after: historyAfter.replaceAll(templateId, id) });
      insertListing.run({ ...listing, event_id: id });
      for (const fragment of fragments) insertFragment.run({ ...fragment, event_id: id });
      bump.run(at);
    });
    const rawOne = () => {
      const at = new Date().toISOString();
      rawWrite(crypto.randomUUID(), at);
    };

    const appTimes: number[] = [];
    const rawTimes: number[] = [];
    const runBatch = async (side: 'app' | 'raw', times: number[] | null) => {
      for (let i = 0; i < batch; i++) {
        const t0 = performance.now();
        if (side === 'app') await appWrite();
        else rawOne();
        times?.push(performance.now() - t0);
      }
    };
    // Warm up (JIT, statement caches), then alternate which side goes first in each round.
    await runBatch('app', null);
    await runBatch('raw', null);
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? (['app', 'raw'] as const) : (['raw', 'app'] as const);
      for (const side of order) await runBatch(side, side === 'app' ? appTimes : rawTimes);
    }
    const side = (times: number[]): WriteSide => ({
      ...percentiles(times),
      perSecond: times.length / (times.reduce((a, b) => a + b, 0) / 1000),
    });
    const counted = (s: typeof store.raw, table: string) => s.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    // Both files hold what was written: one history row per write on either side.
    const expected = 1 + batch * (rounds + 1);
    if (counted(store.raw, 'event_history') !== expected || counted(raw, 'event_history') !== expected - 1)
      throw new Error('write counts do not match');
    const ours = side(appTimes);
    const base = side(rawTimes);
    return { count: appTimes.length, rounds, app: ours, raw: base, slowdown: base.perSecond / ours.perSecond };
  } finally {
    await Promise.allSettled(pending);
    await store.close();
    await rawStore.close();
  }
}

async function benchCalendarAfterWrite(dir: string, changes: number, count: number): Promise<WritesBench['calendar']> {
  const store = await storedEvents(join(dir, 'calendar.sqlite'), generatedEvents(count));
  try {
    const deps: AppDeps = { store, clock: () => Date.now(), config: CONFIG, limiters: LIMITERS, background: (task) => pending.push(task) };
    const app = createApp(() => deps, createDocumentCache());
    const head = async () => {
      const res = await app.request('/calendar.ics', { method: 'HEAD' });
      if (res.status !== 200) throw new Error(`HEAD /calendar.ics answered ${res.status}`);
      return res.headers.get('etag') ?? '';
    };
    const first = await app.request('/calendar.ics');
    const bytes = (await first.arrayBuffer()).byteLength;
    const events = store.raw.prepare('SELECT count(*) FROM events').pluck().get() as number;
    let etag = await head();
    const revisions = new Map<string, number>();
    const patchTimes: number[] = [];
    const afterWrite: number[] = [];
    const unchanged: number[] = [];
    // Two untimed rounds warm up the PATCH path and the re-rendering.
    for (let i = -2; i < changes; i++) {
      const id = `gen-${((i + 2) * 337) % count}`;
      const revision = revisions.get(id) ?? 1;
      let t0 = performance.now();
      const res = await app.request(`/api/v1/events/${id}`, {
        method: 'PATCH',
        headers: { ...AUTH, 'Content-Type': 'application/merge-patch+json', 'If-Match': `"r${revision}"` },
        body: JSON.stringify({ title: { de: `changed ${i}` } }),
      });
      const patchMs = performance.now() - t0;
      if (res.status !== 200) throw new Error(`PATCH ${id} answered ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
      revisions.set(id, revision + 1);
      t0 = performance.now();
      const changed = await head();
      const afterMs = performance.now() - t0;
      t0 = performance.now();
      const repeated = await head();
      const unchangedMs = performance.now() - t0;
      // The write shows at once, and the repeat is the same kept rendering.
      if (changed === etag || repeated !== changed)
        throw new Error(`calendar ETag did not follow the write: ${etag} → ${changed} → ${repeated}`);
      etag = changed;
      if (i < 0) continue;
      patchTimes.push(patchMs);
      afterWrite.push(afterMs);
      unchanged.push(unchangedMs);
    }
    return {
      events,
      bytes,
      changes,
      patch: percentiles(patchTimes),
      afterWrite: percentiles(afterWrite),
      unchanged: percentiles(unchanged),
    };
  } finally {
    await Promise.allSettled(pending);
    await store.close();
  }
}
