/**
 * @module routes/feeds
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1: `GET /feed.{rss,atom,json}` and `GET /cities/{city}/feed.{…}` (with
 * `?kind=` and `?lang=`, or the file-style names of document-names.ts), and `GET /feeds.opml` listing them
 * all in one format (RSS by default; `feeds.atom.en.opml`, `feeds.json.zh.opml`). HEAD and conditional GET
 * come with them.
 */

import { Hono } from 'hono';
import { cityGroups } from '../../core/cities/membership.js';
import { calendarName } from '../../core/events/names.js';
import { renderOpml } from '../../core/feeds/opml.js';
import { FEED_CONTENT_TYPES, type FeedFormat } from '../../core/feeds/render-feed.js';
import { words } from '../../core/i18n/catalogue.js';
import { cityPagePath, homePath } from '../../core/site-paths.js';
import { encodeUtf8 } from '../bytes.js';
import { documentFileName, documentFilePattern } from '../document-names.js';
import type { AppEnv } from '../env.js';
import { feedDocument } from '../feed-documents.js';
import { keptDocument } from '../kept-documents.js';
import { documentParams, requireCity } from '../query.js';
import { readCors } from '../read-cors.js';
import { referenceData } from '../reference-data.js';
import { serveRendering } from '../responses.js';

// Feed readers poll; the same short shared caching as calendars.
const CACHE_CONTROL = 'public, max-age=300';
const FORMAT_NAMES: Record<FeedFormat, string> = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' };
const JSON_FEED = /\/feed(\.[a-z+-]+)*\.json$/;

export const feedsRoutes = new Hono<AppEnv>()
  // JSON Feed may be embedded by other sites (interface.md: CORS open for GET).
  .use('*', (c, next) => (JSON_FEED.test(c.req.path) ? readCors(c, next) : next()))
  .get(`/${documentFilePattern('feed')}`, async (c) => {
    const { ext, lang, selection } = documentParams(c.req.param('file') ?? '', c.req.query());
    const format = ext as FeedFormat;
    const rendering = await feedDocument(c.get('deps'), c.get('caches'), {
      key: `/${documentFileName('feed', format, lang, selection)}`,
      format,
      lang,
      selection,
    });
    return serveRendering(c.req.raw, rendering, { contentType: FEED_CONTENT_TYPES[format], cacheControl: CACHE_CONTROL });
  })
  .get(`/cities/:city/${documentFilePattern('feed')}`, async (c) => {
    const { ext, lang, selection } = documentParams(c.req.param('file') ?? '', c.req.query());
    const format = ext as FeedFormat;
    // Any spelling of the city is one document: it is keyed by the city it names.
    const city = await requireCity(c.get('deps'), c.get('caches'), c.req.param('city'), 'city');
    const rendering = await feedDocument(c.get('deps'), c.get('caches'), {
      key: `/cities/${city.slug}/${documentFileName('feed', format, lang, selection)}`,
      format,
      lang,
      selection,
      city,
    });
    return serveRendering(c.req.raw, rendering, { contentType: FEED_CONTENT_TYPES[format], cacheControl: CACHE_CONTROL });
  })
  .get(`/${documentFilePattern('feeds')}`, async (c) => {
    const { lang, format = 'rss' } = documentParams(c.req.param('file') ?? '', c.req.query());
    const deps = c.get('deps');
    const rendering = await keptDocument(deps, c.get('caches'), {
      key: `/${documentFileName('feeds', 'opml', lang, {}, format)}`,
      build: async ({ changedAt }) => {
        const { publicUrl } = deps.config;
        const { cities } = await referenceData(deps, c.get('caches'));
        const w = words(lang);
        // One format per list (RSS and Atom readers cannot read JSON Feed); titles name the city, format and language.
        const entry = (placeName: string | null, base: string, page: string) => ({
          title: `${calendarName(lang, placeName)} (${FORMAT_NAMES[format]}, ${w.site.languageName})`,
          xmlUrl: `${publicUrl}${base}/${documentFileName('feed', format, lang)}`,
          htmlUrl: `${publicUrl}${page}`,
          language: lang,
        });
        const cityEntries = (list: typeof cities) =>
          list.map((city) => entry(city.name[lang], `/cities/${city.slug}`, cityPagePath(city.slug, lang)));
        const groups = [
          { title: w.site.allEvents, feeds: [entry(null, '', homePath(lang))] },
          ...cityGroups(cities, lang).map((group) => ({ title: group.title, feeds: cityEntries(group.cities) })),
        ];
        const opml = renderOpml(`${calendarName(lang, null)} (${FORMAT_NAMES[format]}, ${w.site.languageName})`, changedAt, groups);
        return { body: encodeUtf8(opml), lastModified: Date.parse(changedAt) };
      },
    });
    return serveRendering(c.req.raw, rendering, { contentType: 'text/x-opml; charset=utf-8', cacheControl: CACHE_CONTROL });
  });
