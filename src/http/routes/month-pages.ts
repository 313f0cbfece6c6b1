/**
 * @module routes/month-pages
 * The month view of all events and of a city: `/month/2027-10`, `/cities/{city}/month/2027-10`, and their
 * static paths `…/month/2027-10.de.html`; `/month` and `/cities/{city}/month` lead to the current month. Months
 * exist from the first event's to twelve after the last's (docs/interface.md); others answer 404. Filters are
 * in the query; the page is built once per data version, day, language and filters.
 */
import { type Context, Hono } from 'hono';
import { html } from 'hono/html';
import { datesBetween, holidayLabels, viewHolidayPlaces } from '../../core/holidays/event-holidays.js';
import { words } from '../../core/i18n/catalogue.js';
import type { City } from '../../core/model.js';
import { agendaPagePath, monthPagePath } from '../../core/site-paths.js';
import {
  addMonths,
  inRange,
  monthDays,
  monthOf,
  monthRange,
  monthSteps,
  monthsBetween,
  monthWindow,
  NAV_REACH,
  parseMonth,
} from '../../core/views/month-grid.js';
import { referenceData } from '../../documents/reference-data.js';
import { listingBounds, listMonthEvents, monthsWithEvents } from '../../storage/events-repository.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { type PageRequest, page, servePage } from '../page-request.js';
import { requireCity } from '../query.js';
import { cityRedirect, viewParams } from '../view-request.js';
import { monthGrid, monthNav, monthTitle } from '../views/month-view.js';
import { filterForm, selectionQuery, viewNav, withQuery } from '../views/view-controls.js';
import { viewPage } from '../views/view-page.js';

/** Events a day's cell shows before "+N more". */
const PER_DAY = 3;

async function monthPage(c: Context<AppEnv>, page: PageRequest, monthText: string, cityName?: string): Promise<Response> {
  const deps = c.get('deps');
  const { lang } = page;
  const params = viewParams(c);
  const city = cityName === undefined ? undefined : await requireCity(deps, c.get('cache'), cityName, 'city');
  const month = parseMonth(monthText);
  if (!month) throw new ApiError('not_found', `"${monthText}" is not a month (YYYY-MM)`, 'month');
  const moved = await cityRedirect(c, params, city, (chosen) => monthPagePath(month, lang, chosen?.slug));
  if (moved) return moved;
  const { selection } = params;
  const query = selectionQuery(selection);
  const path = (l: typeof lang) => monthPagePath(month, l, city?.slug);
  return servePage(c, page, `${path(lang)}|${query}`, async ({ day }) => {
    const { db } = deps.store;
    const bounds = await listingBounds(db, city ? { city } : {});
    const today = new Date(day).toISOString().slice(0, 10);
    const range = monthRange(bounds.first, bounds.last, today);
    if (!inRange(month, range)) throw new ApiError('not_found', `the month views run from ${range.first} to ${range.last}`, 'month');
    const { first, last } = monthDays(month);
    const scope = { ...(city && { city }), ...selection };
    const listing = await listMonthEvents(db, scope, { key: month, first, last, ...monthWindow(month) }, PER_DAY);
    // The months around that have events: the year's (greyed where none) and where previous and next lead.
    const near = monthsBetween(
      [addMonths(month, -NAV_REACH), range.first].sort()[1] ?? month,
      [addMonths(month, NAV_REACH), range.last].sort()[0] ?? month,
    );
    const shown = await monthsWithEvents(
      db,
      scope,
      near.map((m) => ({ key: m, ...monthWindow(m) })),
    );
    shown.add(monthOf(today));
    const reference = await referenceData(deps, c.get('cache'));
    const title = city ? `${monthTitle(month, lang)} – ${city.name[lang]}` : monthTitle(month, lang);
    const href = (m: string) => withQuery(monthPagePath(m, lang, city?.slug), query);
    const body = html`<h1>${title}</h1>
${viewNav(lang, 'month', month, selection, city)}
${monthNav(month, lang, monthSteps(month, range, shown), shown, href)}
${filterForm(lang, path(lang), selection, reference.cities, city)}
${monthGrid({
  month,
  lang,
  listing,
  today,
  moreHref: (date) => withQuery(agendaPagePath(lang, city?.slug), query ? `from=${date}&${query}` : `from=${date}`),
  holidays: holidayLabels(datesBetween(first, last), viewHolidayPlaces(reference.cities, city), lang),
})}
<p class="legend"><span class="holiday-key"></span> ${words(lang).holidays.legend}</p>`;
    return viewPage({ lang, heading: title, publicUrl: deps.config.publicUrl, path, city, selection, body });
  });
}

/** `/month` → this month's view (the reader's query kept). */
function currentMonth(c: Context<AppEnv>, city?: City) {
  const month = monthOf(new Date(c.get('deps').clock()).toISOString());
  const url = new URL(c.req.url);
  return c.redirect(`${city ? `/cities/${city.slug}` : ''}/month/${month}${url.search}`, 302);
}

const MONTH_FILE = /^(\d{4}-\d{2})\.(de|en|zh)\.html$/;

/** The month and the language of a `:month` segment: `2027-10` or `2027-10.de.html`. */
function monthSegment(segment: string): { month: string; lang?: string } {
  const m = MONTH_FILE.exec(segment);
  return m?.[1] ? { month: m[1], lang: m[2] } : { month: segment };
}

export const monthRoutes = new Hono<AppEnv>()
  .get('/month', (c) => page(c, async () => currentMonth(c)))
  .get('/month/:month', (c) => {
    const { month, lang } = monthSegment(c.req.param('month'));
    return page(c, (p) => monthPage(c, p, month), lang);
  })
  .get('/cities/:city/month', (c) =>
    page(c, async () => currentMonth(c, await requireCity(c.get('deps'), c.get('cache'), c.req.param('city'), 'city'))),
  )
  .get('/cities/:city/month/:month', (c) => {
    const { month, lang } = monthSegment(c.req.param('month'));
    return page(c, (p) => monthPage(c, p, month, c.req.param('city')), lang);
  });
