/**
 * @module rate-limit
 * Write limits per client address (checked before the token, so tokens cannot be guessed quickly) and per
 * token: at most `writeRateLimit` attempts a minute each (default 60); over it, `429 rate_limited` with
 * `Retry-After`.
 */
import { countAttempt } from '../storage/rate-limits.js';
import type { AppDeps } from './env.js';
import { ApiError } from './errors.js';

export const DEFAULT_WRITE_LIMIT = 60;
const WINDOW_MS = 60_000;

/** Counts a write attempt under `key` and throws 429 when the window's limit is exceeded. */
export async function limitWrites(deps: AppDeps, key: string): Promise<void> {
  const limit = deps.config.writeRateLimit ?? DEFAULT_WRITE_LIMIT;
  const { count, resetAt } = await countAttempt(deps.store.db, key, deps.clock(), WINDOW_MS);
  if (count > limit) {
    const retryAfter = Math.max(1, Math.ceil((resetAt - deps.clock()) / 1000));
    throw new ApiError('rate_limited', `more than ${limit} writes a minute; try again in ${retryAfter} s`, undefined, 429, {
      'Retry-After': String(retryAfter),
    });
  }
}
