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
import { exportStatic, siteContent } from '../../src/cli/export.js';
import { createApp } from '../../src/http/app.js';
import { testConfig } from '../fixtures/config.js';
import { expectParses } from '../fixtures/documents.js';
import { parseJsonFeed, parseXmlFeed } from '../fixtures/feed-parsers.js';
import { parseWithIcalJs } from '../fixtures/ics-parsers.js';
import { internalLinks } from '../fixtures/links.js';
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
  const exporter = createApp(deps);
  paths = await exportStatic(
    (path) => Promise.resolve(exporter.request(path)),
    await siteContent(t.store, new Date(NOW).toISOString().slice(0, 10)),
    outDir,
  );
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
  it('writes the whole public site: pages, every calendar and feed, downloads, changes, OPML lists, _headers', () => {
    for (const path of [
      '/calendar.ics',
      '/cities/koeln/feed.plenary.zh.atom',
      '/cities/maanshan/calendar.en.ics',
      '/feeds.zh.opml',
      '/feeds.atom.en.opml',
      '/changes.en.atom',
      '/index.zh.html',
      '/cities/foshan/index.en.html',
      '/events/isa-plenary-2018.de.html',
      '/events/isa-plenary-2018.zh.ics',
      '/events/dresden-delegation-jinan-2018.en.html',
    ]) {
      expect(paths, path).toContain(path);
    }
    // A start-unknown item has a page but no calendar entry, so no download either.
    expect(paths).not.toContain('/events/dresden-delegation-jinan-2018.en.ics');
    expect(new Set(paths).size).toBe(paths.length);
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toContain('<html lang="de">');
    expect(readFileSync(join(outDir, '_headers'), 'utf8')).toContain('/*.ics\n  Content-Type: text/calendar; charset=utf-8');
  });

  it('regression: exported feeds and calendars linked to pages that were not exported; every internal link is a file', () => {
    const files = new Set([...paths, '/index.html']);
    const dead: string[] = [];
    for (const path of paths) {
      const text = readFileSync(join(outDir, path), 'utf8');
      for (const link of internalLinks(text, 'https://static.example.org')) {
        const target = link.replace(/\?.*$/, '') || '/';
        if (target !== '/' && !files.has(target)) dead.push(`${path} → ${link}`);
        // A static host ignores query strings: a link must not need one. Search needs the server anyway: its
        // file is the empty form, whatever the query.
        if (link.includes('?') && target !== '/search') dead.push(`${path} → ${link} (query string)`);
      }
    }
    expect(dead).toEqual([]);
  });

  it('regression: start-unknown items linked to a .ics that answered 404; every internal link of the app answers 200', async () => {
    const checked = new Map<string, number>();
    for (const path of paths.filter(
      (p) => !/\.(?:de|en|zh)\.html$/.test(p) || p.startsWith('/index') || p.includes('isa-plenary') || p.includes('dresden'),
    )) {
      const text = readFileSync(join(outDir, path), 'utf8');
      for (const link of internalLinks(text, 'https://static.example.org')) {
        if (checked.has(link)) continue;
        const res = await fetch(`${origin}${link}`, { method: 'HEAD' });
        checked.set(link, res.status);
      }
    }
    expect([...checked].filter(([, status]) => status !== 200)).toEqual([]);
    expect(checked.size).toBeGreaterThan(100);
  }, 120_000);

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
      else if (path.endsWith('.html') || path === '/search') expectParses(path, 'html', text);
      else expect(text, path).toContain('<opml version="2.0">');
    }
  }, 120_000);
});
