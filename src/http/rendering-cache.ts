/**
 * @module rendering-cache
 * Renderings kept in memory per app instance: whole documents as bytes with their validators (so serving an
 * unchanged calendar re-encodes nothing and answers 304 without touching the body), and per-event VEVENT
 * fragments (so one changed event re-renders one fragment). Least recently used entries go first.
 */
import { LruMap } from '../core/lru-map.js';
import type { ReferenceData } from './reference-data.js';

/** A rendered document as served: bytes, a strong ETag known in advance, and Last-Modified. */
export interface Rendering {
  readonly body: Uint8Array<ArrayBuffer>;
  readonly etag: string;
  /** ISO-8601 UTC. */
  readonly lastModified: string;
}

/** A rendered VEVENT, encoded once, with the TZID it needs a VTIMEZONE for. */
export interface EncodedFragment {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly tzid: string | null;
}

export interface RenderingCaches {
  /** Whole documents by request key, data version and day. */
  readonly documents: LruMap<Rendering>;
  /** VEVENT fragments by language, event id and revision. */
  readonly vevents: LruMap<EncodedFragment>;
  /** Reference data (the source catalogue) of one data version. */
  reference?: { readonly version: number; readonly data: ReferenceData };
}

/** Fresh caches for one app instance. */
export function createRenderingCaches(): RenderingCaches {
  return { documents: new LruMap(512), vevents: new LruMap(100_000) };
}

/** A short, stable hash (FNV-1a, 32 bit, base 36) for cache keys and ETags; not for security. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}
