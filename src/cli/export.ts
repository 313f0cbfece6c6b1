/**
 * @module export
 * `npm run export`: writes every calendar and feed — all events and each city; every kind; every language —
 * into feeds/ as files named like their URLs (document-names.ts), byte-identical to what the server answers
 * for the same data and date, plus the OPML lists and an index.html, so the set can be served from any static
 * host or CDN (e.g. where *.workers.dev cannot be reached). Settings as for `npm start`; set PUBLIC_URL to the
 * address the files will be served from.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import escapeHtml from 'escape-html';
import { SEED_SET } from '../../seeds/index.js';
import { parseConfig } from '../config.js';
import { EVENT_KINDS, type EventKind, LANGS } from '../core/model.js';
import { createApp } from '../http/app.js';
import { documentFileName } from '../http/document-names.js';
import { listCities } from '../storage/cities-repository.js';
import { openSqliteStore } from '../storage/dialects/sqlite.js';
import { applySeedSet } from '../storage/seed.js';
import { isEntryPoint } from './entry-point.js';

/** Fetches a path from the app (in process or over HTTP). */
export type PathFetch = (path: string) => Promise<Response>;

/** Every exported path, as served: file-style names plus the bare default names (German, all kinds). */
export function exportPaths(citySlugs: readonly string[]): string[] {
  const paths: string[] = [];
  const variants: Array<readonly EventKind[] | undefined> = [undefined, ...EVENT_KINDS.map((k) => [k] as const)];
  for (const base of ['', ...citySlugs.map((slug) => `/cities/${slug}`)]) {
    paths.push(`${base}/calendar.ics`, `${base}/feed.rss`, `${base}/feed.atom`, `${base}/feed.json`);
    for (const lang of LANGS) {
      for (const kinds of variants) {
        paths.push(`${base}/${documentFileName('calendar', 'ics', lang, kinds)}`);
        for (const format of ['rss', 'atom', 'json']) paths.push(`${base}/${documentFileName('feed', format, lang, kinds)}`);
      }
    }
  }
  paths.push('/feeds.opml', ...LANGS.map((lang) => `/${documentFileName('feeds', 'opml', lang)}`));
  return paths;
}

/** Writes the paths' bodies under `outDir` (emptied first, keeping README.md) and an index.html; returns the paths. */
export async function exportStatic(fetchPath: PathFetch, citySlugs: readonly string[], outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  for (const entry of readdirSync(outDir)) if (entry !== 'README.md') rmSync(join(outDir, entry), { recursive: true, force: true });
  const paths = exportPaths(citySlugs);
  for (const path of paths) {
    const res = await fetchPath(path);
    if (res.status !== 200) throw new Error(`export: ${path} answered ${res.status}`);
    const file = join(outDir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, new Uint8Array(await res.arrayBuffer()));
  }
  const links = paths.map((p) => `<li><a href="${escapeHtml(p.slice(1))}">${escapeHtml(p.slice(1))}</a></li>`).join('\n');
  writeFileSync(
    join(outDir, 'index.html'),
    `<!doctype html>\n<html lang="de"><head><meta charset="utf-8"><title>ISA – Kalender und Feeds</title></head>\n<body><main><h1>ISA – Kalender und Feeds / calendars and feeds / 日历与订阅</h1>\n<ul>\n${links}\n</ul></main></body></html>\n`,
  );
  return paths;
}

if (isEntryPoint(import.meta.url)) {
  const port = process.env.PORT ?? '8787';
  const config = parseConfig({ ...process.env, PUBLIC_URL: process.env.PUBLIC_URL ?? `http://127.0.0.1:${port}` });
  const store = openSqliteStore(resolve(process.env.DATABASE_PATH ?? 'data/isa-calendar.sqlite'));
  await applySeedSet(store, SEED_SET, new Date().toISOString());
  // One instant for the whole export, so every file belongs to the same day.
  const now = Date.now();
  const app = createApp(() => ({ store, clock: () => now, config }));
  const slugs = (await listCities(store.db)).map((c) => c.slug);
  const outDir = resolve(process.env.EXPORT_DIR ?? 'feeds');
  const t0 = performance.now();
  const paths = await exportStatic((path) => Promise.resolve(app.request(path)), slugs, outDir);
  console.log(`exported ${paths.length} files to ${outDir} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await store.close();
}
