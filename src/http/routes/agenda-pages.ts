/**
 * @module routes/agenda-pages
 * The agenda of all events and of a city: `/agenda`, `/cities/{city}/agenda` (static paths `/agenda.de.html`,
 * `/cities/{city}/agenda.de.html`), grouped by month, from today — or from `?from=YYYY-MM-DD`, page by page with
 * "later" leading to the month view where the page ends. From today it is kept per data version; from a chosen
 * day it is built per request.
 */
import { type Context, Hono } from 'hono';
import { html } from 'hono/html';
import { words } from '../../core/i18n/catalogue.js';
import { agendaPagePath, monthPagePath } from '../../core/site-paths.js';
import { formatLiteral } from '../../core/time/event-time-text.js';
import { monthOf } from '../../core/views/month-grid.js';
import type { DocumentState } from '../../documents/pipeline.js';
import { referenceData } from '../../documents/reference-data.js';
import { listEvents } from '../../storage/events-repository.js';
import type { AppEnv } from '../env.js';
import { cityNames, directPage, type PageRequest, page, servePage } from '../page-request.js';
import { requireCity } from '../query.js';
import { cityRedirect, viewParams } from '../view-request.js';
import { agendaList, listedMonth } from '../views/agenda-view.js';
import { filterForm, selectionQuery, viewNav, withQuery } from '../views/view-controls.js';
import { viewPage } from '../views/view-page.js';

/** Events per agenda page. */
const PAGE_SIZE = 50;
/** A day's events start from UTC+14 on: the earliest a day begins anywhere. */
const EARLIEST_OFFSET_MS = 14 * 3_600_000;

async function agendaPage(c: Context<AppEnv>, page: PageRequest, cityName?: string): Promise<Response> {
  const deps = c.get('deps');
  const { lang } = page;
  const params = viewParams(c);
  const city = cityName === undefined ? undefined : await requireCity(deps, c.get('cache'), cityName, 'city');
  const moved = await cityRedirect(c, params, city, (chosen) => agendaPagePath(lang, chosen?.slug));
  if (moved) return moved;
  const { selection, zone } = params;
  const query = selectionQuery(selection);
  const path = (l: typeof lang) => agendaPagePath(l, city?.slug);
  const render = async ({ day }: DocumentState) => {
    const from = params.from ?? new Date(day).toISOString().slice(0, 10);
    const result = await listEvents(deps.store.db, {
      ...(city && { city }),
      ...selection,
      from: Date.parse(`${from}T00:00:00Z`) - EARLIEST_OFFSET_MS,
      limit: PAGE_SIZE,
    });
    const reference = await referenceData(deps, c.get('cache'));
    const v = words(lang).views;
    const monthHref = (m: string) => withQuery(monthPagePath(m, lang, city?.slug), query);
    const last = result.items.at(-1);
    const heading = city ? `${v.agenda} – ${city.name[lang]}` : v.agenda;
    const body = html`<h1>${heading}</h1>
${viewNav(lang, 'agenda', monthOf(from), selection, city)}
${filterForm(lang, path(lang), selection, reference.cities, city, params.from ? { from: params.from } : {})}
<p>${v.agendaFrom(formatLiteral({ value: from, fold: 0 }, lang))}</p>
${agendaList(result.items, lang, cityNames(reference, lang), zone, monthHref)}
${result.next && last ? html`<p><a rel="next" href="${monthHref(listedMonth(last))}">${v.later}</a></p>` : ''}`;
    return viewPage({ lang, heading, publicUrl: deps.config.publicUrl, path, city, selection, body });
  };
  return params.from === undefined ? servePage(c, page, `${path(lang)}|${query}|${zone ?? ''}`, render) : directPage(c, page, render);
}

const AGENDA_FILE = /^agenda\.(de|en|zh)\.html$/;

export const agendaRoutes = new Hono<AppEnv>()
  .get('/agenda', (c) => page(c, (p) => agendaPage(c, p)))
  .get('/:file{agenda\\.(?:de|en|zh)\\.html}', (c) => page(c, (p) => agendaPage(c, p), AGENDA_FILE.exec(c.req.param('file'))?.[1]))
  .get('/cities/:city/agenda', (c) => page(c, (p) => agendaPage(c, p, c.req.param('city'))))
  .get('/cities/:city/:file{agenda\\.(?:de|en|zh)\\.html}', (c) =>
    page(c, (p) => agendaPage(c, p, c.req.param('city')), AGENDA_FILE.exec(c.req.param('file'))?.[1]),
  );
