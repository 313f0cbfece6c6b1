/**
 * @module env
 * What every request handler gets: storage, clock, settings and the runtime's parts, set once per request by
 * createApp.
 */
import type { LegacyDecoder } from '../core/import/csv-items.js';
import type { DocumentDeps } from '../documents/deps.js';
import type { DocumentCache } from '../documents/document-cache.js';
import type { DocumentState } from '../documents/pipeline.js';
import type { Limiters } from './rate-limit.js';
import type { WriteHealth } from './write-health.js';

export type { Clock } from '../documents/deps.js';

export interface AppDeps extends DocumentDeps {
  /** New event ids; `crypto.randomUUID` unless a test passes its own. */
  readonly newId?: () => string;
  /**
   * The client's network address, for rate limits, from what the runtime knows for certain (the socket on
   * Node, Cloudflare's CF-Connecting-IP on Workers) — never from a header a client could set itself.
   */
  readonly clientAddress?: (request: Request, bindings: unknown) => string;
  /** Decodes spreadsheets in legacy encodings; the runtime's TextDecoder unless given (Node's is wrong). */
  readonly decodeLegacy?: LegacyDecoder;
  /** The runtime's write limits; without them the app counts in its own memory (rate-limit.ts). */
  readonly limiters?: Limiters;
}

/** The deps as handlers see them: with limiters. */
export type RequestDeps = AppDeps & { readonly limiters: Limiters };

export interface AppEnv {
  Variables: { deps: RequestDeps; cache: DocumentCache; writeHealth: WriteHealth; urls: DocumentUrls; state?: DocumentState };
}

/** Which document each URL served last, so that a poll of it is answered without parsing the URL again. */
export interface DocumentUrls {
  readonly get: (url: string) => string | undefined;
  readonly set: (url: string, key: string) => void;
}
