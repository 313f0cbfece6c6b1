/**
 * @module routes/changes
 * What was created, moved, changed, cancelled or reinstated: `GET /api/v1/changes?since=` (oldest first,
 * paged) and `GET /changes.atom` (the latest 100, newest first), with the times before and after on both sides.
 */

import { Hono } from 'hono';
import { encodeUtf8 } from '../../core/bytes.js';
import { documentFileName, documentFilePattern } from '../../core/document-names.js';
import { type EventJsonOptions, eventJson, timeJson } from '../../core/events/event-json.js';
import { buildChangesFeed, changeKind } from '../../core/feeds/changes-feed.js';
import { FEED_CONTENT_TYPES, renderFeed } from '../../core/feeds/render-feed.js';
import { words } from '../../core/i18n/catalogue.js';
import type { EventRecord } from '../../core/model.js';
import { parseBoundary } from '../../core/time/boundary.js';
import { describeEventTime } from '../../core/time/event-time-text.js';
import { renderEach, reportLeftOut } from '../../documents/left-out.js';
import { referenceData } from '../../documents/reference-data.js';
import { listChanges, listRecentChanges } from '../../storage/history-repository.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { documentParams, langOf } from '../query.js';
import { changesQuery } from '../query-schemas.js';
import { jsonResponse } from '../responses.js';
import { serveSpec } from '../serve-documents.js';
import { parseInput } from '../validate.js';

function sideJson(event: EventRecord, options: EventJsonOptions) {
  const { lang } = options;
  return {
    status: event.status,
    timeZone: event.timeZone,
    precision: event.precision,
    start: timeJson(event.start, event.timeZone, options),
    end: timeJson(event.end, event.timeZone, options),
    text: describeEventTime(event, lang),
  };
}

export const changesRoutes = new Hono<AppEnv>()
  .get('/api/v1/changes', async (c) => {
    const { store, config } = c.get('deps');
    const q = parseInput(changesQuery, c.req.query(), 'query');
    const lang = langOf(q.lang);
    const since = q.since === undefined ? 0 : parseBoundary(q.since, 'UTC', 'from');
    if (since === null) throw new ApiError('invalid_time', 'since must be an RFC 3339 instant or a date (2018-10-24)', 'query.since');
    const limit = q.limit === undefined ? 100 : Number(q.limit);
    if (limit < 1 || limit > 500) throw new ApiError('invalid_input', 'limit is a whole number from 1 to 500', 'query.limit');
    // Instants are stored as ISO text at millisecond precision; one before `since` keeps `since` itself.
    const changes = await listChanges(store.db, new Date(since - 1).toISOString(), limit, q.cursor === undefined ? 0 : Number(q.cursor));
    const { sources, citiesBySlug } = await referenceData(c.get('deps'), c.get('cache'));
    const options = { lang, uidDomain: config.uidDomain, sources, cities: citiesBySlug };
    const items = renderEach(
      'changes',
      changes,
      (change) => `change ${change.seq}`,
      (change) =>
        change.action === 'purged'
          ? { seq: change.seq, id: change.eventId, revision: change.revision, action: 'deleted' as const, at: change.at }
          : {
              seq: change.seq,
              id: change.eventId,
              revision: change.revision,
              action: changeKind(change),
              at: change.at,
              event: eventJson(change.after, options),
              before: change.before && sideJson(change.before, options),
              after: sideJson(change.after, options),
            },
    );
    return jsonResponse({ items, next: changes.length === limit ? String(changes.at(-1)?.seq) : null });
  })
  .get(`/${documentFilePattern('changes')}`, async (c) => {
    const deps = c.get('deps');
    const { lang } = documentParams(c.req.param('file') ?? '', c.req.query());
    return serveSpec(c, {
      key: `/${documentFileName('changes', 'atom', lang)}`,
      meta: { contentType: FEED_CONTENT_TYPES.atom, cacheControl: 'public, max-age=300' },
      build: async ({ changedAt }) => {
        const { publicUrl, uidDomain } = deps.config;
        const changes = await listRecentChanges(deps.store.db, 100);
        const feed = buildChangesFeed(changes, {
          lang,
          title: words(lang).site.changesTitle,
          uidDomain,
          publicUrl,
          selfUrl: `${publicUrl}/${documentFileName('changes', 'atom', lang)}`,
          emptyUpdated: changedAt,
          onLeftOut: (seq, error) => reportLeftOut('changes feed', `change ${seq}`, error),
        });
        return { body: encodeUtf8(renderFeed(feed, 'atom', lang)), lastModified: Date.parse(changedAt) };
      },
    });
  });
