/**
 * @module routes/pages
 * Web pages: `GET /` (coming up, then recent; cities; subscribe), `GET /cities/{city}`, `GET /events/{id}`,
 * in German, English or Chinese (`?lang=`, else Accept-Language, else German), every time on both sides.
 * Errors answer the same statuses as the API, as an HTML page.
 */
import { type Context, Hono } from 'hono';
import { accepts } from 'hono/accepts';
import { html } from 'hono/html';
import { DateTime } from 'luxon';
import { isCalendarPrecision, utcDay } from '../../core/calendar/render-ics.js';
import { pickText } from '../../core/events/localize.js';
import { calendarName } from '../../core/events/names.js';
import { words } from '../../core/i18n/catalogue.js';
import { type City, type EventRecord, isLang, LANGS, type Lang } from '../../core/model.js';
import { describeEventTime, formatLiteral } from '../../core/time/event-time-text.js';
import { earliestInstant, latestInstant } from '../../core/time/wall-time.js';
import { listCities } from '../../storage/cities-repository.js';
import { getEvent, listEvents, listRecentEvents } from '../../storage/events-repository.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { reportLeftOut } from '../left-out.js';
import { requireCity } from '../query.js';
import { referenceData } from '../reference-data.js';
import { cityDirectory, eventList, helpBlock, sourceList, subscribeBlock, subscribeLinks } from '../views/components.js';
import { layout } from '../views/layout.js';

const LIST_SIZE = 20;

/** `?lang=` when valid, else the best of Accept-Language by primary subtag (zh-CN → zh), else German. */
function pageLang(c: Context<AppEnv>): Lang {
  const asked = c.req.query('lang');
  if (asked && isLang(asked)) return asked;
  return accepts(c, {
    header: 'Accept-Language',
    supports: [...LANGS],
    default: 'de',
    match: (list, config) => {
      const sorted = list.filter((a) => a.q > 0).sort((a, b) => b.q - a.q);
      for (const a of sorted) {
        const primary = a.type.toLowerCase().split('-')[0] ?? '';
        if (config.supports.includes(primary)) return primary;
      }
      return config.default;
    },
  }) as Lang;
}

/** Renders a page, turning expected errors into an HTML page with the same status. */
async function page(c: Context<AppEnv>, render: (lang: Lang) => Promise<Response>): Promise<Response> {
  const lang = pageLang(c);
  try {
    return await render(lang);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const w = words(lang);
    const heading = error.status === 404 ? w.errors.notFound : error.status < 500 ? w.errors.badRequest : w.errors.failed;
    const body = layout(
      {
        lang,
        title: `${heading} – ${w.pages.siteTitle}`,
        description: error.message,
        url: `${c.get('deps').config.publicUrl}/`,
        feeds: [],
      },
      html`<h1>${heading}</h1><p>${error.message}</p><p><a href="/?lang=${lang}">${w.pages.back}</a></p>`,
    );
    return c.html(body, error.status);
  }
}

/** Names of cities by slug in a language. */
function cityNames(cities: readonly City[], lang: Lang): (slug: string) => string {
  const names = new Map(cities.map((city) => [city.slug, city.name[lang]]));
  return (slug) => names.get(slug) ?? slug;
}

