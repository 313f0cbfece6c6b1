/**
 * @module routes/cities
 * JSON API: `GET /api/v1/cities` and `GET /api/v1/cities/{city}` (any known name or alias).
 */
import { Hono } from 'hono';
import { cityJson } from '../../core/cities/city-json.js';
import { listCities } from '../../storage/cities-repository.js';
import type { AppEnv } from '../env.js';
import { langOf, requireCity } from '../query.js';
import { langQuery } from '../query-schemas.js';
import { jsonResponse } from '../responses.js';
import { parseInput } from '../validate.js';

export const citiesRoutes = new Hono<AppEnv>()
  .get('/api/v1/cities', async (c) => {
    const { store, config } = c.get('deps');
    const lang = langOf(parseInput(langQuery, c.req.query(), 'query').lang);
    const cities = await listCities(store.db);
    return jsonResponse({ items: cities.map((city) => cityJson(city, lang, config.publicUrl)) });
  })
  .get('/api/v1/cities/:city', async (c) => {
    const { config } = c.get('deps');
    const lang = langOf(parseInput(langQuery, c.req.query(), 'query').lang);
    const city = await requireCity(c.get('deps'), c.get('cache'), c.req.param('city'), 'city');
    return jsonResponse(cityJson(city, lang, config.publicUrl));
  });
