/**
 * @module feed-document
 * Feeds (RSS 2.0, Atom 1.0, JSON Feed 1.1): upcoming events (soonest first), then the recent past (latest
 * first), cut at the start of the UTC day so that a document is the same all day and its stamp needs only the day.
 */
import { encodeUtf8 } from '../core/bytes.js';
import { documentFileName } from '../core/document-names.js';
import { calendarName } from '../core/events/names.js';
import { buildFeed } from '../core/feeds/build-feed.js';
import { FEED_CONTENT_TYPES, type FeedFormat, renderFeed } from '../core/feeds/render-feed.js';
import type { City, Lang, Selection } from '../core/model.js';
import { cityPagePath, homePath } from '../core/site-paths.js';
import { listEvents, listRecentEvents } from '../storage/events-repository.js';
import type { DocumentDeps } from './deps.js';
import type { DocumentCache } from './document-cache.js';
import { reportLeftOut } from './left-out.js';
import type { DocumentSpec } from './pipeline.js';
import { referenceData } from './reference-data.js';

/** Items per feed: enough for a year of alliance events, small enough for any reader. */
export const FEED_LIMIT = 100;

// Feed readers poll; the same short shared caching as calendars.
const CACHE_CONTROL = 'public, max-age=300';

export interface FeedRequest {
  readonly key: string;
  readonly format: FeedFormat;
  readonly lang: Lang;
  readonly selection: Selection;
  /** The city whose listing it is (resolved before: the key names it). */
  readonly city?: City | undefined;
}

/** The document spec of a feed. JSON Feed may be embedded by other sites: its answers are open to them (CORS). */
export function feedSpec(deps: DocumentDeps, cache: DocumentCache, request: FeedRequest): DocumentSpec {
  return {
    key: request.key,
    meta: {
      contentType: FEED_CONTENT_TYPES[request.format],
      cacheControl: CACHE_CONTROL,
      ...(request.format === 'json' && {
        headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'ETag,Location,Last-Modified' },
      }),
    },
    build: async ({ changedAt, day }) => {
      const { store, config } = deps;
      const { city, selection, lang } = request;
      const scope = { ...selection, ...(city && { city }) };
      const upcoming = (await listEvents(store.db, { ...scope, from: day, limit: FEED_LIMIT })).items;
      const past = upcoming.length < FEED_LIMIT ? await listRecentEvents(store.db, scope, day, FEED_LIMIT - upcoming.length) : [];
      const base = `${config.publicUrl}${city ? `/cities/${city.slug}` : ''}`;
      const self = (format: FeedFormat) => `${base}/${documentFileName('feed', format, lang, selection)}`;
      const reference = await referenceData(deps, cache);
      const feed = buildFeed([...upcoming, ...past], {
        lang,
        title: calendarName(lang, city?.name[lang] ?? null, selection),
        uidDomain: config.uidDomain,
        publicUrl: config.publicUrl,
        pageUrl: `${config.publicUrl}${city ? cityPagePath(city.slug, lang) : homePath(lang)}`,
        // File-style URLs: the same on this server and on a static host (npm run export).
        feedLinks: { rss: self('rss'), atom: self('atom'), json: self('json') },
        emptyUpdated: changedAt,
        sources: reference.sources,
        cities: reference.citiesBySlug,
        onLeftOut: (id, error) => reportLeftOut(`feed ${request.key}`, id, error),
        feedKey: request.key,
      });
      // Which events are upcoming changes with the day, so the day counts as a change.
      return { body: encodeUtf8(renderFeed(feed, request.format, lang)), lastModified: Math.max(Date.parse(changedAt), day) };
    },
  };
}
