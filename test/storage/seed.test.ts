import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_SET } from '../../seeds/index.js';
import { storedKeys } from '../../src/core/cities/name-key.js';
import { findCity } from '../../src/storage/cities-repository.js';
import { applySeedSet, seedRecords } from '../../src/storage/seed.js';
import { type TempStore, tempStore } from '../fixtures/sqlite.js';

/** Quoted passages in a text: „…“, "…" or “…”. */
const quotations = (text: string) => [...text.matchAll(/[„"“]([^“"”]*)[“"”]/g)].map((m) => m[1] ?? '');

let t: TempStore;
beforeAll(async () => {
  t = await tempStore();
});
afterAll(() => t.dispose());

describe('seed data', () => {
  it('cites an entry of the source catalogue for every event, each citation resolving', () => {
    const ids = new Set(SEED_SET.sources.map((s) => s.id));
    expect(ids.size).toBe(SEED_SET.sources.length);
    for (const event of SEED_SET.events) {
      expect(event.sources.length, event.id).toBeGreaterThan(0);
      for (const citation of event.sources) expect(ids.has(citation.ref), `${event.id} cites ${citation.ref}`).toBe(true);
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
    for (const event of SEED_SET.events) {
      for (const citation of event.sources) {
        expect(citation.note?.length ?? 0, event.id).toBeGreaterThan(0);
        for (const quoted of quotations(citation.note ?? ''))
          expect(quoted.split(/\s+/).length, `${event.id}: „${quoted}“`).toBeLessThanOrEqual(4);
      }
    }
  });

  it('has titles in de, en and zh and valid times for every event', () => {
    const records = seedRecords(SEED_SET);
    expect(records).toHaveLength(11);
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
    expect((await findCity(t.store.db, 'Zhuzhouan'))?.city.name.zh).toBe('株洲');
    expect((await findCity(t.store.db, 'Foshan'))?.city.note).toMatch(/Guangdong/);
    expect((await findCity(t.store.db, 'Taizhou'))?.city.nameZhUncertain).toBe(true);
    expect((await findCity(t.store.db, '宝安区'))?.city.parent).toBe('shenzhen');
  });

  it('loads once: a second run adds nothing', async () => {
    const count = () =>
      t.store.raw
        .prepare('SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM event_cities) + (SELECT count(*) FROM cities)')
        .pluck()
        .get();
    const before = count();
    expect(await applySeedSet(t.store, SEED_SET, '2026-11-28T00:00:00Z')).toBe(false);
    expect(count()).toBe(before);
  });
});
