/**
 * @module app
 * `createApp(getDeps)`: the one Hono app both runtimes serve. Dependencies (storage, clock, settings) are
 * passed in by the entry point and set on each request; the router is built once.
 */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { AppDeps, AppEnv } from './env.js';
import { ApiError, errorResponse, handleError } from './errors.js';
import { createRenderingCaches, type RenderingCaches } from './rendering-cache.js';
import { apiDocsRoutes } from './routes/api-docs.js';
import { calendarsRoutes } from './routes/calendars.js';
import { changesRoutes } from './routes/changes.js';
import { citiesRoutes } from './routes/cities.js';
import { eventWritesRoutes } from './routes/event-writes.js';
import { eventsRoutes } from './routes/events.js';
import { feedsRoutes } from './routes/feeds.js';
import { healthRoutes } from './routes/health.js';
import { openApiRoutes } from './routes/openapi.js';
import { pagesRoutes } from './routes/pages.js';
import { sourcesRoutes } from './routes/sources.js';

/**
 * Builds the app; `getDeps` receives the runtime's bindings (Workers `env`, or nothing on Node). Kept
 * renderings live as long as the app instance (a Node process, a Workers isolate).
 */
export function createApp(
  getDeps: (env: unknown) => AppDeps | Promise<AppDeps>,
  caches: RenderingCaches = createRenderingCaches(),
): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('deps', await getDeps(c.env));
    c.set('caches', caches);
    await next();
  });
  // Read-only resources may be embedded anywhere (interface.md: CORS open for GET).
  app.use('/api/*', cors({ origin: '*', allowMethods: ['GET', 'HEAD'], exposeHeaders: ['ETag', 'Location'] }));
  for (const routes of [
    healthRoutes,
    citiesRoutes,
    eventsRoutes,
    sourcesRoutes,
    eventWritesRoutes,
    calendarsRoutes,
    feedsRoutes,
    changesRoutes,
    openApiRoutes,
    apiDocsRoutes,
    pagesRoutes,
  ])
    app.route('/', routes);
  app.notFound((c) => errorResponse(c, new ApiError('not_found', `nothing at ${new URL(c.req.url).pathname}`)));
  app.onError(handleError);
  return app;
}
