/**
 * @module routes/health
 * `GET /healthz`: `{"ok": true}` when the database answers, else a 503 in the error envelope.
 */
import { Hono } from 'hono';
import { sql } from 'kysely';
import type { AppEnv } from '../env.js';
import { jsonResponse } from '../responses.js';

export const healthRoutes = new Hono<AppEnv>().get('/healthz', async (c) => {
  const { store } = c.get('deps');
  await sql`SELECT 1`.execute(store.db);
  return jsonResponse({ ok: true }, { 'Cache-Control': 'no-store' });
});
