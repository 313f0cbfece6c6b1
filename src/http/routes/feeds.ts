/**
 * @module routes/feeds
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1: `GET /feed.{rss,atom,json}` and `GET /cities/{city}/feed.{…}` (with
 * `?kind=` and `?lang=`), and `GET /feeds.opml` listing them all. HEAD and conditional GET come with them.
 */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import * as z from 'zod/mini';
import { calendarName } from '../../core/events/labels.js';
import { FEED_CONTENT_TYPES, FEED_FORMATS, type FeedFormat } from '../../core/feeds/render-feed.js';
import { renderOpml } from '../../core/feeds/opml.js';
import { listCities } from '../../storage/cities-repository.js';
import type { AppEnv } from '../env.js';
import { feedDocument } from '../feed-documents.js';
import { keptDocument } from '../kept-documents.js';
import { canonicalQuery, collectionParams, langOf, langParam, requireCity } from '../query.js';
import { serveRendering } from '../responses.js';
import { parseInput } from '../validate.js';

// Feed readers poll; the same short shared caching as calendars.
const CACHE_CONTROL = 'public, max-age=300';
const FORMAT_NAMES: Record<FeedFormat, string> = { rss: 'RSS 2.0', atom: 'Atom 1.0', json: 'JSON Feed 1.1' };
const FEED_FILE = ':file{feed\\.(?:rss|atom|json)}';

function formatOf(file: string): FeedFormat {
  return file.slice('feed.'.length) as FeedFormat;
}

export const feedsRoutes = new Hono<AppEnv>()
  // JSON Feed may be embedded by other sites (interface.md: CORS open for GET).
  .use('/feed.json', cors({ origin: '*', allowMethods: ['GET', 'HEAD'], exposeHeaders: ['ETag'] }))
  .use('/cities/:city/feed.json', cors({ origin: '*', allowMethods: ['GET', 'HEAD'], exposeHeaders: ['ETag'] }))
  .get(`/${FEED_FILE}`, async (c) => {
    const format = formatOf(c.req.param('file'));
    const { lang, kinds } = collectionParams(c.req.query());
    const rendering = await feedDocument(c.get('deps'), c.get('caches'), { key: `/feed.${format}${canonicalQuery(lang, kinds)}`, format, lang, kinds });
    return serveRendering(c.req.raw, rendering, { contentType: FEED_CONTENT_TYPES[format], cacheControl: CACHE_CONTROL });
  })
  .get(`/cities/:city/${FEED_FILE}`, async (c) => {
    const format = formatOf(c.req.param('file'));
    const { lang, kinds } = collectionParams(c.req.query());
    const name = c.req.param('city');
    const { store } = c.get('deps');
    const rendering = await feedDocument(c.get('deps'), c.get('caches'), {
      key: `/cities/${name.normalize('NFC').toLowerCase()}/feed.${format}${canonicalQuery(lang, kinds)}`,
      format,
      lang,
      kinds,
      city: () => requireCity(store, name, 'city'),
    });
    return serveRendering(c.req.raw, rendering, { contentType: FEED_CONTENT_TYPES[format], cacheControl: CACHE_CONTROL });
  })
  .get('/feeds.opml', async (c) => {
    const lang = langOf(parseInput(z.object({ lang: langParam }), c.req.query(), 'query').lang);
    const deps = c.get('deps');
    const rendering = await keptDocument(deps, c.get('caches'), {
      key: `/feeds.opml?${lang}`,
      renderer: 'opml-1',
      build: async ({ changedAt }) => {
        const { publicUrl } = deps.config;
        const cities = await listCities(deps.store.db);
        const listings = [
          { title: calendarName(lang, null, undefined), base: publicUrl, page: `${publicUrl}/?lang=${lang}` },
          ...cities.map((city) => ({ title: calendarName(lang, city.name[lang], undefined), base: `${publicUrl}/cities/${city.slug}`, page: `${publicUrl}/cities/${city.slug}?lang=${lang}` })),
        ];
        const groups = FEED_FORMATS.map((format) => ({
          title: FORMAT_NAMES[format],
          feeds: listings.map((l) => ({ title: l.title, xmlUrl: `${l.base}/feed.${format}?lang=${lang}`, htmlUrl: l.page, language: lang })),
        }));
        const opml = renderOpml(`${calendarName(lang, null, undefined)} (${lang})`, changedAt, groups);
        return { body: new TextEncoder().encode(opml), lastModified: Date.parse(changedAt) };
      },
    });
    return serveRendering(c.req.raw, rendering, { contentType: 'text/x-opml; charset=utf-8', cacheControl: CACHE_CONTROL });
  });
