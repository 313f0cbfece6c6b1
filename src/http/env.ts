/**
 * @module env
 * What every request handler gets: storage, clock and settings, set once per request by createApp.
 */
import type { Config } from '../config.js';
import type { Store } from '../storage/store.js';
import type { RenderingCaches } from './rendering-cache.js';

/** A clock: ms since the epoch. Entry points pass `Date.now`, tests a fixed value. */
export type Clock = () => number;

export interface AppDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly config: Config;
  /** New event ids; `crypto.randomUUID` unless a test passes its own. */
  readonly newId?: () => string;
  /**
   * The client's network address, for rate limits, from what the runtime knows for certain (the socket on
   * Node, Cloudflare's CF-Connecting-IP on Workers) — never from a header a client could set itself.
   */
  readonly clientAddress?: (request: Request, bindings: unknown) => string;
}

export interface AppEnv {
  Variables: { deps: AppDeps; caches: RenderingCaches };
}
