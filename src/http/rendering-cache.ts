/**
 * @module rendering-cache
 * Renderings kept in memory per app instance, bounded by bytes: whole documents with their validators (so
 * serving an unchanged calendar re-encodes nothing and answers 304 without touching the body), and per-event
 * VEVENT fragments (so one changed event re-renders one fragment). Least recently used entries go first.
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

/** A rendered VEVENT, encoded once, with the TZID it needs a VTIMEZONE for; empty for an event left out. */
export interface EncodedFragment {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly tzid: string | null;
}

export interface RenderingCaches {
  /** Whole documents by render version, document key, data version and day. */
  readonly documents: LruMap<Rendering>;
  /** VEVENT fragments by language, reference data, event id and revision. */
  readonly vevents: LruMap<EncodedFragment>;
  /** Reference data (cities, source catalogue) of one data version. */
  reference?: { readonly version: number; readonly data: ReferenceData };
}

/** Memory for kept renderings when no setting says otherwise: comfortable in a 128 MB Workers isolate. */
export const DEFAULT_CACHE_BYTES = 32 * 1024 * 1024;

/** What an entry costs besides its bytes: the key, the object, the map slot. */
const ENTRY_OVERHEAD = 256;

/** Fresh caches for one app instance, sharing `bytes` between documents and fragments. */
export function createRenderingCaches(bytes = DEFAULT_CACHE_BYTES): RenderingCaches {
  return {
    documents: new LruMap({ bytes: bytes / 2, sizeOf: (r) => r.body.byteLength + r.etag.length + ENTRY_OVERHEAD }),
    vevents: new LruMap({ bytes: bytes / 2, sizeOf: (f) => f.bytes.byteLength + ENTRY_OVERHEAD }),
  };
}

/** The bytes the caches hold, as they count them. */
export function cachedBytes(caches: RenderingCaches): number {
  return caches.documents.bytes + caches.vevents.bytes;
}

/** A short, stable hash (FNV-1a, 32 bit, base 36) for cache keys; not for security. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}
