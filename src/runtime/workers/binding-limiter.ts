/**
 * @module binding-limiter
 * Cloudflare's rate-limiting binding (wrangler.toml `[[ratelimits]]`) as a limiter. It counts per Cloudflare
 * location, in windows of its configured period, and tells only whether an attempt is allowed.
 */
import type { RateLimiter } from '../../http/rate-limit.js';

/** What the binding offers (Workers' RateLimit). */
export interface RateLimitBinding {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

/** A limiter over a binding whose window is `periodSeconds` long. */
export function bindingLimiter(binding: RateLimitBinding, periodSeconds: number): RateLimiter {
  return {
    hit: async (key) => ({ ok: (await binding.limit({ key })).success, retryAfter: periodSeconds }),
  };
}
