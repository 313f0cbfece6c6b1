/**
 * @module rate-limits
 * Fixed-window counters in the database, so a limit holds across isolates and processes (an in-memory counter
 * would not on Workers). One statement per check: count this attempt and read the total.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';

/** Counts an attempt under `key` in the window containing `now`; returns the attempts so far in that window. */
export async function countAttempt(
  db: Kysely<Database>,
  key: string,
  now: number,
  windowMs: number,
): Promise<{ count: number; resetAt: number }> {
  const windowStart = Math.floor(now / windowMs) * windowMs;
  const row = await db
    .insertInto('rate_limits')
    .values({ key, window_start: windowStart, count: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql<number>`CASE WHEN rate_limits.window_start = excluded.window_start THEN rate_limits.count + 1 ELSE 1 END`,
        window_start: sql<number>`excluded.window_start`,
      }),
    )
    .returning('count')
    .executeTakeFirstOrThrow();
  return { count: row.count, resetAt: windowStart + windowMs };
}

/** Removes counters of windows that ended before `before` (ms); they hold no data, only old counts. */
export async function pruneRateLimits(db: Kysely<Database>, before: number): Promise<void> {
  await db.deleteFrom('rate_limits').where('window_start', '<', before).execute();
}
