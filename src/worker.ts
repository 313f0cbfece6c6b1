/**
 * @module worker
 * Cloudflare Workers entry: the same app over D1 (binding DB). PUBLIC_URL and UID_DOMAIN are required
 * settings here; a setting that cannot be used answers `503 misconfigured` naming it. The seed set is not in
 * the bundle: `npm run worker:seed` loads it into D1 (src/cli/worker-seed.ts). Kept documents have a second
 * level in the Cache API of the data centre and a third in D1; reads use D1 sessions (replicas near the reader,
 * bookmarks for reading one's writes); write limits use Cloudflare's rate-limiting bindings.
 */
import type { D1Database, D1DatabaseSession, ExecutionContext, ScheduledController } from '@cloudflare/workers-types';
import { parseConfig, SettingError } from './config.js';
import { createDocumentCache } from './documents/document-cache.js';
import { refreshStaleFragments } from './documents/fragments.js';
import { createApp } from './http/app.js';
import type { AppDeps, Clock } from './http/env.js';
import type { Limiters } from './http/rate-limit.js';
import { refreshRenderings } from './http/refresh.js';
import { bindingLimiter, type RateLimitBinding } from './runtime/workers/binding-limiter.js';
import { sessionFor, withBookmark } from './runtime/workers/d1-sessions.js';
import { sharedDocuments } from './runtime/workers/shared-documents.js';
import { createD1Store } from './storage/dialects/d1.js';

export interface Env {
  readonly DB: D1Database;
  readonly PUBLIC_URL: string;
  readonly UID_DOMAIN: string;
  /** Secrets (`wrangler secret put`): one token, or `label=token` pairs; none → writes are disabled. */
  readonly ADMIN_TOKEN?: string;
  readonly ADMIN_TOKENS?: string;
  /** Origins besides PUBLIC_URL's whose pages may write from a browser, comma-separated. */
  readonly WRITE_ORIGINS?: string;
  /** wrangler.toml `[[ratelimits]]`: failed authentications per client address, and writes per token. */
  readonly AUTH_FAILURE_LIMITER?: RateLimitBinding;
  readonly WRITE_LIMITER?: RateLimitBinding;
  /**
   * Tests only, never set in production: an RFC 3339 instant the clock stands at, so time-dependent tests in
   * workerd are deterministic (a test passes its own env to move it). A binding, never a request header.
   */
  readonly TEST_CLOCK?: string;
}

/** The window of both rate-limiting bindings (wrangler.toml `period`). */
const LIMIT_PERIOD_SECONDS = 60;

/** The real clock, or the instant of the TEST_CLOCK binding. */
function clockOf(env: Env): Clock {
  if (env.TEST_CLOCK === undefined) return Date.now;
  const instant = Date.parse(env.TEST_CLOCK);
  if (Number.isNaN(instant)) throw new SettingError('TEST_CLOCK', 'not an RFC 3339 instant');
  return () => instant;
}

/** The rate-limiting bindings as limiters; writes cannot be limited (and are refused) without them. */
function limitersOf(env: Env): Limiters {
  const missing = (name: string) => ({
    hit: () => Promise.reject(new SettingError(name, 'the rate-limiting binding is missing (wrangler.toml [[ratelimits]])')),
  });
  return {
    failedAuth: env.AUTH_FAILURE_LIMITER ? bindingLimiter(env.AUTH_FAILURE_LIMITER, LIMIT_PERIOD_SECONDS) : missing('AUTH_FAILURE_LIMITER'),
    writes: env.WRITE_LIMITER ? bindingLimiter(env.WRITE_LIMITER, LIMIT_PERIOD_SECONDS) : missing('WRITE_LIMITER'),
  };
}

type IsolateDeps = Pick<AppDeps, 'config' | 'clientAddress'>;

// Per isolate: the deps of its bindings, built (settings checked) once per database binding and
// settings (which are stable for an isolate; a test may pass others).
let ready: { binding: D1Database; settings: string; deps: Promise<IsolateDeps> } | undefined;

/** The settings an isolate's deps are built from, as one string. */
const settingsOf = (env: Env) => JSON.stringify([env.PUBLIC_URL, env.UID_DOMAIN, env.ADMIN_TOKEN, env.ADMIN_TOKENS, env.WRITE_ORIGINS]);

/**
 * The deps of one request: the isolate's, plus its clock, limiters, the data centre's document cache, and a
 * store over the request's D1 session (or the database, for work outside a request).
 */
async function depsFor(env: Env, ctx: ExecutionContext | undefined, session: D1Database | D1DatabaseSession = env.DB): Promise<AppDeps> {
  const clock = clockOf(env);
  const settings = settingsOf(env);
  if (ready?.binding !== env.DB || ready.settings !== settings) {
    const deps = (async () => {
      if (!env.UID_DOMAIN) throw new SettingError('UID_DOMAIN', 'is required on Workers');
      const config = parseConfig(env);
      // Cloudflare sets CF-Connecting-IP at its edge; a client cannot forge it.
      const clientAddress = (request: Request) => request.headers.get('CF-Connecting-IP') ?? 'unknown';
      return { config, clientAddress };
    })();
    // A failed start is retried on the next request rather than cached.
    deps.catch(() => {
      ready = undefined;
    });
    ready = { binding: env.DB, settings, deps };
  }
  return {
    ...(await ready.deps),
    store: createD1Store(session),
    clock,
    limiters: limitersOf(env),
    ...(ctx && {
      sharedDocuments: sharedDocuments(caches.default, (p) => ctx.waitUntil(p)),
      background: (task: Promise<unknown>) => ctx.waitUntil(task),
    }),
  };
}

// The runtime passes the bindings and the execution context of each request through to getDeps.
const cache = createDocumentCache();
const app = createApp((bindings) => {
  const { env, ctx, session } = bindings as { env: Env; ctx: ExecutionContext; session: D1DatabaseSession };
  return depsFor(env, ctx, session);
}, cache);

async function fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
  const session = sessionFor(env.DB, request);
  return withBookmark(await app.fetch(request, { env, ctx, session }), session);
}

export default {
  fetch,
  /** The daily cron (wrangler.toml): renders the main documents for the new day. */
  async scheduled(_controller: ScheduledController, env: Env, ctx: ExecutionContext): Promise<void> {
    const deps = await depsFor(env, ctx);
    const origin = deps.config.publicUrl;
    await refreshStaleFragments(deps, cache);
    await refreshRenderings((path) => fetch(new Request(`${origin}${path}`), env, ctx));
  },
};
