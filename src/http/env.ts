/**
 * @module env
 * What every request handler gets: storage, clock and settings, set once per request by createApp.
 */
import type { Config } from '../config.js';
import type { Store } from '../storage/store.js';
import type { SharedDocuments } from './kept-documents.js';
import type { Limiters } from './rate-limit.js';
import type { RenderingCaches } from './rendering-cache.js';
import type { WriteHealth } from './write-health.js';

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
  /** A second level for kept documents, shared beyond this instance (Workers: the Cache API of the data centre). */
  readonly sharedDocuments?: SharedDocuments;
  /** The runtime's write limits; without them the app counts in its own memory (rate-limit.ts). */
  readonly limiters?: Limiters;
}

/** The deps as handlers see them: with limiters. */
export type RequestDeps = AppDeps & { readonly limiters: Limiters };

export interface AppEnv {
  Variables: { deps: RequestDeps; caches: RenderingCaches; writeHealth: WriteHealth };
}
