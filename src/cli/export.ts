/**
 * @module export
 * `npm run export`: writes the public site as static files into feeds/, each named like the static path the app
 * answers it at (docs/interface.md, "Static paths"; src/http/document-names.ts) and byte-identical to what the
 * server answers for the same data and date:
 * - the pages: home, each city, each event, in three languages (`index.de.html`, `cities/koeln/index.zh.html`,
 *   `events/{id}.en.html`), and `index.html` (the German home page); the agenda, the embed and the month views
 *   (the months with events, and today's) of all events and of each city; the members' map (search needs the
 *   server);
 * - every calendar and feed — all events and each city; every kind; every language — the single-event
 *   downloads, the changes feeds and the OPML lists;
 * - `_headers`, giving each kind of file its content type when served by Workers Static Assets or Pages.
 * Every link between them is to a file of the export, so the set can be served from any static host or CDN
 * (e.g. where *.workers.dev cannot be reached). Settings as for `npm start`; set PUBLIC_URL to the address the
 * files will be served from.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { SEED_SET } from '../../seeds/index.js';
import { parseConfig } from '../config.js';
import { HOLIDAY_REGIONS, holidayCalendarPath } from '../core/calendar/holiday-calendar.js';
import { isCalendarPrecision } from '../core/calendar/render-ics.js';
import { documentFileName } from '../core/document-names.js';
import { FEED_FORMATS } from '../core/feeds/render-feed.js';
import { AUDIENCES, type City, EVENT_KINDS, LANGS, type Selection } from '../core/model.js';
import {
  agendaPagePath,
  cityPagePath,
  embedPagePath,
  eventCalendarPath,
  eventPagePath,
  homePath,
  imprintPath,
  membersPagePath,
  monthPagePath,
  privacyPath,
  searchPath,
} from '../core/site-paths.js';
import { monthOf, monthRange, monthsBetween, monthWindow } from '../core/views/month-grid.js';
import { createApp } from '../http/app.js';
import { listCities } from '../storage/cities-repository.js';
import { openSqliteStore } from '../storage/dialects/sqlite.js';
import { listEvents, listingBounds, monthsWithEvents } from '../storage/events-repository.js';
import { applySeedSet } from '../storage/seed.js';
import type { Store } from '../storage/store.js';
import { isEntryPoint } from './entry-point.js';

/** Fetches a path from the app (in process or over HTTP). */
export type PathFetch = (path: string) => Promise<Response>;

/** What the site shows: the cities' slugs, the events (with whether each has a calendar entry), the month views. */
export interface SiteContent {
  readonly citySlugs: readonly string[];
  readonly events: ReadonlyArray<{ readonly id: string; readonly inCalendar: boolean }>;
  /** The month views of all events ('') and of each city: the months with events, and today's. */
  readonly months?: Readonly<Record<string, readonly string[]>>;
}

/** The months a listing's month views link to (routes/month-pages.ts): those with events, and today's. */
async function linkedMonths(store: Store, city: City | undefined, today: string): Promise<string[]> {
  const bounds = await listingBounds(store.db, city ? { city } : {});
  const range = monthRange(bounds.first, bounds.last, today);
  const spans = monthsBetween(range.first, range.last).map((m) => ({ key: m, ...monthWindow(m) }));
  const months = await monthsWithEvents(store.db, city ? { city } : {}, spans);
  return [...months.add(monthOf(today))].sort();
}

/** The content of the site in a store on a day (`YYYY-MM-DD`): every city, every event, the month views. */
export async function siteContent(store: Store, today: string): Promise<SiteContent> {
  const cities = await listCities(store.db);
  const citySlugs = cities.map((c) => c.slug);
  const months: Record<string, string[]> = { '': await linkedMonths(store, undefined, today) };
  for (const city of cities) months[city.slug] = await linkedMonths(store, city, today);
  const events: Array<{ id: string; inCalendar: boolean }> = [];
  let after: { key: number; id: string } | undefined;
  for (;;) {
    const page = await listEvents(store.db, { from: Number.MIN_SAFE_INTEGER, limit: 500, ...(after && { after }) });
    events.push(...page.items.map((e) => ({ id: e.id, inCalendar: isCalendarPrecision(e) })));
    if (!page.next) break;
    after = page.next;
  }
  return { citySlugs, events, months };
}

/**
 * Every exported path, as served: file-style names plus the bare default names (German, everything). Each
 * listing comes in every language, for each single kind and without related items; all events also for each
 * audience and with related items alone. Other combinations need the server.
 */
