/**
 * @module node
 * The embedded default: the app on @hono/node-server over a local SQLite file, migrated and seeded on start.
 * Settings: PORT (8787), DATABASE_PATH (data/isa-calendar.sqlite), PUBLIC_URL, UID_DOMAIN.
 */
import { mkdirSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { dirname, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { SEED_SET } from '../seeds/index.js';
import { isEntryPoint } from './cli/entry-point.js';
import { parseConfig } from './config.js';
import { utcDay } from './core/calendar/render-ics.js';
import { createApp } from './http/app.js';
import type { AppDeps, Clock } from './http/env.js';
import { refreshRenderings } from './http/refresh.js';
import { openSqliteStore, type SqliteStore } from './storage/dialects/sqlite.js';
import { applySeedSet } from './storage/seed.js';

export interface NodeServer {
  readonly url: string;
  readonly store: SqliteStore;
  readonly close: () => Promise<void>;
}

/** What a test may pass in instead of the real thing. */
export interface NodeServerOptions {
  readonly clock?: Clock;
}

/** Opens the database, loads the seeds once, and serves on 127.0.0.1 (or HOST). */
export async function startNodeServer(env: NodeJS.ProcessEnv = process.env, options: NodeServerOptions = {}): Promise<NodeServer> {
  const clock = options.clock ?? Date.now;
  const port = Number(env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`setting PORT: not a port number: ${env.PORT}`);
  const host = env.HOST ?? '127.0.0.1';
  const path = resolve(env.DATABASE_PATH ?? 'data/isa-calendar.sqlite');
  mkdirSync(dirname(path), { recursive: true });
  const store = openSqliteStore(path);
  await applySeedSet(store, SEED_SET, new Date(clock()).toISOString());
  // Settings are parsed once the port is known (PORT=0 picks a free one); no request comes before that.
  let deps: AppDeps | undefined;
  const app = createApp(() => {
    if (!deps) throw new Error('server not ready');
    return deps;
  });
  return new Promise((ready, failed) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
      try {
        const config = parseConfig({ ...env, PUBLIC_URL: env.PUBLIC_URL ?? `http://127.0.0.1:${info.port}` });
        // @hono/node-server passes the Node request as the app's bindings: its socket is the client.
        const clientAddress = (_request: Request, bindings: unknown) =>
          (bindings as { incoming?: IncomingMessage }).incoming?.socket.remoteAddress ?? 'unknown';
        deps = { store, clock, config, clientAddress };
      } catch (error) {
        server.close();
        failed(error);
        return;
      }
      // The daily refresh (as the Workers cron): when the UTC day changes, render the main documents ahead.
      let day = utcDay(clock());
      const timer = setInterval(() => {
        if (utcDay(clock()) === day) return;
        day = utcDay(clock());
        refreshRenderings((path) => Promise.resolve(app.request(path)), store, clock()).catch((error: unknown) =>
          console.error('refresh failed', error),
        );
      }, 600_000);
      timer.unref();
      ready({
        url: `http://${host}:${info.port}`,
        store,
        close: () =>
          new Promise<void>((done) => {
            clearInterval(timer);
            server.close(() => void store.close().then(done));
          }),
      });
    });
  });
}

if (isEntryPoint(import.meta.url)) {
  const server = await startNodeServer();
  console.log(`ISA calendar serving ${server.url} (database ${resolve(process.env.DATABASE_PATH ?? 'data/isa-calendar.sqlite')})`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