/** Google Calendar and Outlook.com links that add one event (day or minute precision). */
function addLinks(event: EventRecord, lang: Lang, publicUrl: string): { google: string; outlook: string } | null {
  if (!isCalendarPrecision(event) || !event.start) return null;
  const title = pickText(event.title, lang)?.text ?? event.id;
  const details = `${describeEventTime(event, lang)}\n${publicUrl}/events/${event.id}?lang=${lang}`;
  const allDay = event.precision === 'day';
  const start = earliestInstant(event.start, event.timeZone);
  const end = event.end
    ? allDay
      ? latestInstant(event.end, event.timeZone) + 1
      : earliestInstant(event.end, event.timeZone)
    : allDay
      ? latestInstant(event.start, event.timeZone) + 1
      : start;
  const utc = (ms: number) => DateTime.fromMillis(ms, { zone: 'UTC' });
  const dates = allDay
    ? `${event.start.value.replace(/-/g, '')}/${DateTime.fromISO((event.end ?? event.start).value, { zone: 'UTC' })
        .plus({ days: 1 })
        .toFormat('yyyyMMdd')}`
    : `${utc(start).toFormat("yyyyMMdd'T'HHmmss'Z'")}/${utc(end).toFormat("yyyyMMdd'T'HHmmss'Z'")}`;
  const google = `https://calendar.google.com/calendar/render?${new URLSearchParams({ action: 'TEMPLATE', text: title, dates, details, location: event.location ?? '', ctz: event.timeZone })}`;
  const outlook = `https://outlook.live.com/calendar/0/deeplink/compose?${new URLSearchParams({
    path: '/calendar/action/compose',
    rru: 'addevent',
    subject: title,
    body: details,
    location: event.location ?? '',
    startdt: allDay ? event.start.value : (utc(start).toISO({ suppressMilliseconds: true }) ?? ''),
    enddt: allDay
      ? (DateTime.fromISO((event.end ?? event.start).value, { zone: 'UTC' })
          .plus({ days: 1 })
          .toISODate() ?? '')
      : (utc(end).toISO({ suppressMilliseconds: true }) ?? ''),
    ...(allDay && { allday: 'true' }),
  })}`;
  return { google, outlook };
}

