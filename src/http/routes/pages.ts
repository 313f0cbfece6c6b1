/**
 * @module routes/pages
 * Web pages: the home page (coming up, then recent; cities; subscribe), a city's page and an event's page, in
 * German, English or Chinese, every time on both sides. Each answers at its static path (`/index.de.html`,
 * `/cities/koeln/index.zh.html`, `/events/{id}.en.html`: the language is in the path) and at its query form
 * (`/`, `/cities/{city}`, `/events/{id}`, with `?lang=`, else Accept-Language, else German). `?tz=` adds a
 * "your time" line to timed events; a zone that is none answers 400. Errors answer the same statuses as the
 * API, as an HTML page.
 */

import { type Context, Hono } from 'hono';
import { html } from 'hono/html';
import { DateTime } from 'luxon';
import { isCalendarPrecision } from '../../core/calendar/render-ics.js';
import { addLinks } from '../../core/events/add-links.js';
import { pickText } from '../../core/events/localize.js';
import { calendarName, statusPrefix } from '../../core/events/names.js';
import { words } from '../../core/i18n/catalogue.js';
import type { EventRecord, Lang } from '../../core/model.js';
import { cityPagePath, eventPagePath, homePath, imprintPath, privacyPath } from '../../core/site-paths.js';
import { describeEventTime } from '../../core/time/event-time-text.js';
import { reportLeftOut } from '../../documents/left-out.js';
import { referenceData } from '../../documents/reference-data.js';
import { getEvent, getEvents, listEvents, listRecentEvents } from '../../storage/events-repository.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { missingEvent } from '../missing-event.js';
import { cityNames, NO_FRAMES, type PageRequest, page, readerZone, servePage } from '../page-request.js';
import { requireCity } from '../query.js';
import {
  audienceLine,
  badges,
  cityDirectory,
  downloadBlock,
  eventList,
  helpBlock,
  holidayBlock,
  membershipList,
  multiline,
  sourceList,
  subscribeBlock,
  subscribeLinks,
  yourTime,
} from '../views/components.js';
import { embedBlock } from '../views/embed-view.js';
import { layout } from '../views/layout.js';
import { imprintBody, privacyBody } from '../views/legal.js';
import { viewNav } from '../views/view-controls.js';

const LIST_SIZE = 20;

/** The weekday of a day- or minute-precision start in the event's zone, localised ("Montag, "), else nothing. */
function weekday(event: EventRecord, lang: Lang): string {
  if (!event.start || !isCalendarPrecision(event)) return '';
  const name = DateTime.fromISO(event.start.value.slice(0, 10), { zone: 'UTC' }).setLocale(lang).toFormat('cccc');
  return `${name}${words(lang).time.comma}`;
}

async function homePage(c: Context<AppEnv>, page: PageRequest): Promise<Response> {
  const deps = c.get('deps');
  const { store, config } = deps;
  const { lang } = page;
  const w = words(lang).pages;
  const zone = readerZone(c);
  return servePage(c, page, `${homePath(lang)}|${zone ?? ''}`, async ({ day }) => {
    const upcoming = (await listEvents(store.db, { from: day, limit: LIST_SIZE })).items;
    const recent = await listRecentEvents(store.db, {}, day, LIST_SIZE);
    const reference = await referenceData(deps, c.get('cache'));
    const names = cityNames(reference, lang);
    const links = subscribeLinks(config.publicUrl, '', lang, calendarName(lang, null));
    const body = html`<h1>${w.siteTitle}</h1>
${viewNav(lang, 'list', new Date(day).toISOString().slice(0, 7), {})}
${eventList(w.upcoming, upcoming, lang, names, w.noUpcoming, zone)}
${eventList(w.recent, recent, lang, names, undefined, zone)}
${subscribeBlock(links, lang)}
${cityDirectory(reference.cities, lang)}
${helpBlock(lang)}`;
    const meta = {
      lang,
      title: `${w.siteTitle} – ${w.upcoming}`,
      description: w.tagline,
      publicUrl: config.publicUrl,
      path: homePath,
      feeds: links.feeds,
    };
    return layout(meta, body);
  });
}

