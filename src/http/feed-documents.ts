/**
 * @module feed-documents
 * Builds feed documents: upcoming events (soonest first), then recent past ones (latest first), cut at the
 * start of the UTC day so that a document is the same all day and its key needs only the day.
 */

import { calendarName } from '../core/events/names.js';
import { buildFeed } from '../core/feeds/build-feed.js';
import { type FeedFormat, renderFeed } from '../core/feeds/render-feed.js';
import type { City, Lang, Selection } from '../core/model.js';
import { cityPagePath, homePath } from '../core/site-paths.js';
import { listEvents, listRecentEvents } from '../storage/events-repository.js';
import { encodeUtf8 } from './bytes.js';
import { documentFileName } from './document-names.js';
import type { AppDeps } from './env.js';
import { keptDocument } from './kept-documents.js';
import { reportLeftOut } from './left-out.js';
import { referenceData } from './reference-data.js';
import type { Rendering, RenderingCaches } from './rendering-cache.js';

/** Items per feed: enough for a year of alliance events, small enough for any reader. */
export const FEED_LIMIT = 100;

export interface FeedRequest {
  readonly key: string;
  readonly format: FeedFormat;
  readonly lang: Lang;
  readonly selection: Selection;
  /** The city whose listing it is (resolved before: the key names it). */
  readonly city?: City | undefined;
}

/** The feed for a request, kept under its data version and day. */
export function feedDocument(deps: AppDeps, caches: RenderingCaches, request: FeedRequest): Promise<Rendering> {
  return keptDocument(deps, caches, {
    key: request.key,
    build: async ({ changedAt, day }) => {
      const { store, config } = deps;
      const { city, selection } = request;
      const scope = { ...selection, ...(city && { city }) };
      const upcoming = (await listEvents(store.db, { ...scope, from: day, limit: FEED_LIMIT })).items;
      const past = upcoming.length < FEED_LIMIT ? await listRecentEvents(store.db, scope, day, FEED_LIMIT - upcoming.length) : [];
      const base = `${config.publicUrl}${city ? `/cities/${city.slug}` : ''}`;
      const self = (format: FeedFormat) => `${base}/${documentFileName('feed', format, request.lang, selection)}`;
      const feed = buildFeed([...upcoming, ...past], {
        lang: request.lang,
        title: calendarName(request.lang, city?.name[request.lang] ?? null, selection),
        uidDomain: config.uidDomain,
        publicUrl: config.publicUrl,
        pageUrl: `${config.publicUrl}${city ? cityPagePath(city.slug, request.lang) : homePath(request.lang)}`,
        // File-style URLs: the same on this server and on a static host (npm run export).
        feedLinks: { rss: self('rss'), atom: self('atom'), json: self('json') },
        emptyUpdated: changedAt,
        sources: (await referenceData(deps, caches)).sources,
        onLeftOut: (id, error) => reportLeftOut(`feed ${request.key}`, id, error),
        feedKey: request.key,
      });
      // Which events are upcoming changes with the day, so the day counts as a change.
      return { body: encodeUtf8(renderFeed(feed, request.format, request.lang)), lastModified: Math.max(Date.parse(changedAt), day) };
    },
  });
}
