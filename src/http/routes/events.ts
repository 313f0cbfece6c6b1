/**
 * @module routes/events
 * JSON API reads: `GET /api/v1/events` (city, kind, audience, related, window, zone, language, keyset pages) and
 * `GET /api/v1/events/{id}`.
 */
import { Hono } from 'hono';
import { eventJson } from '../../core/events/event-json.js';
import { renderEventsCsv } from '../../core/events/events-csv.js';
import { revisionEtag } from '../../core/events/identity.js';
import { parseBoundary } from '../../core/time/boundary.js';
import { renderEach } from '../../documents/left-out.js';
import { referenceData } from '../../documents/reference-data.js';
import { getEvent, listEvents } from '../../storage/events-repository.js';
import { contentDisposition } from '../content-disposition.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { missingEvent } from '../missing-event.js';
import { langOf, parseSelection, parseZone, requireCity } from '../query.js';
import { eventListQuery, eventQuery, eventsCsvQuery } from '../query-schemas.js';
import { jsonResponse, notModified } from '../responses.js';
import { parseInput } from '../validate.js';

const MAX_LIMIT = 500;
const DEFAULT_LIMIT = 50;

/** Every event in the spreadsheet, without the window of a listing: what the secretariat keeps. */
const SPREADSHEET_LIMIT = 100_000;

export const eventsRoutes = new Hono<AppEnv>()
  .get('/api/v1/events.csv', async (c) => {
    const deps = c.get('deps');
    const q = parseInput(eventsCsvQuery, c.req.query(), 'query');
    const lang = langOf(q.lang);
    const city = q.city === undefined ? undefined : await requireCity(deps, c.get('cache'), q.city, 'query.city');
    const { items } = await listEvents(deps.store.db, { ...(city && { city }), limit: SPREADSHEET_LIMIT });
    const reference = await referenceData(deps, c.get('cache'));
    const names = new Map(reference.cities.map((entry) => [entry.slug, entry.name[lang]]));
    const name = `isa-events${city ? `-${city.slug}` : ''}.${lang}.csv`;
    return c.body(
      renderEventsCsv(items, lang, (slug) => names.get(slug) ?? slug),
      200,
      {
        'Content-Type': 'text/csv; charset=utf-8; header=present',
        'Content-Disposition': contentDisposition('attachment', name),
      },
    );
  })
  .get('/api/v1/events', async (c) => {
    const { store, clock, config } = c.get('deps');
    const q = parseInput(eventListQuery, c.req.query(), 'query');
    const lang = langOf(q.lang);
    const displayZone = parseZone(q.tz, 'query.tz');
    const city = q.city === undefined ? undefined : await requireCity(c.get('deps'), c.get('cache'), q.city, 'query.city');
    // A bare date is a whole day in ?tz, else in the city's zone, else in UTC.
    const dayZone = displayZone ?? city?.timeZone ?? 'UTC';
    const bound = (value: string | undefined, side: 'from' | 'to') => {
      if (value === undefined) return undefined;
      const ms = parseBoundary(value, dayZone, side);
      if (ms === null) throw new ApiError('invalid_time', `${side} must be an RFC 3339 instant or a date (2018-10-24)`, `query.${side}`);
      return ms;
    };
    const from = bound(q.from, 'from') ?? clock();
    const to = bound(q.to, 'to');
    if (to !== undefined && to < from) throw new ApiError('invalid_input', 'to is before from', 'query.to');
    const limit = q.limit === undefined ? DEFAULT_LIMIT : Number(q.limit);
    if (limit < 1 || limit > MAX_LIMIT)
      throw new ApiError('invalid_input', `limit is a whole number from 1 to ${MAX_LIMIT}`, 'query.limit');

    const page = await listEvents(store.db, {
      ...parseSelection(q),
      ...(city && { city }),
      from,
      ...(to !== undefined && { to }),
      ...(q.cursor !== undefined && { after: decodeCursor(q.cursor) }),
      limit,
    });
    const reference = await referenceData(c.get('deps'), c.get('cache'));
    const options = {
      lang,
      uidDomain: config.uidDomain,
      displayZone,
      sources: reference.sources,
      cities: reference.citiesBySlug,
    };
    return jsonResponse({
      items: renderEach(
        'event list',
        page.items,
        (e) => e.id,
        (e) => eventJson(e, options),
      ),
      next: page.next && encodeCursor(page.next),
    });
  })
  .get('/api/v1/events/:id', async (c) => {
    const { store, config } = c.get('deps');
    const { lang, tz } = parseInput(eventQuery, c.req.query(), 'query');
    const displayZone = parseZone(tz, 'query.tz');
    const event = await getEvent(store.db, c.req.param('id'));
    if (!event) return missingEvent(store.db, c.req.param('id'));
    const headers = { ETag: revisionEtag(event.revision), 'Last-Modified': new Date(event.updated).toUTCString() };
    if (notModified(c.req.raw, headers.ETag, event.updated)) return new Response(null, { status: 304, headers });
    const { sources, citiesBySlug } = await referenceData(c.get('deps'), c.get('cache'));
    return jsonResponse(
      eventJson(event, { lang: langOf(lang), uidDomain: config.uidDomain, displayZone, sources, cities: citiesBySlug }),
      headers,
    );
  });