async function cityPage(c: Context<AppEnv>, page: PageRequest, name: string): Promise<Response> {
  const deps = c.get('deps');
  const { store, config } = deps;
  const { lang } = page;
  const w = words(lang).pages;
  const zone = readerZone(c);
  const city = await requireCity(deps, c.get('cache'), name, 'city');
  return servePage(c, page, `${cityPagePath(city.slug, lang)}|${zone ?? ''}`, async ({ day }) => {
    const upcoming = (await listEvents(store.db, { city, from: day, limit: LIST_SIZE })).items;
    const recent = await listRecentEvents(store.db, { city }, day, LIST_SIZE);
    const reference = await referenceData(deps, c.get('cache'));
    const names = cityNames(reference, lang);
    const admitted = await getEvents(
      store.db,
      city.memberships.flatMap((m) => (m.admittedAt ? [m.admittedAt] : [])),
    );
    const admittedTitles = new Map(admitted.map((e) => [e.id, pickText(e.title, lang)?.text ?? e.id]));
    const links = subscribeLinks(config.publicUrl, `/cities/${city.slug}`, lang, calendarName(lang, city.name[lang]), {}, city);
    const others = [...new Set([city.name.de, city.name.en, city.name.zh].filter((n) => n !== city.name[lang]))].join(' · ');
    const body = html`<h1>${city.name[lang]}</h1>
<p>${others}</p>
${viewNav(lang, 'list', new Date(day).toISOString().slice(0, 7), {}, city)}
${eventList(w.upcoming, upcoming, lang, names, w.noUpcoming, zone)}
${eventList(w.recent, recent, lang, names, undefined, zone)}
${membershipList(city, lang, reference.sources, admittedTitles)}
${subscribeBlock(links, lang)}
${embedBlock(lang, config.publicUrl, city)}
${helpBlock(lang)}
<p><a href="${homePath(lang)}">${w.back}</a></p>`;
    const meta = {
      lang,
      title: `${city.name[lang]} – ${w.siteTitle}`,
      description: `${w.tagline}${words(lang).time.colon}${city.name[lang]}`,
      publicUrl: config.publicUrl,
      path: (l: Lang) => cityPagePath(city.slug, l),
      feeds: links.feeds,
    };
    return layout(meta, body);
  });
}

async function eventPage(c: Context<AppEnv>, page: PageRequest, id: string): Promise<Response> {
  const deps = c.get('deps');
  const { store, config } = deps;
  const { lang } = page;
  const w = words(lang).pages;
  const zone = readerZone(c);
  const event = await getEvent(store.db, id);
  if (!event) return missingEvent(store.db, id);
  return servePage(c, page, `${eventPagePath(event.id, lang)}|${zone ?? ''}`, async () => {
    const reference = await referenceData(deps, c.get('cache'));
    const names = cityNames(reference, lang);
    const title = pickText(event.title, lang);
    const description = pickText(event.description, lang);
    const pageUrl = `${config.publicUrl}${eventPagePath(event.id, lang)}`;
    let when: string;
    let add: ReturnType<typeof addLinks>;
    try {
      when = `${weekday(event, lang)}${describeEventTime(event, lang)}`;
      add = addLinks(event, lang, `${describeEventTime(event, lang)}\n${pageUrl}`);
    } catch (error) {
      reportLeftOut('event page', event.id, error);
      throw new ApiError('not_found', `event "${event.id}" cannot be shown`, 'id');
    }
    const colon = words(lang).time.colon;
    const sep = words(lang).time.comma;
    const body = html`<article class="${event.status}">
<h1 class="what" lang="${title?.lang ?? lang}">${badges(event, lang)}${title?.text ?? event.id}</h1>
<p class="when">${when}</p>
${event.related ? html`<p class="related">${words(lang).event.relatedNote}</p>` : ''}
${audienceLine(event, lang)}
${yourTime(event, lang, zone)}
${description ? html`<p class="description" lang="${description.lang}">${multiline(description.text)}</p>` : ''}
<p>${w.where}${colon}${event.cities.map(names.name).join(sep)}${event.location ? html` — ${event.location}` : ''}</p>
${event.participants.length ? html`<p>${w.participants}${colon}${event.participants.map(names.name).join(sep)}</p>` : ''}
${holidayBlock(event, lang, names.places(event))}
${event.url ? html`<p><a href="${event.url}" rel="noopener">${event.url}</a></p>` : ''}
${sourceList(event, lang, reference.sources)}
${downloadBlock(event, lang, add)}
<p><a href="${homePath(lang)}">${w.back}</a></p>
</article>`;
    // Link previews (WeChat, Teams, e-mail) show the title and description: a cancellation must show there too.
    const pageTitle = `${statusPrefix(event.status, lang)}${title?.text ?? event.id}`;
    const meta = {
      lang,
      title: `${pageTitle} – ${w.siteTitle}`,
      description: `${event.status === 'cancelled' ? `${words(lang).event.cancelled}${sep}` : ''}${when}`,
      publicUrl: config.publicUrl,
      path: (l: Lang) => eventPagePath(event.id, l),
      feeds: [],
    };
    return layout(meta, body);
  });
}

