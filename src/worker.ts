/**
 * @module worker
 * Cloudflare Workers entry: the same app over D1 (binding DB). PUBLIC_URL and UID_DOMAIN are required
 * settings here. The seed set is loaded into an empty database on the first request of an isolate.
 */
import type { D1Database, ExecutionContext, ScheduledController } from '@cloudflare/workers-types';
import { SEED_SET } from '../seeds/index.js';
import { parseConfig } from './config.js';
import { createApp } from './http/app.js';
import type { AppDeps, Clock } from './http/env.js';
import { refreshRenderings } from './http/refresh.js';
import { CACHED_DOCUMENT, edgeCached } from './runtime/workers/edge-cache.js';
import { createD1Store } from './storage/dialects/d1.js';
import { applySeedSet } from './storage/seed.js';

export interface Env {
  readonly DB: D1Database;
  readonly PUBLIC_URL: string;
  readonly UID_DOMAIN: string;
  /** Secrets (`wrangler secret put`): one token, or `label=token` pairs; none → writes are disabled. */
  readonly ADMIN_TOKEN?: string;
  readonly ADMIN_TOKENS?: string;
  /**
   * Tests only, never set in production: an RFC 3339 instant the clock stands at, so time-dependent tests in
   * workerd are deterministic (a test passes its own env to move it). A binding, never a request header.
   */
  readonly TEST_CLOCK?: string;
}

/** The real clock, or the instant of the TEST_CLOCK binding. */
function clockOf(env: Env): Clock {
  if (env.TEST_CLOCK === undefined) return Date.now;
  const instant = Date.parse(env.TEST_CLOCK);
  if (Number.isNaN(instant)) throw new Error('setting TEST_CLOCK: not an RFC 3339 instant');
  return () => instant;
}

// Per isolate: the deps for one D1 binding, built (and seeded) once. Bindings are stable for an isolate.
let ready: { binding: D1Database; deps: Promise<Omit<AppDeps, 'clock'>> } | undefined;

async function depsFor(env: Env): Promise<AppDeps> {
  const clock = clockOf(env);
  if (ready?.binding !== env.DB) {
    const deps = (async () => {
      if (!env.UID_DOMAIN) throw new Error('setting UID_DOMAIN is required on Workers');
      const store = createD1Store(env.DB);
      await applySeedSet(store, SEED_SET, new Date(clock()).toISOString());
      // Cloudflare sets CF-Connecting-IP at its edge; a client cannot forge it.
      const clientAddress = (request: Request) => request.headers.get('CF-Connecting-IP') ?? 'unknown';
      return { store, config: parseConfig(env), clientAddress };
    })();
    // A failed start is retried on the next request rather than cached.
    deps.catch(() => {
      ready = undefined;
    });
    ready = { binding: env.DB, deps };
  }
  return { ...(await ready.deps), clock };
}

const app = createApp((env) => depsFor(env as Env));

async function fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
  const { pathname } = new URL(request.url);
  if ((request.method === 'GET' || request.method === 'HEAD') && CACHED_DOCUMENT.test(pathname)) {
    const deps = await depsFor(env);
    const { version } = await deps.store.dataVersion();
    return edgeCached(
      request,
      caches.default,
      version,
      deps.clock(),
      (r) => Promise.resolve(app.fetch(r, env, ctx)),
      (p) => ctx.waitUntil(p),
    );
  }
  return app.fetch(request, env, ctx);
}

export default {
  fetch,
  /** The daily cron (wrangler.toml): renders the main documents for the new day and prunes old counters. */
  async scheduled(_controller: ScheduledController, env: Env, ctx: ExecutionContext): Promise<void> {
    const deps = await depsFor(env);
    const origin = deps.config.publicUrl;
    await refreshRenderings((path) => fetch(new Request(`${origin}${path}`), env, ctx), deps.store, deps.clock());
  },
};
