/**
 * @module routes/calendars
 * iCalendar subscriptions and downloads: `GET /calendar.ics`, `GET /cities/{city}/calendar.ics` (with
 * `?kind=` and `?lang=`) and `GET /events/{id}.ics`. HEAD and conditional GET come with them.
 */
import { Hono } from 'hono';
import { isCalendarPrecision } from '../../core/calendar/render-ics.js';
import { revisionEtag } from '../../core/events/identity.js';
import { calendarName } from '../../core/events/names.js';
import { getEvent } from '../../storage/events-repository.js';
import { calendarBytes, calendarDocument, fragmentsFor } from '../calendar-documents.js';
import { documentFileName, documentFilePattern } from '../document-names.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { cityKeyPart, documentParams, langOf, requireCity } from '../query.js';
import { langQuery } from '../query-schemas.js';
import { referenceData } from '../reference-data.js';
import { serveRendering } from '../responses.js';
import { parseInput } from '../validate.js';

const CONTENT_TYPE = 'text/calendar; charset=utf-8';
// Subscribers poll; five minutes of shared caching keeps a burst of pollers to one rendering check.
const CACHE_CONTROL = 'public, max-age=300';

/** `inline; filename=…` with an ASCII name and the UTF-8 one (RFC 6266 §4.3). */
function disposition(type: 'inline' | 'attachment', name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[^\x20-\x7E]/g, '')
    .replace(/["\\]/g, '');
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export const calendarsRoutes = new Hono<AppEnv>()
  .get(`/${documentFilePattern('calendar')}`, async (c) => {
    const { lang, kinds } = documentParams(c.req.param('file') ?? '', c.req.query());
    const rendering = await calendarDocument(c.get('deps'), c.get('caches'), {
      key: `/${documentFileName('calendar', 'ics', lang, kinds)}`,
      lang,
      kinds,
      name: () => calendarName(lang, null, kinds),
    });
    return serveRendering(c.req.raw, rendering, {
      contentType: CONTENT_TYPE,
      cacheControl: CACHE_CONTROL,
      disposition: () => disposition('inline', 'isa.ics'),
    });
  })
  .get(`/cities/:city/${documentFilePattern('calendar')}`, async (c) => {
    const { lang, kinds } = documentParams(c.req.param('file') ?? '', c.req.query());
    const name = c.req.param('city');
    const { store } = c.get('deps');
    const rendering = await calendarDocument(c.get('deps'), c.get('caches'), {
      // Any spelling of the city is the same document once resolved; unresolved names are keyed as given.
      key: `/cities/${cityKeyPart(name)}/${documentFileName('calendar', 'ics', lang, kinds)}`,
      lang,
      kinds,
      city: () => requireCity(store, name, 'city'),
      name: (city) => calendarName(lang, city?.city.name[lang] ?? name, kinds),
    });
    return serveRendering(c.req.raw, rendering, {
      contentType: CONTENT_TYPE,
      cacheControl: CACHE_CONTROL,
      disposition: () => disposition('inline', `isa-${name}.ics`),
    });
  })
  .get('/events/:file{[^/]+\\.ics}', async (c) => {
    const id = c.req.param('file').replace(/\.ics$/, '');
    const lang = langOf(parseInput(langQuery, c.req.query(), 'query').lang);
    const { store, config } = c.get('deps');
    const event = await getEvent(store.db, id);
    if (!event) throw new ApiError('not_found', `no event with id "${id}"`, 'id');
    if (!isCalendarPrecision(event)) {
      throw new ApiError(
        'not_found',
        `event "${id}" is known only to the ${event.precision}, or its start is unknown: it has no calendar entry`,
        'id',
      );
    }
    const reference = await referenceData(c.get('deps'), c.get('caches'));
    const fragments = fragmentsFor(c.get('caches'), [event], {
      lang,
      uidDomain: config.uidDomain,
      publicUrl: config.publicUrl,
      sources: reference.sources,
      referenceKey: reference.key,
    });
    // A download carries no calendar name: Outlook would otherwise open it as a new calendar.
    const body = calendarBytes({ name: null, lang }, fragments);
    return serveRendering(
      c.req.raw,
      { body, etag: revisionEtag(event.revision), lastModified: event.updated },
      { contentType: CONTENT_TYPE, cacheControl: CACHE_CONTROL, disposition: () => disposition('attachment', `${id}.ics`) },
    );
  });
