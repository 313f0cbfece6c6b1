/**
 * @module rate-limit
 * Limits on writing, with what each runtime offers (memory on the single Node process, Cloudflare's
 * rate-limiting binding on Workers), never a database write per attempt:
 * - failed authentications per client address, strictly, so tokens cannot be guessed quickly;
 * - authenticated writes per token, generously, so a bulk script gets through.
 * A valid token is never refused because strangers failed from the same address (a city hall behind one NAT).
 */
import { ApiError } from './errors.js';

/** One counter per key in a fixed window. */
export interface RateLimiter {
  /** Counts an attempt under `key`; `ok` is false once the window's limit is passed, `retryAfter` in seconds. */
  readonly hit: (key: string) => Promise<{ readonly ok: boolean; readonly retryAfter: number }>;
}

export interface Limiters {
  /** Failed authentications, per client address. */
  readonly failedAuth: RateLimiter;
  /** Authenticated writes, per writer. */
  readonly writes: RateLimiter;
}

/** Per minute, on Node (AUTH_FAILURE_LIMIT, WRITE_RATE_LIMIT); on Workers the bindings in wrangler.toml say. */
export const DEFAULT_LIMITS = { failedAuth: 10, writes: 600 } as const;

/** Counts under `key` and throws 429 with Retry-After past the limit. */
export async function enforce(limiter: RateLimiter, key: string, what: string): Promise<void> {
  const { ok, retryAfter } = await limiter.hit(key);
  if (!ok) {
    throw new ApiError('rate_limited', `too many ${what}; try again in ${retryAfter} s`, undefined, 429, {
      'Retry-After': String(retryAfter),
    });
  }
}

/**
 * Fixed-window counters in memory: right for the single Node process that owns its SQLite file (and the
 * default of an app given no limiters). The map holds at most the keys of the current window (older windows
 * are dropped whole) and at most `maxKeys` of them.
 */
export function memoryLimiter(limit: number, windowMs: number, clock: () => number, maxKeys = 100_000): RateLimiter {
  let windowStart = Number.NEGATIVE_INFINITY;
  let counts = new Map<string, number>();
  return {
    hit: async (key) => {
      const now = clock();
      const start = Math.floor(now / windowMs) * windowMs;
      if (start !== windowStart) {
        windowStart = start;
        counts = new Map();
      }
      const count = (counts.get(key) ?? 0) + 1;
      counts.delete(key);
      counts.set(key, count);
      // Past the bound, the keys seen least recently go: each of them was limited on its own anyway.
      if (counts.size > maxKeys) counts.delete(counts.keys().next().value as string);
      return { ok: count <= limit, retryAfter: Math.max(1, Math.ceil((start + windowMs - now) / 1000)) };
    },
  };
}

/** In-memory limiters of the given limits per minute. */
export function memoryLimiters(limits: { readonly failedAuth: number; readonly writes: number }, clock: () => number): Limiters {
  return { failedAuth: memoryLimiter(limits.failedAuth, 60_000, clock), writes: memoryLimiter(limits.writes, 60_000, clock) };
}