export const pagesRoutes = new Hono<AppEnv>()
  .get('/', (c) =>
    page(c, async (lang) => {
      const { store, clock, config } = c.get('deps');
      const w = words(lang).pages;
      const day = utcDay(clock());
      const upcoming = (await listEvents(store.db, { from: day, limit: LIST_SIZE })).items;
      const recent = await listRecentEvents(store.db, {}, day, LIST_SIZE);
      const cities = await listCities(store.db);
      const names = cityNames(cities, lang);
      const name = calendarName(lang, null, undefined);
      const links = subscribeLinks(config.publicUrl, '', lang, name);
      const body = html`<h1>${w.siteTitle}</h1>
${eventList(w.upcoming, upcoming, lang, names, w.noUpcoming)}
${eventList(w.recent, recent, lang, names)}
${subscribeBlock(links, lang)}
${cityDirectory(cities, lang)}
${helpBlock(lang)}`;
      return c.html(
        layout(
          { lang, title: `${w.siteTitle} – ${w.upcoming}`, description: w.tagline, url: `${config.publicUrl}/`, feeds: links.feeds },
          body,
        ),
        200,
        pageHeaders(lang),
      );
    }),
  )
  .get('/cities/:city', (c) =>
    page(c, async (lang) => {
      const { store, clock, config } = c.get('deps');
      const w = words(lang).pages;
      const ref = await requireCity(c.get('deps'), c.get('caches'), c.req.param('city'), 'city');
      const { city } = ref;
      const day = utcDay(clock());
      const upcoming = (await listEvents(store.db, { city: ref, from: day, limit: LIST_SIZE })).items;
      const recent = await listRecentEvents(store.db, { city: ref }, day, LIST_SIZE);
      const names = cityNames(await listCities(store.db), lang);
      const name = calendarName(lang, city.name[lang], undefined);
      const links = subscribeLinks(config.publicUrl, `/cities/${city.slug}`, lang, name);
      const others = [...new Set([city.name.de, city.name.en, city.name.zh].filter((n) => n !== city.name[lang]))].join(' · ');
      const since = city.memberSince ? formatLiteral({ value: city.memberSince, fold: 0 }, lang) : null;
      const body = html`<h1>${city.name[lang]}</h1>
<p>${others}${since ? html` · ${w.memberSince} ${since}` : ''}</p>
${eventList(w.upcoming, upcoming, lang, names, w.noUpcoming)}
${eventList(w.recent, recent, lang, names)}
${subscribeBlock(links, lang)}
${helpBlock(lang)}
<p><a href="/?lang=${lang}">${w.back}</a></p>`;
      return c.html(
        layout(
          {
            lang,
            title: `${city.name[lang]} – ${w.siteTitle}`,
            description: `${w.tagline}: ${city.name[lang]}`,
            url: `${config.publicUrl}/cities/${city.slug}`,
            feeds: links.feeds,
          },
          body,
        ),
        200,
        pageHeaders(lang),
      );
    }),
  )
  .get('/events/:id', (c) =>
    page(c, async (lang) => {
      const { store, config } = c.get('deps');
      const w = words(lang).pages;
      const event = await getEvent(store.db, c.req.param('id'));
      if (!event) throw new ApiError('not_found', `no event with id "${c.req.param('id')}"`, 'id');
      const names = cityNames(await listCities(store.db), lang);
      const title = pickText(event.title, lang);
      const description = pickText(event.description, lang);
      let when: string;
      let add: ReturnType<typeof addLinks>;
      try {
        when = `${weekday(event, lang)}${describeEventTime(event, lang)}`;
        add = addLinks(event, lang, config.publicUrl);
      } catch (error) {
        reportLeftOut('event page', event.id, error);
        throw new ApiError('not_found', `event "${event.id}" cannot be shown`, 'id');
      }
      const body = html`<article class="${event.status}">
<h1 class="what" lang="${title?.lang ?? lang}">${event.status === 'cancelled' ? html`<span class="badge">${words(lang).event.cancelled}</span>` : ''}${title?.text ?? event.id}</h1>
<p class="when">${when}</p>
${description ? html`<p lang="${description.lang}">${description.text}</p>` : ''}
<p>${w.where}: ${event.cities.map(names).join(', ')}${event.location ? html` — ${event.location}` : ''}</p>
${event.participants.length ? html`<p>${w.participants}: ${event.participants.map(names).join(', ')}</p>` : ''}
${event.url ? html`<p><a href="${event.url}" rel="noopener">${event.url}</a></p>` : ''}
${sourceList(event, lang, (await referenceData(c.get('deps'), c.get('caches'))).sources)}
<section class="box" aria-labelledby="add"><h2 id="add">${w.subscribe}</h2>
${
  add
    ? html`<ul><li><a href="/events/${event.id}.ics?lang=${lang}" download>${w.download}</a></li><li><a href="${add.google}" rel="noopener">${w.addGoogle}</a></li><li><a href="${add.outlook}" rel="noopener">${w.addOutlook}</a></li></ul>`
    : html`<p>${w.noCalendarEntry}</p>`
}
</section>
<p><a href="/?lang=${lang}">${w.back}</a></p>
</article>`;
      const pageTitle = title?.text ?? event.id;
      return c.html(
        layout(
          {
            lang,
            title: `${pageTitle} – ${w.siteTitle}`,
            description: when,
            url: `${config.publicUrl}/events/${event.id}`,
            feeds: [],
          },
          body,
        ),
        200,
        pageHeaders(lang),
      );
    }),
  );

/** The weekday of a day- or minute-precision start in the event's zone, localised ("Montag, "), else nothing. */
function weekday(event: EventRecord, lang: Lang): string {
  if (!event.start || !isCalendarPrecision(event)) return '';
  const name = DateTime.fromISO(event.start.value.slice(0, 10), { zone: 'UTC' }).setLocale(lang).toFormat('cccc');
  return lang === 'zh' ? `${name}，` : `${name}, `;
}

/** Pages change with the data and the language; a minute of shared caching is plenty. */
function pageHeaders(lang: Lang): Record<string, string> {
  return { 'Cache-Control': 'public, max-age=60', 'Content-Language': lang, Vary: 'Accept-Language' };
}
