/**
 * @module node
 * The embedded default: the app on @hono/node-server over a local SQLite file, migrated and seeded on start.
 * Settings (environment): PORT (8787), HOST (127.0.0.1), DATABASE_PATH (data/isa-calendar.sqlite), PUBLIC_URL,
 * UID_DOMAIN, ADMIN_TOKEN / ADMIN_TOKENS, WRITE_ORIGINS, OPERATOR_NAME / OPERATOR_ADDRESS / OPERATOR_EMAIL (the
 * imprint), WRITE_RATE_LIMIT and AUTH_FAILURE_LIMIT (per minute),
 * CACHE_MEMORY_MB. Every setting is checked before anything is served; a setting or a database file that cannot
 * be used stops the start with one line naming it.
 */
import { mkdirSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { dirname, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { SEED_SET } from '../seeds/index.js';
import { isEntryPoint } from './cli/entry-point.js';
import { numberSetting, parseConfig, SettingError } from './config.js';
import { utcDay } from './core/calendar/render-ics.js';
import { cachedBytes, createDocumentCache, DEFAULT_CACHE_BYTES } from './documents/document-cache.js';
import { refreshStaleFragments } from './documents/fragments.js';
import { createApp } from './http/app.js';
import type { AppDeps, Clock } from './http/env.js';
import { DEFAULT_LIMITS, memoryLimiters } from './http/rate-limit.js';
import { refreshRenderings } from './http/refresh.js';
import { nodeCompressor } from './runtime/node/compression.js';
import { nodeLegacyDecoder } from './runtime/node/legacy-decoder.js';
import { DatabaseFileError, openSqliteStore, type SqliteStore } from './storage/dialects/sqlite.js';
import { applySeedSet, describeSeedReport } from './storage/seed.js';

export interface NodeServer {
  readonly url: string;
  readonly store: SqliteStore;
  /** The bytes the kept renderings hold, and their budget (CACHE_MEMORY_MB). */
  readonly cache: () => { readonly bytes: number; readonly budget: number };
  readonly close: () => Promise<void>;
}

/** What a test may pass in instead of the real thing. */
export interface NodeServerOptions {
  readonly clock?: Clock;
}

/** The port to listen on (0 picks a free one). */
function portOf(env: NodeJS.ProcessEnv): number {
  return numberSetting(env, 'PORT', 8787, 0, 65535);
}

/** Opens the database, loads the seeds once, and serves on 127.0.0.1 (or HOST). */
export async function startNodeServer(env: NodeJS.ProcessEnv = process.env, options: NodeServerOptions = {}): Promise<NodeServer> {
  const clock = options.clock ?? Date.now;
  const port = portOf(env);
  const host = env.HOST || '127.0.0.1';
  // Checked before anything is opened or served; PUBLIC_URL is completed once the port is known.
  parseConfig({ ...env, PUBLIC_URL: env.PUBLIC_URL || `http://127.0.0.1:${port || 8787}` });
  const limits = {
    failedAuth: numberSetting(env, 'AUTH_FAILURE_LIMIT', DEFAULT_LIMITS.failedAuth, 1, 1_000_000),
    writes: numberSetting(env, 'WRITE_RATE_LIMIT', DEFAULT_LIMITS.writes, 1, 1_000_000),
  };
  const cacheBytes = numberSetting(env, 'CACHE_MEMORY_MB', DEFAULT_CACHE_BYTES / 1024 / 1024, 1, 65_536) * 1024 * 1024;
  const path = resolve(env.DATABASE_PATH || 'data/isa-calendar.sqlite');
  mkdirSync(dirname(path), { recursive: true });
  const store = openSqliteStore(path);
  for (const line of describeSeedReport(await applySeedSet(store, SEED_SET, new Date(clock()).toISOString()))) console.log(line);
  // Requests come only after listen() has called back, when the deps are complete.
  let deps: AppDeps | undefined;
  const cache = createDocumentCache(cacheBytes);
  // Work after an answer (compressing and storing documents): awaited before the file is closed.
  const pending = new Set<Promise<unknown>>();
  const background = (task: Promise<unknown>) => {
    const logged = task.catch((error: unknown) => console.error('background work failed:', error));
    pending.add(logged);
    void logged.finally(() => pending.delete(logged));
  };
  const app = createApp(() => {
    if (!deps) throw new Error('server not ready');
    return deps;
  }, cache);
  return new Promise((ready, failed) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
      const config = parseConfig({ ...env, PUBLIC_URL: env.PUBLIC_URL || `http://127.0.0.1:${info.port}` });
      // @hono/node-server passes the Node request as the app's bindings: its socket is the client.
      const clientAddress = (_request: Request, bindings: unknown) =>
        (bindings as { incoming?: IncomingMessage }).incoming?.socket.remoteAddress ?? 'unknown';
      deps = {
        store,
        clock,
        config,
        clientAddress,
        limiters: memoryLimiters(limits, clock),
        compressor: nodeCompressor,
        decodeLegacy: nodeLegacyDecoder,
        background,
        yieldToOthers: () => new Promise((resume) => setImmediate(resume)),
      };
      // Fragments the seeds or a deploy left unrendered, rendered in slices between requests.
      background(refreshStaleFragments(deps, cache));
      // The daily refresh (as the Workers cron): when the UTC day changes, render the main documents ahead.
      let day = utcDay(clock());
      const timer = setInterval(() => {
        if (utcDay(clock()) === day) return;
        day = utcDay(clock());
        refreshRenderings((path) => Promise.resolve(app.request(path))).catch((error: unknown) => console.error('refresh failed', error));
      }, 600_000);
      timer.unref();
      ready({
        url: `http://${host}:${info.port}`,
        store,
        cache: () => ({ bytes: cachedBytes(cache), budget: cacheBytes }),
        close: () =>
          new Promise<void>((done) => {
            clearInterval(timer);
            server.close(() => void Promise.allSettled([...pending]).then(() => store.close().then(done)));
          }),
      });
    });
    server.once('error', (error) => {
      void store.close();
      failed(error);
    });
  });
}

/** `npm start`: serves until SIGINT or SIGTERM; a setting or database file that cannot be used ends it with one line. */
export async function main(): Promise<void> {
  try {
    const server = await startNodeServer();
    console.log(`ISA calendar serving ${server.url} (database ${resolve(process.env.DATABASE_PATH || 'data/isa-calendar.sqlite')})`);
    const stop = () => void server.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (error) {
    // A setting or a database file that cannot be used: one line naming it, no stack trace.
    if (!(error instanceof SettingError || error instanceof DatabaseFileError)) throw error;
    console.error(`isa-calendar: ${error.message}`);
    process.exit(1);
  }
}

if (isEntryPoint(import.meta.url)) await main();
