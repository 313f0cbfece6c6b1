/**
 * @module routes/feeds
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1: `GET /feed.{rss,atom,json}` and `GET /cities/{city}/feed.{…}` (with
 * `?kind=` and `?lang=`, or the file-style names of document-names.ts), and `GET /feeds.opml` listing them
 * all. HEAD and conditional GET come with them.
 */

import { Hono } from 'hono';
import { calendarName } from '../../core/events/names.js';
import { renderOpml } from '../../core/feeds/opml.js';
import { FEED_CONTENT_TYPES, FEED_FORMATS, type FeedFormat } from '../../core/feeds/render-feed.js';
import { listCities } from '../../storage/cities-repository.js';
import { encodeUtf8 } from '../bytes.js';
import { documentFileName, documentFilePattern } from '../document-names.js';
import type { AppEnv } from '../env.js';
import { feedDocument } from '../feed-documents.js';
import { keptDocument } from '../kept-documents.js';
import { documentParams, requireCity } from '../query.js';
import { readCors } from '../read-cors.js';
import { serveRendering } from '../responses.js';

// Feed readers poll; the same short shared caching as calendars.
const CACHE_CONTROL = 'public, max-age=300';
const FORMAT_NAMES: Record<FeedFormat, string> = { rss: 'RSS 2.0', atom: 'Atom 1.0', json: 'JSON Feed 1.1' };
const JSON_FEED = /\/feed(\.[a-z+-]+)*\.json$/;

export const feedsRoutes = new Hono<AppEnv>()
  // JSON Feed may be embedded by other sites (interface.md: CORS open for GET).
  .use('*', (c, next) => (JSON_FEED.test(c.req.path) ? readCors(c, next) : next()))
  .get(`/${documentFilePattern('feed')}`, async (c) => {
    const { ext, lang, kinds } = documentParams(c.req.param('file') ?? '', c.req.query());
    const format = ext as FeedFormat;
    const rendering = await feedDocument(c.get('deps'), c.get('caches'), {
      key: `/${documentFileName('feed', format, lang, kinds)}`,
      format,
      lang,
      kinds,
    });
    return serveRendering(c.req.raw, rendering, { contentType: FEED_CONTENT_TYPES[format], cacheControl: CACHE_CONTROL });
  })
  .get(`/cities/:city/${documentFilePattern('feed')}`, async (c) => {
    const { ext, lang, kinds } = documentParams(c.req.param('file') ?? '', c.req.query());
    const format = ext as FeedFormat;
    // Any spelling of the city is one document: it is keyed by the city it names.
    const city = await requireCity(c.get('deps'), c.get('caches'), c.req.param('city'), 'city');
    const rendering = await feedDocument(c.get('deps'), c.get('caches'), {
      key: `/cities/${city.city.slug}/${documentFileName('feed', format, lang, kinds)}`,
      format,
      lang,
      kinds,
      city,
    });
    return serveRendering(c.req.raw, rendering, { contentType: FEED_CONTENT_TYPES[format], cacheControl: CACHE_CONTROL });
  })
  .get(`/${documentFilePattern('feeds')}`, async (c) => {
    const { lang } = documentParams(c.req.param('file') ?? '', c.req.query());
    const deps = c.get('deps');
    const rendering = await keptDocument(deps, c.get('caches'), {
      key: `/${documentFileName('feeds', 'opml', lang)}`,
      build: async ({ changedAt }) => {
        const { publicUrl } = deps.config;
        const cities = await listCities(deps.store.db);
        const listings = [
          { title: calendarName(lang, null, undefined), base: publicUrl, page: `${publicUrl}/?lang=${lang}` },
          ...cities.map((city) => ({
            title: calendarName(lang, city.name[lang], undefined),
            base: `${publicUrl}/cities/${city.slug}`,
            page: `${publicUrl}/cities/${city.slug}?lang=${lang}`,
          })),
        ];
        const groups = FEED_FORMATS.map((format) => ({
          title: FORMAT_NAMES[format],
          feeds: listings.map((l) => ({
            title: l.title,
            xmlUrl: `${l.base}/${documentFileName('feed', format, lang)}`,
            htmlUrl: l.page,
            language: lang,
          })),
        }));
        const opml = renderOpml(`${calendarName(lang, null, undefined)} (${lang})`, changedAt, groups);
        return { body: encodeUtf8(opml), lastModified: Date.parse(changedAt) };
      },
    });
    return serveRendering(c.req.raw, rendering, { contentType: 'text/x-opml; charset=utf-8', cacheControl: CACHE_CONTROL });
  });
