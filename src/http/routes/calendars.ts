/**
 * @module routes/calendars
 * iCalendar subscriptions and downloads: `GET /calendar.ics`, `GET /cities/{city}/calendar.ics` (with
 * `?kind=` and `?lang=`) and `GET /events/{id}.ics`. HEAD and conditional GET come with them.
 */
import { Hono } from 'hono';
import { isCalendarPrecision } from '../../core/calendar/render-ics.js';
import { calendarName } from '../../core/events/names.js';
import { isLang } from '../../core/model.js';
import { eventCalendarPath } from '../../core/site-paths.js';
import { getEvent } from '../../storage/events-repository.js';
import { calendarBytes, calendarDocument, fragmentOptions, fragmentsFor } from '../calendar-documents.js';
import { contentDisposition } from '../content-disposition.js';
import { documentFileName, documentFilePattern } from '../document-names.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { keptDocument } from '../kept-documents.js';
import { documentParams, langOf, requireCity } from '../query.js';
import { langQuery } from '../query-schemas.js';
import { serveRendering } from '../responses.js';
import { parseInput } from '../validate.js';

const CONTENT_TYPE = 'text/calendar; charset=utf-8';
// Subscribers poll; five minutes of shared caching keeps a burst of pollers to one rendering check.
const CACHE_CONTROL = 'public, max-age=300';

export const calendarsRoutes = new Hono<AppEnv>()
  .get(`/${documentFilePattern('calendar')}`, async (c) => {
    const { lang, selection } = documentParams(c.req.param('file') ?? '', c.req.query());
    const rendering = await calendarDocument(c.get('deps'), c.get('caches'), {
      key: `/${documentFileName('calendar', 'ics', lang, selection)}`,
      lang,
      selection,
      name: calendarName(lang, null, selection),
    });
    return serveRendering(c.req.raw, rendering, {
      contentType: CONTENT_TYPE,
      cacheControl: CACHE_CONTROL,
      disposition: () => contentDisposition('inline', 'isa.ics'),
    });
  })
  .get(`/cities/:city/${documentFilePattern('calendar')}`, async (c) => {
    const { lang, selection } = documentParams(c.req.param('file') ?? '', c.req.query());
    // Any spelling of the city is one document: it is keyed by the city it names.
    const city = await requireCity(c.get('deps'), c.get('caches'), c.req.param('city'), 'city');
    const { slug } = city;
    const rendering = await calendarDocument(c.get('deps'), c.get('caches'), {
      key: `/cities/${slug}/${documentFileName('calendar', 'ics', lang, selection)}`,
      lang,
      selection,
      city,
      name: calendarName(lang, city.name[lang], selection),
    });
    return serveRendering(c.req.raw, rendering, {
      contentType: CONTENT_TYPE,
      cacheControl: CACHE_CONTROL,
      disposition: () => contentDisposition('inline', `isa-${slug}.ics`),
    });
  })
  .get('/events/:file{[^/]+\\.ics}', async (c) => {
    // `/events/{id}.ics?lang=en`, or the static path `/events/{id}.en.ics`.
    const [, id = '', named] = /^(.*?)(?:\.(de|en|zh))?\.ics$/.exec(c.req.param('file')) ?? [];
    const asked = parseInput(langQuery, c.req.query(), 'query').lang;
    const lang = named && isLang(named) ? named : langOf(asked);
    const deps = c.get('deps');
    const event = await getEvent(deps.store.db, id);
    if (!event) throw new ApiError('not_found', `no event with id "${id}"`, 'id');
    if (!isCalendarPrecision(event)) {
      throw new ApiError(
        'not_found',
        `event "${id}" is known only to the ${event.precision}, or its start is unknown: it has no calendar entry`,
        'id',
      );
    }
    const options = await fragmentOptions(deps, c.get('caches'), lang);
    const fragment = fragmentsFor(c.get('caches'), [event], options).get(event.id);
    if (!fragment || fragment.bytes.byteLength === 0)
      throw new ApiError('not_found', `event "${id}" cannot be shown as a calendar entry`, 'id');
    // A download carries no calendar name: Outlook would otherwise open it as a new calendar.
    const rendering = await keptDocument(deps, c.get('caches'), {
      key: `${eventCalendarPath(id, lang)}|r${event.revision}`,
      build: async () => ({ body: calendarBytes({ name: null, lang }, [fragment]), lastModified: Date.parse(event.updated) }),
    });
    return serveRendering(c.req.raw, rendering, {
      contentType: CONTENT_TYPE,
      cacheControl: CACHE_CONTROL,
      disposition: () => contentDisposition('attachment', `${id}.ics`),
    });
  });
