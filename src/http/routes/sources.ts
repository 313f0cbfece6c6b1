/**
 * @module routes/sources
 * `GET /api/v1/sources`: the source catalogue that events cite.
 */
import { Hono } from 'hono';
import { listSources } from '../../storage/sources-repository.js';
import type { AppEnv } from '../env.js';
import { jsonResponse } from '../responses.js';

export const sourcesRoutes = new Hono<AppEnv>().get('/api/v1/sources', async (c) => {
  const items = await listSources(c.get('deps').store.db);
  return jsonResponse({ items: items.map((entry) => Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== null))) });
});
