import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_SET } from '../../seeds/index.js';
import { storedKeys } from '../../src/core/cities/name-key.js';
import { findCity } from '../../src/storage/cities-repository.js';
import { applySeedSet, describeSeedReport, seedRecords } from '../../src/storage/seed.js';
import { type TempStore, tempStore } from '../fixtures/sqlite.js';

/** Quoted passages in a text: „…“, "…" or “…”. */
const quotations = (text: string) => [...text.matchAll(/[„"“]([^“"”]*)[“"”]/g)].map((m) => m[1] ?? '');

let t: TempStore;
beforeAll(async () => {
  t = await tempStore();
});
afterAll(() => t.dispose());

describe('seed data', () => {
  it('cites an entry of the source catalogue for every event and every membership period, each citation resolving', () => {
    const ids = new Set(SEED_SET.sources.map((s) => s.id));
    expect(ids.size).toBe(SEED_SET.sources.length);
    const cited = [
      ...SEED_SET.events.map((e) => ({ what: `event ${e.id}`, sources: e.sources })),
      ...SEED_SET.cities.flatMap((c) => (c.memberships ?? []).map((m, i) => ({ what: `${c.slug} period ${i}`, sources: m.sources }))),
    ];
    for (const { what, sources } of cited) {
      expect(sources.length, what).toBeGreaterThan(0);
      for (const citation of sources) expect(ids.has(citation.ref), `${what} cites ${citation.ref}`).toBe(true);
    }
  });

  it('gives membership periods in order, without overlaps, each admission at an event of the seeds on its date', () => {
    const events = new Map(seedRecords(SEED_SET).map((e) => [e.id, e]));
    for (const city of SEED_SET.cities) {
      const periods = city.memberships ?? [];
      periods.forEach((period, i) => {
        const what = `${city.slug} period ${i}`;
        if (period.to !== undefined) expect(period.to >= period.from, what).toBe(true);
        const next = periods[i + 1];
        if (next) expect(period.to !== undefined && period.to <= next.from, `${what} ends before the next starts`).toBe(true);
        if (period.endReason) expect(period.to, what).toBeDefined();
        if (period.admittedAt) {
          const event = events.get(period.admittedAt);
          expect(event, `${what} admitted at ${period.admittedAt}`).toBeDefined();
          // The period starts at the precision its source gives; the event falls within that day, month or year.
          expect(event?.start?.value.startsWith(period.from) || period.from.startsWith(event?.start?.value ?? '?'), what).toBe(true);
        }
      });
      expect(city.subdivision ?? '', city.slug).toMatch(city.country === 'DE' ? /^DE-[A-Z]{2}$/ : /^CN-[A-Z]{2}$/);
    }
  });

  it('describes every catalogue entry with a title and an address or the copy it comes from', () => {
    for (const entry of SEED_SET.sources) {
      expect(entry.id, entry.id).toMatch(/^[a-z0-9-]+$/);
      expect(entry.title.length, entry.id).toBeGreaterThan(0);
      expect(entry.url !== null || entry.file !== null, entry.id).toBe(true);
      if (entry.url) expect(new URL(entry.url).protocol, entry.id).toMatch(/^https?:$/);
    }
  });

  it('holds no copied sentences: notes quote at most a few words where the wording decides an inference', () => {
    const citations = [
      ...SEED_SET.events.flatMap((e) => e.sources.map((c) => ({ what: e.id, c }))),
      ...SEED_SET.cities.flatMap((city) => (city.memberships ?? []).flatMap((m) => m.sources.map((c) => ({ what: city.slug, c })))),
    ];
    for (const { what, c } of citations) {
      expect(c.note?.length ?? 0, what).toBeGreaterThan(0);
      for (const quoted of quotations(c.note ?? '')) expect(quoted.split(/\s+/).length, `${what}: „${quoted}“`).toBeLessThanOrEqual(4);
    }
  });

  it('has titles in de, en and zh and valid times for every event', () => {
    const records = seedRecords(SEED_SET);
    expect(records).toHaveLength(SEED_SET.events.length);
    for (const record of records) {
      expect(Object.keys(record.title).sort(), record.id).toEqual(['de', 'en', 'zh']);
      expect(record.id).toMatch(/^[a-z0-9-]+$/);
    }
    // No source gives a clock time, so no seed item has one.
    expect(records.filter((r) => r.precision === 'minute')).toEqual([]);
  });

  it('gives every spelling to one city only', () => {
    const owner = new Map<string, string>();
    for (const city of SEED_SET.cities) {
      for (const name of [city.slug, city.name.de, city.name.en, city.name.zh, ...city.aliases]) {
        for (const key of storedKeys(name)) {
          const other = owner.get(key);
          expect(other === undefined || other === city.slug, `${key}: ${other} and ${city.slug}`).toBe(true);
          owner.set(key, city.slug);
        }
      }
    }
  });

  it('corrects the source errors', async () => {
    expect((await findCity(t.store.db, 'Zhuzhouan'))?.name.zh).toBe('株洲');
    // Article 000 places Foshan in Sichuan; it is in Guangdong, and the note says so.
    expect((await findCity(t.store.db, 'Foshan'))?.subdivision).toBe('CN-GD');
    expect((await findCity(t.store.db, 'Foshan'))?.note).toMatch(/Sichuan/);
    // 台州 is the name the alliance's Chinese sources use.
    expect((await findCity(t.store.db, '台州'))?.nameZhUncertain).toBe(false);
    expect((await findCity(t.store.db, '宝安区'))?.parent).toBe('shenzhen');
  });

  it('loads a revision once: a second run writes nothing', async () => {
    const count = () =>
      t.store.raw
        .prepare(
          'SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM event_listings) + (SELECT count(*) FROM cities) + (SELECT count(*) FROM seed_items)',
        )
        .pluck()
        .get();
    const before = count();
    const version = await t.store.dataVersion();
    const report = await applySeedSet(t.store, SEED_SET, '2026-11-28T00:00:00Z');
    expect(report).toEqual({ from: SEED_SET.revision, to: SEED_SET.revision, added: [], updated: [], edited: [], missing: [] });
    expect(describeSeedReport(report)).toEqual([]);
    expect(count()).toBe(before);
    expect(await t.store.dataVersion()).toEqual(version);
  });

  it('lets two loaders race on a fresh database: one loads, the other finds the revision loaded', async () => {
    const fresh = await tempStore(false);
    try {
      const reports = await Promise.all([
        applySeedSet(fresh.store, SEED_SET, '2026-11-28T00:00:00Z'),
        applySeedSet(fresh.store, SEED_SET, '2026-11-28T00:00:00Z'),
      ]);
      expect(reports.map((r) => r.added.length > 0).sort()).toEqual([false, true]);
      expect(fresh.store.raw.prepare('SELECT count(*) FROM events').pluck().get()).toBe(SEED_SET.events.length);
    } finally {
      await fresh.dispose();
    }
  });
});
