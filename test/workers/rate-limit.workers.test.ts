/**
 * The write rate-limit counter on D1: the same statement as on SQLite, shared by every isolate.
 */
import { env } from 'cloudflare:workers';
import { expect, it } from 'vitest';
import { createD1Store } from '../../src/storage/dialects/d1.js';
import { countAttempt, pruneRateLimits } from '../../src/storage/rate-limits.js';

it('counts attempts per key and window on D1, and prunes old windows', async () => {
  const { db } = createD1Store(env.DB);
  const t0 = Date.parse('2027-01-01T10:00:05Z');
  expect((await countAttempt(db, 'writer:berlin', t0, 60_000)).count).toBe(1);
  expect((await countAttempt(db, 'writer:berlin', t0 + 1000, 60_000)).count).toBe(2);
  expect(await countAttempt(db, 'writer:foshan', t0, 60_000)).toEqual({ count: 1, resetAt: Date.parse('2027-01-01T10:01:00Z') });
  expect((await countAttempt(db, 'writer:berlin', t0 + 60_000, 60_000)).count).toBe(1);
  await pruneRateLimits(db, Date.parse('2027-01-01T10:01:00Z'));
  expect((await db.selectFrom('rate_limits').select('key').execute()).map((r) => r.key)).toEqual(['writer:berlin']);
});