const STATIC_EVENT = /^([a-z0-9-]+)\.(de|en|zh)\.html$/;

/** The imprint or the privacy notice, from the settings and the catalogue (nothing stored, so rendered each time). */
async function legalPage(c: Context<AppEnv>, { lang }: PageRequest, which: 'imprint' | 'privacy'): Promise<Response> {
  const { config } = c.get('deps');
  const w = words(lang).legal;
  const meta = {
    lang,
    title: `${which === 'imprint' ? w.imprint : w.privacy} – ${words(lang).pages.siteTitle}`,
    description: which === 'imprint' ? w.operator : w.privacy,
    publicUrl: config.publicUrl,
    path: which === 'imprint' ? imprintPath : privacyPath,
    feeds: [],
  };
  const body = which === 'imprint' ? imprintBody(lang, config.operator ?? null) : privacyBody(lang, config.operator ?? null);
  return c.html(layout(meta, body), 200, { 'Cache-Control': 'public, max-age=3600', ...NO_FRAMES });
}

export const pagesRoutes = new Hono<AppEnv>()
  .get('/', (c) => page(c, (p) => homePage(c, p)))
  .get('/:file{index\\.(?:de|en|zh)\\.html}', (c) => page(c, (p) => homePage(c, p), c.req.param('file').split('.')[1]))
  .get('/cities/:city', (c) => page(c, (p) => cityPage(c, p, c.req.param('city'))))
  .get('/cities/:city/:file{index\\.(?:de|en|zh)\\.html}', (c) =>
    page(c, (p) => cityPage(c, p, c.req.param('city')), c.req.param('file').split('.')[1]),
  )
  .get('/imprint', (c) => page(c, (p) => legalPage(c, p, 'imprint')))
  .get('/:file{imprint\\.(?:de|en|zh)\\.html}', (c) => page(c, (p) => legalPage(c, p, 'imprint'), c.req.param('file').split('.')[1]))
  .get('/privacy', (c) => page(c, (p) => legalPage(c, p, 'privacy')))
  .get('/:file{privacy\\.(?:de|en|zh)\\.html}', (c) => page(c, (p) => legalPage(c, p, 'privacy'), c.req.param('file').split('.')[1]))
  .get('/events/:id', (c) => {
    const id = c.req.param('id');
    const named = STATIC_EVENT.exec(id);
    return named?.[1] ? page(c, (p) => eventPage(c, p, named[1] as string), named[2]) : page(c, (p) => eventPage(c, p, id));
  });
