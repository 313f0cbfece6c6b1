/**
 * The kept documents of an app instance: keyed by the resolved city and the canonical kind list, never by a
 * spelling, and bounded by bytes. Run on both runtimes over the runtime's store (the in-memory caches are the
 * same code; what differs is the database under them).
 */
import { describe, expect, it } from 'vitest';
import { createDocumentCache } from '../../src/documents/document-cache.js';
import { createApp } from '../../src/http/app.js';
import type { Store } from '../../src/storage/store.js';
import { TEST_NOW } from '../fixtures/clock.js';
import { testConfig } from '../fixtures/config.js';

/** Registers the suite; `getStore` gives a seeded store. */
export function describeCacheKeys(runtime: string, getStore: () => Store): void {
  const appWith = (bytes: number) => {
    const cache = createDocumentCache(bytes);
    const app = createApp(() => ({ store: getStore(), clock: () => TEST_NOW, config: testConfig() }), cache);
    return { app, cache };
  };

  describe(`kept documents on ${runtime}`, () => {
    it("regression: every spelling of a city was a full copy of its documents (foshan, foshan-, foshan', 佛山市 …)", async () => {
      const { app, cache } = appWith(8 * 1024 * 1024);
      const spellings = ['foshan', 'Foshan', 'FOSHAN', 'foshan-', "foshan'", 'fo%C5%9Fhan', '%E4%BD%9B%E5%B1%B1', 'fo-shan'];
      const bodies = new Set<string>();
      for (const spelling of spellings) {
        const res = await app.request(`/cities/${spelling}/calendar.ics`);
        if (res.status === 200) bodies.add(await res.text());
        else expect(res.status, spelling).toBe(404);
      }
      expect(bodies.size).toBe(1);
      expect(cache.documents.size).toBe(1);
    });

    it('regression: repeated kinds in a file-style name (feed.fair+fair+fair….json) each made an entry', async () => {
      const { app, cache } = appWith(8 * 1024 * 1024);
      for (let n = 1; n <= 40; n++) {
        const res = await app.request(`/feed.${Array.from({ length: n }, () => 'fair').join('+')}.json`);
        expect(res.status).toBe(200);
      }
      for (const kinds of ['fair,plenary', 'plenary,fair', 'plenary,fair,plenary'])
        expect((await app.request(`/feed.json?kind=${kinds}`)).status).toBe(200);
      expect((await app.request('/feed.plenary+fair.json')).status).toBe(200);
      expect(cache.documents.size).toBe(2);
    });

    it('holds no more bytes than its budget, dropping the least recently used documents', async () => {
      const budget = 64 * 1024;
      const { app, cache } = appWith(budget);
      for (const lang of ['de', 'en', 'zh']) {
        for (const path of ['/calendar', '/cities/foshan/calendar', '/cities/solingen/calendar', '/cities/koeln/calendar']) {
          expect((await app.request(`${path}.${lang}.ics`)).status).toBe(200);
          expect(cache.documents.bytes).toBeLessThanOrEqual(budget);
        }
      }
      expect(cache.documents.size).toBeGreaterThan(0);
    });
  });
}
