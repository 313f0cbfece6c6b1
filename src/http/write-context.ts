/**
 * @module write-context
 * The one write path's context for a request (writing/write-event.ts): the request's deps and cache, and
 * `/healthz` told how each commit went.
 */
import type { Context } from 'hono';
import type { WriteContext } from '../writing/write-event.js';
import type { AppEnv } from './env.js';

/** The write context of a request. */
export function writeContextOf(c: Context<AppEnv>): WriteContext {
  return { deps: c.get('deps'), cache: c.get('cache'), onCommit: (failure) => c.get('writeHealth').record(failure) };
}
