/**
 * @module routes/embed-pages
 * `/embed` (all events) and `/embed/cities/{city}`, with static paths `/embed.de.html` and
 * `/embed/cities/{city}.de.html`: the next events for an `<iframe>` on a member's website, in the chosen language
 * and with the filters. The only pages any site may frame; their policy allows nothing else (no script, no
 * request to anywhere) and they set no cookie.
 */
import { type Context, Hono } from 'hono';
import { documentFileName } from '../../core/document-names.js';
import { words } from '../../core/i18n/catalogue.js';
import { cityPagePath, embedPagePath, homePath } from '../../core/site-paths.js';
import { listEvents } from '../../storage/events-repository.js';
import type { AppEnv } from '../env.js';
import { type PageRequest, page, servePage } from '../page-request.js';
import { requireCity } from '../query.js';
import { viewParams } from '../view-request.js';
import { embedPage } from '../views/embed-view.js';
import { selectionQuery } from '../views/view-controls.js';

/** Events an embed lists. */
const EMBED_SIZE = 8;

/** Framing by anyone; nothing to load but the page's own styles. */
const EMBED_FRAMES = {
  'Content-Security-Policy':
    "frame-ancestors *; default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'",
};

async function embed(c: Context<AppEnv>, page: PageRequest, cityName?: string): Promise<Response> {
  const deps = c.get('deps');
  const { lang } = page;
  const { selection } = viewParams(c);
  const city = cityName === undefined ? undefined : await requireCity(deps, c.get('cache'), cityName, 'city');
  const key = `${embedPagePath(lang, city?.slug)}|${selectionQuery(selection)}`;
  return servePage(
    c,
    page,
    key,
    async ({ day }) => {
      const { items } = await listEvents(deps.store.db, { ...(city && { city }), ...selection, from: day, limit: EMBED_SIZE });
      const { publicUrl } = deps.config;
      const base = city ? `/cities/${city.slug}` : '';
      return embedPage({
        lang,
        heading: city ? `${words(lang).views.embedNext} – ${city.name[lang]}` : words(lang).views.embedNext,
        events: items,
        calendarUrl: `${publicUrl}${base}/${documentFileName('calendar', 'ics', lang, selection)}`,
        siteUrl: `${publicUrl}${city ? cityPagePath(city.slug, lang) : homePath(lang)}`,
      });
    },
    EMBED_FRAMES,
  );
}

const EMBED_FILE = /^embed\.(de|en|zh)\.html$/;
const CITY_FILE = /^([a-z0-9-]+)\.(de|en|zh)\.html$/;

export const embedRoutes = new Hono<AppEnv>()
  .get('/embed', (c) => page(c, (p) => embed(c, p)))
  .get('/:file{embed\\.(?:de|en|zh)\\.html}', (c) => page(c, (p) => embed(c, p), EMBED_FILE.exec(c.req.param('file'))?.[1]))
  .get('/embed/cities/:city', (c) => {
    const named = CITY_FILE.exec(c.req.param('city'));
    return named?.[1] ? page(c, (p) => embed(c, p, named[1]), named[2]) : page(c, (p) => embed(c, p, c.req.param('city')));
  });
