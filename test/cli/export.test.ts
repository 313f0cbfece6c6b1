/**
 * The static export: every file equals, byte for byte, what a real server answers over HTTP for the same data
 * and date, and every file parses with a real parser of its format.
 */

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportStatic } from '../../src/cli/export.js';
import { createApp } from '../../src/http/app.js';
import { listCities } from '../../src/storage/cities-repository.js';
import { testConfig } from '../fixtures/config.js';
import { parseJsonFeed, parseXmlFeed } from '../fixtures/feed-parsers.js';
import { parseWithIcalJs } from '../fixtures/ics-parsers.js';
import { type TempStore, tempStore } from '../fixtures/sqlite.js';

const NOW = Date.parse('2026-11-27T08:00:00Z');
let t: TempStore;
let outDir: string;
let paths: string[];
let origin: string;
let server: ReturnType<typeof serve>;

beforeAll(async () => {
  t = await tempStore();
  outDir = mkdtempSync(join(tmpdir(), 'isa-export-'));
  const deps = () => ({
    store: t.store,
    clock: () => NOW,
    config: testConfig({ publicUrl: 'https://static.example.org' }),
  });
  const slugs = (await listCities(t.store.db)).map((c) => c.slug);
  const exporter = createApp(deps);
  paths = await exportStatic((path) => Promise.resolve(exporter.request(path)), slugs, outDir);
  // A separate app instance (nothing kept from the export) behind a real HTTP server.
  await new Promise<void>((ready) => {
    server = serve({ fetch: createApp(deps).fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      origin = `http://127.0.0.1:${info.port}`;
      ready();
    });
  });
}, 120_000);

afterAll(async () => {
  await new Promise((done) => server.close(done));
  rmSync(outDir, { recursive: true, force: true });
  await t.dispose();
});

describe('npm run export', () => {
  it('writes every calendar and feed: all and each city, each kind, each language, and the OPML', () => {
    expect(paths).toContain('/calendar.ics');
    expect(paths).toContain('/cities/koeln/feed.plenary.zh.atom');
    expect(paths).toContain('/cities/maanshan/calendar.en.ics');
    expect(paths).toContain('/feeds.zh.opml');
    expect(new Set(paths).size).toBe(paths.length);
    // (1 + 39 cities) × (4 defaults + 3 languages × 9 kind variants × 4 documents) + 4 OPML
    expect(paths).toHaveLength(40 * (4 + 3 * 9 * 4) + 4);
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toContain('href="cities/koeln/feed.de.rss"');
  });

  it('matches the HTTP responses byte for byte', async () => {
    for (const path of paths) {
      const served = new Uint8Array(await (await fetch(`${origin}${path}`)).arrayBuffer());
      const file = new Uint8Array(readFileSync(join(outDir, path)));
      expect(Buffer.compare(file, served), path).toBe(0);
    }
  }, 120_000);

  it('parses every file with a real parser of its format', () => {
    for (const path of paths) {
      const text = readFileSync(join(outDir, path), 'utf8');
      if (path.endsWith('.ics')) expect(() => parseWithIcalJs(text), path).not.toThrow();
      else if (path.endsWith('.json')) expect(() => parseJsonFeed(text), path).not.toThrow();
      else if (path.endsWith('.rss') || path.endsWith('.atom')) expect(() => parseXmlFeed(text), path).not.toThrow();
      else expect(text, path).toContain('<opml version="2.0">');
    }
  }, 120_000);
});
