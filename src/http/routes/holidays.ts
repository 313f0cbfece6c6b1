/**
 * @module routes/holidays
 * The overlay calendars of public holidays: `GET /holidays/{region}.ics` (`cn`, `de`, `de-nw` … for all 16
 * states), in a language by `?lang=` or the file-style name `/holidays/cn.zh.ics`. Built from the generated
 * tables through the document pipeline, so each is rendered once and served from memory, the database or the
 * data centre's cache like every calendar.
 */
import { Hono } from 'hono';
import { encodeUtf8 } from '../../core/bytes.js';
import { holidayCalendarName, isHolidayRegion, renderHolidayCalendar } from '../../core/calendar/holiday-calendar.js';
import { isLang } from '../../core/model.js';
import { contentDisposition } from '../content-disposition.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { langOf } from '../query.js';
import { langQuery } from '../query-schemas.js';
import { serveSpec } from '../serve-documents.js';
import { parseInput } from '../validate.js';

export const holidaysRoutes = new Hono<AppEnv>().get('/holidays/:file{[^/]+\\.ics}', (c) => {
  const [, region = '', named] = /^([a-z-]+?)(?:\.(de|en|zh))?\.ics$/.exec(c.req.param('file')) ?? [];
  if (!isHolidayRegion(region)) throw new ApiError('not_found', `no holiday calendar is named "${c.req.param('file')}"`, 'region');
  const asked = parseInput(langQuery, c.req.query(), 'query').lang;
  const lang = named && isLang(named) ? named : langOf(asked);
  const { config } = c.get('deps');
  return serveSpec(c, {
    key: `/holidays/${region}.${lang}.ics`,
    meta: {
      contentType: 'text/calendar; charset=utf-8',
      // The tables change only with a release: a day of shared caching.
      cacheControl: 'public, max-age=86400',
      disposition: contentDisposition('inline', `holidays-${region}.ics`),
    },
    build: async (state) => {
      const rendered = renderHolidayCalendar(region, lang, config.uidDomain);
      if (!rendered.ok) throw new Error(`${holidayCalendarName(region, lang)}: ${rendered.error}`);
      // Last-Modified: when the deployment's data last changed (the tables come with a release, not the clock).
      return { body: encodeUtf8(rendered.value), lastModified: Date.parse(state.changedAt) };
    },
  });
});
