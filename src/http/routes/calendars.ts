/**
 * @module routes/calendars
 * iCalendar subscriptions and downloads: `GET /calendar.ics`, `GET /cities/{city}/calendar.ics` (with `?kind=`,
 * `?audience=`, `?related=` and `?lang=`, or the file-style names) and `GET /events/{id}.ics`. HEAD and
 * conditional GET come with them; the documents come from the pipeline (src/documents/).
 */
import { Hono } from 'hono';
import { isCalendarPrecision } from '../../core/calendar/render-ics.js';
import { documentFileName, documentFilePattern } from '../../core/document-names.js';
import { calendarName } from '../../core/events/names.js';
import { isLang } from '../../core/model.js';
import { eventCalendarPath } from '../../core/site-paths.js';
import { calendarSpec, eventCalendarSpec, NotRenderable } from '../../documents/calendar-document.js';
import { getEvent } from '../../storage/events-repository.js';
import { contentDisposition } from '../content-disposition.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { missingEvent } from '../missing-event.js';
import { documentParams, langOf, requireCity } from '../query.js';
import { langQuery } from '../query-schemas.js';
import { serveSpec } from '../serve-documents.js';
import { parseInput } from '../validate.js';

export const calendarsRoutes = new Hono<AppEnv>()
  .get(`/${documentFilePattern('calendar')}`, (c) => {
    const { lang, selection } = documentParams(c.req.param('file') ?? '', c.req.query());
    return serveSpec(
      c,
      calendarSpec(c.get('deps'), c.get('cache'), {
        key: `/${documentFileName('calendar', 'ics', lang, selection)}`,
        lang,
        selection,
        name: calendarName(lang, null, selection),
        disposition: contentDisposition('inline', 'isa.ics'),
      }),
    );
  })
  .get(`/cities/:city/${documentFilePattern('calendar')}`, async (c) => {
    const { lang, selection } = documentParams(c.req.param('file') ?? '', c.req.query());
    // Any spelling of the city is one document: it is keyed by the city it names.
    const city = await requireCity(c.get('deps'), c.get('cache'), c.req.param('city'), 'city');
    return serveSpec(
      c,
      calendarSpec(c.get('deps'), c.get('cache'), {
        key: `/cities/${city.slug}/${documentFileName('calendar', 'ics', lang, selection)}`,
        lang,
        selection,
        city,
        name: calendarName(lang, city.name[lang], selection),
        disposition: contentDisposition('inline', `isa-${city.slug}.ics`),
      }),
    );
  })
  .get('/events/:file{[^/]+\\.ics}', async (c) => {
    // `/events/{id}.ics?lang=en`, or the static path `/events/{id}.en.ics`.
    const [, id = '', named] = /^(.*?)(?:\.(de|en|zh))?\.ics$/.exec(c.req.param('file')) ?? [];
    const asked = parseInput(langQuery, c.req.query(), 'query').lang;
    const lang = named && isLang(named) ? named : langOf(asked);
    const deps = c.get('deps');
    const event = await getEvent(deps.store.db, id);
    if (!event) return missingEvent(deps.store.db, id);
    if (!isCalendarPrecision(event)) {
      throw new ApiError(
        'not_found',
        `event "${id}" is known only to the ${event.precision}, or its start is unknown: it has no calendar entry`,
        'id',
      );
    }
    const spec = eventCalendarSpec(
      deps,
      c.get('cache'),
      { key: `${eventCalendarPath(id, lang)}|r${event.revision}`, lang, disposition: contentDisposition('attachment', `${id}.ics`) },
      event,
    );
    try {
      return await serveSpec(c, spec);
    } catch (error) {
      if (error instanceof NotRenderable) throw new ApiError('not_found', error.message, 'id');
      throw error;
    }
  });
