/**
 * @module routes/health
 * `GET /healthz`: `{"ok": true, "writes": "ok" | "disabled"}` when the database answers; `503` with
 * `"writes": "failing"` and the reason after a real write failed for a storage reason (never a probe write),
 * and `503 unavailable` in the error envelope when the database does not answer at all.
 */
import { Hono } from 'hono';
import { sql } from 'kysely';
import type { AppEnv } from '../env.js';
import { jsonResponse } from '../responses.js';

export const healthRoutes = new Hono<AppEnv>().get('/healthz', async (c) => {
  const { store, config } = c.get('deps');
  await sql`SELECT 1`.execute(store.db);
  const health = c.get('writeHealth');
  const writes = health.state(config);
  const headers = { 'Cache-Control': 'no-store' };
  if (writes === 'failing') return jsonResponse({ ok: false, writes, reason: health.reason() ?? 'writes fail' }, headers, 503);
  return jsonResponse({ ok: true, writes }, headers);
});