export function exportPaths(content: SiteContent): string[] {
  const paths: string[] = [];
  const variants: Selection[] = [{}, ...EVENT_KINDS.map((k) => ({ kinds: [k] })), { related: 'exclude' }];
  const allEvents: Selection[] = [...AUDIENCES.map((audience) => ({ audience })), { related: 'only' }];
  for (const base of ['', ...content.citySlugs.map((slug) => `/cities/${slug}`)]) {
    paths.push(`${base}/calendar.ics`, `${base}/feed.rss`, `${base}/feed.atom`, `${base}/feed.json`);
    for (const lang of LANGS) {
      for (const selection of base === '' ? [...variants, ...allEvents] : variants) {
        paths.push(`${base}/${documentFileName('calendar', 'ics', lang, selection)}`);
        for (const format of FEED_FORMATS) paths.push(`${base}/${documentFileName('feed', format, lang, selection)}`);
      }
    }
  }
  // The search form's target: on a static host it shows the empty form (searching needs the server).
  paths.push('/feeds.opml', '/changes.atom', searchPath);
  for (const lang of LANGS) {
    paths.push(`/${documentFileName('changes', 'atom', lang)}`, `/${documentFileName('feeds', 'opml', lang)}`);
    for (const format of FEED_FORMATS) paths.push(`/${documentFileName('feeds', 'opml', lang, {}, format)}`);
    for (const region of HOLIDAY_REGIONS) paths.push(holidayCalendarPath(region, lang));
    paths.push(homePath(lang), imprintPath(lang), privacyPath(lang), membersPagePath(lang), agendaPagePath(lang), embedPagePath(lang));
    for (const slug of content.citySlugs) paths.push(cityPagePath(slug, lang), agendaPagePath(lang, slug), embedPagePath(lang, slug));
    for (const [slug, months] of Object.entries(content.months ?? {}))
      for (const month of months) paths.push(monthPagePath(month, lang, slug || undefined));
    for (const { id, inCalendar } of content.events) {
      paths.push(eventPagePath(id, lang));
      if (inCalendar) paths.push(eventCalendarPath(id, lang));
    }
  }
  return paths;
}

/** Content types by file extension, for `_headers` (Cloudflare Workers Static Assets and Pages). */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  ics: 'text/calendar; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
  opml: 'text/x-opml; charset=utf-8',
};

/** The `_headers` file: each kind of file with its content type; calendars and feeds as the app caches them. */
export function headersFile(): string {
  return `${Object.entries(CONTENT_TYPES)
    .map(([ext, type]) => `/*.${ext}\n  Content-Type: ${type}\n  Cache-Control: public, max-age=${ext === 'html' ? 60 : 300}\n`)
    .join('\n')}\n${searchPath}\n  Content-Type: ${CONTENT_TYPES.html}\n  Cache-Control: public, max-age=60\n`;
}

/** Writes the paths' bodies under `outDir` (emptied first, keeping README.md), `index.html` and `_headers`; returns the paths. */
export async function exportStatic(fetchPath: PathFetch, content: SiteContent, outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  for (const entry of readdirSync(outDir)) if (entry !== 'README.md') rmSync(join(outDir, entry), { recursive: true, force: true });
  const paths = exportPaths(content);
  const write = (path: string, body: Uint8Array | string) => {
    const file = join(outDir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, body);
  };
  for (const path of paths) {
    const res = await fetchPath(path);
    if (res.status !== 200) throw new Error(`export: ${path} answered ${res.status}`);
    write(path, new Uint8Array(await res.arrayBuffer()));
  }
  // The site's root: the German home page (static hosts serve index.html for "/").
  write('/index.html', new Uint8Array(await (await fetchPath(homePath('de'))).arrayBuffer()));
  write('/_headers', headersFile());
  return paths;
}

if (isEntryPoint(import.meta.url)) {
  const port = process.env.PORT || '8787';
  const config = parseConfig({ ...process.env, PUBLIC_URL: process.env.PUBLIC_URL || `http://127.0.0.1:${port}` });
  const path = resolve(process.env.DATABASE_PATH || 'data/isa-calendar.sqlite');
  mkdirSync(dirname(path), { recursive: true });
  const store = openSqliteStore(path);
  await applySeedSet(store, SEED_SET, new Date().toISOString());
  // One instant for the whole export, so every file belongs to the same day.
  const now = Date.now();
  const app = createApp(() => ({ store, clock: () => now, config }));
  const outDir = resolve(process.env.EXPORT_DIR || 'feeds');
  const t0 = performance.now();
  const today = new Date(now).toISOString().slice(0, 10);
  const paths = await exportStatic((p) => Promise.resolve(app.request(p)), await siteContent(store, today), outDir);
  console.log(`exported ${paths.length} files to ${outDir} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await store.close();
}
