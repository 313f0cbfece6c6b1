/**
 * @module routes/cities
 * JSON API: `GET /api/v1/cities` and `GET /api/v1/cities/{city}` (any known name or alias).
 */
import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { City, Lang } from '../../core/model.js';
import { listCities } from '../../storage/cities-repository.js';
import type { AppEnv } from '../env.js';
import { langOf, langParam, requireCity } from '../query.js';
import { jsonResponse } from '../responses.js';
import { parseInput } from '../validate.js';

const langQuery = z.object({ lang: langParam });

/** A city as the API returns it, with its name in the requested language and its listing URLs. */
function cityJson(city: City, lang: Lang, publicUrl: string): Record<string, unknown> {
  return {
    ...city,
    displayName: city.name[lang],
    links: {
      events: `${publicUrl}/api/v1/events?city=${city.slug}`,
      page: `${publicUrl}/cities/${city.slug}`,
      calendar: `${publicUrl}/cities/${city.slug}/calendar.ics`,
    },
  };
}

export const citiesRoutes = new Hono<AppEnv>()
  .get('/api/v1/cities', async (c) => {
    const { store, config } = c.get('deps');
    const lang = langOf(parseInput(langQuery, c.req.query(), 'query').lang);
    const cities = await listCities(store.db);
    return jsonResponse({ items: cities.map((city) => cityJson(city, lang, config.publicUrl)) });
  })
  .get('/api/v1/cities/:city', async (c) => {
    const { store, config } = c.get('deps');
    const lang = langOf(parseInput(langQuery, c.req.query(), 'query').lang);
    const ref = await requireCity(store, c.req.param('city'), 'city');
    return jsonResponse(cityJson(ref.city, lang, config.publicUrl));
  });
