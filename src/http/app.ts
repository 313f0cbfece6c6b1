/**
 * @module app
 * `createApp(getDeps)`: the one Hono app both runtimes serve. Dependencies (storage, clock, settings) are
 * passed in by the entry point and set on each request; the router is built once.
 */
import { Hono } from 'hono';
import { createDocumentCache, type DocumentCache } from '../documents/document-cache.js';
import type { AppDeps, AppEnv, RequestDeps } from './env.js';
import { ApiError, errorResponse, handleError } from './errors.js';
import { DEFAULT_LIMITS, memoryLimiters } from './rate-limit.js';
import { readCors } from './read-cors.js';
import { agendaRoutes } from './routes/agenda-pages.js';
import { apiDocsRoutes } from './routes/api-docs.js';
import { calendarsRoutes } from './routes/calendars.js';
import { changesRoutes } from './routes/changes.js';
import { citiesRoutes } from './routes/cities.js';
import { editorRoutes } from './routes/editor.js';
import { editorCitiesRoutes } from './routes/editor-cities.js';
import { editorEventsRoutes } from './routes/editor-events.js';
import { editorImportRoutes } from './routes/editor-import.js';
import { editorProposalsRoutes } from './routes/editor-proposals.js';
import { embedRoutes } from './routes/embed-pages.js';
import { eventWritesRoutes } from './routes/event-writes.js';
import { eventsRoutes } from './routes/events.js';
import { feedsRoutes } from './routes/feeds.js';
import { healthRoutes } from './routes/health.js';
import { holidaysRoutes } from './routes/holidays.js';
import { importsRoutes } from './routes/imports.js';
import { membersRoutes } from './routes/members-page.js';
import { monthRoutes } from './routes/month-pages.js';
import { openApiRoutes } from './routes/openapi.js';
import { pagesRoutes } from './routes/pages.js';
import { proposalsRoutes } from './routes/proposals.js';
import { searchRoutes } from './routes/search-page.js';
import { sourcesRoutes } from './routes/sources.js';
import { createDocumentUrls, keptAnswer } from './serve-documents.js';
import { createWriteHealth } from './write-health.js';

/**
 * Builds the app; `getDeps` receives the runtime's bindings (Workers `env`, or nothing on Node). Kept
 * documents live as long as the app instance (a Node process, a Workers isolate).
 */
export function createApp(
  getDeps: (env: unknown) => AppDeps | Promise<AppDeps>,
  cache: DocumentCache = createDocumentCache(),
): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // Per app instance: what it counts when the runtime gives no limiters, and how its writes went.
  const ownLimiters = memoryLimiters(DEFAULT_LIMITS, () => Date.now());
  const writeHealth = createWriteHealth();
  const urls = createDocumentUrls();
  app.use(async (c, next) => {
    const deps = await getDeps(c.env);
    c.set('deps', deps.limiters ? (deps as RequestDeps) : { ...deps, limiters: ownLimiters });
    c.set('cache', cache);
    c.set('writeHealth', writeHealth);
    c.set('urls', urls);
    await next();
  });
  app.use('/api/*', readCors);
  for (const routes of [
    healthRoutes,
    citiesRoutes,
    eventsRoutes,
    sourcesRoutes,
    eventWritesRoutes,
    proposalsRoutes,
    importsRoutes,
    calendarsRoutes,
    holidaysRoutes,
    feedsRoutes,
    changesRoutes,
    openApiRoutes,
    apiDocsRoutes,
    // The editor's guard (editor-session.ts) is registered with editorRoutes, so it comes first.
    editorRoutes,
    editorEventsRoutes,
    editorProposalsRoutes,
    editorImportRoutes,
    editorCitiesRoutes,
    monthRoutes,
    agendaRoutes,
    searchRoutes,
    embedRoutes,
    membersRoutes,
    pagesRoutes,
  ])
    app.route('/', routes);
  app.notFound((c) => errorResponse(c, new ApiError('not_found', `nothing at ${new URL(c.req.url).pathname}`)));
  app.onError(handleError);
  // Polls of a URL served before skip the router: most requests of a calendar service are such polls.
  const route = app.fetch;
  app.fetch = async (request, env, executionCtx) => {
    if (request.method === 'GET' || request.method === 'HEAD') {
      try {
        const kept = await keptAnswer(request, () => getDeps(env), cache, urls);
        if (kept) return kept;
      } catch {
        // Whatever failed (settings, the database) fails again on the routed way, which answers it properly.
      }
    }
    return route(request, env, executionCtx);
  };
  return app;
}
