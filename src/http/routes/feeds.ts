/**
 * @module routes/feeds
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1: `GET /feed.{rss,atom,json}` and `GET /cities/{city}/feed.{…}` (with
 * `?kind=` and `?lang=`, or the file-style names of document-names.ts), and `GET /feeds.opml` listing them
 * all in one format (RSS by default; `feeds.atom.en.opml`, `feeds.json.zh.opml`). HEAD and conditional GET
 * come with them; JSON Feed answers carry `Access-Control-Allow-Origin: *` (it may be embedded elsewhere).
 */

import { Hono } from 'hono';
import { encodeUtf8 } from '../../core/bytes.js';
import { cityGroups } from '../../core/cities/membership.js';
import { documentFileName, documentFilePattern } from '../../core/document-names.js';
import { calendarName } from '../../core/events/names.js';
import { renderOpml } from '../../core/feeds/opml.js';
import type { FeedFormat } from '../../core/feeds/render-feed.js';
import { words } from '../../core/i18n/catalogue.js';
import type { City } from '../../core/model.js';
import { cityPagePath, homePath } from '../../core/site-paths.js';
import { feedSpec } from '../../documents/feed-document.js';
import { referenceData } from '../../documents/reference-data.js';
import type { AppEnv } from '../env.js';
import { documentParams, requireCity } from '../query.js';
import { readCors } from '../read-cors.js';
import { serveSpec } from '../serve-documents.js';

// Feed readers poll; the same short shared caching as calendars.
const CACHE_CONTROL = 'public, max-age=300';
const FORMAT_NAMES: Record<FeedFormat, string> = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' };

const JSON_FEED = /\/feed(\.[A-Za-z+-]+)*\.json$/;

export const feedsRoutes = new Hono<AppEnv>()
  // Preflights of JSON Feed (interface.md: CORS open for GET); its answers carry the headers themselves.
  .use('*', (c, next) => (JSON_FEED.test(c.req.path) ? readCors(c, next) : next()))
  .get(`/${documentFilePattern('feed')}`, (c) => {
    const { ext, lang, selection } = documentParams(c.req.param('file') ?? '', c.req.query());
    const format = ext as FeedFormat;
    return serveSpec(
      c,
      feedSpec(c.get('deps'), c.get('cache'), { key: `/${documentFileName('feed', format, lang, selection)}`, format, lang, selection }),
    );
  })
  .get(`/cities/:city/${documentFilePattern('feed')}`, async (c) => {
    const { ext, lang, selection } = documentParams(c.req.param('file') ?? '', c.req.query());
    const format = ext as FeedFormat;
    // Any spelling of the city is one document: it is keyed by the city it names.
    const city = await requireCity(c.get('deps'), c.get('cache'), c.req.param('city'), 'city');
    return serveSpec(
      c,
      feedSpec(c.get('deps'), c.get('cache'), {
        key: `/cities/${city.slug}/${documentFileName('feed', format, lang, selection)}`,
        format,
        lang,
        selection,
        city,
      }),
    );
  })
  .get(`/${documentFilePattern('feeds')}`, (c) => {
    const { lang, format = 'rss' } = documentParams(c.req.param('file') ?? '', c.req.query());
    const deps = c.get('deps');
    return serveSpec(c, {
      key: `/${documentFileName('feeds', 'opml', lang, {}, format)}`,
      meta: { contentType: 'text/x-opml; charset=utf-8', cacheControl: CACHE_CONTROL },
      build: async ({ changedAt }) => {
        const { publicUrl } = deps.config;
        const { cities } = await referenceData(deps, c.get('cache'));
        const w = words(lang);
        // One format per list (RSS and Atom readers cannot read JSON Feed); titles name the city, format and language.
        const entry = (placeName: string | null, base: string, page: string) => ({
          title: `${calendarName(lang, placeName)} (${FORMAT_NAMES[format]}, ${w.site.languageName})`,
          xmlUrl: `${publicUrl}${base}/${documentFileName('feed', format, lang)}`,
          htmlUrl: `${publicUrl}${page}`,
          language: lang,
        });
        const cityEntries = (list: readonly City[]) =>
          list.map((city) => entry(city.name[lang], `/cities/${city.slug}`, cityPagePath(city.slug, lang)));
        const groups = [
          { title: w.site.allEvents, feeds: [entry(null, '', homePath(lang))] },
          ...cityGroups(cities, lang).map((group) => ({ title: group.title, feeds: cityEntries(group.cities) })),
        ];
        const opml = renderOpml(`${calendarName(lang, null)} (${FORMAT_NAMES[format]}, ${w.site.languageName})`, changedAt, groups);
        return { body: encodeUtf8(opml), lastModified: Date.parse(changedAt) };
      },
    });
  });
