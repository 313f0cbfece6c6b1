/**
 * @module rendering-cache
 * Renderings kept in memory per app instance: whole documents as bytes with their validators (so serving an
 * unchanged calendar re-encodes nothing and answers 304 without touching the body), and per-event VEVENT
 * fragments (so one changed event re-renders one fragment). Least recently used entries go first.
 */

/** A rendered document as served: bytes, a strong ETag known in advance, and Last-Modified. */
export interface Rendering {
  readonly body: Uint8Array;
  readonly etag: string;
  /** ISO-8601 UTC. */
  readonly lastModified: string;
}

/** A Map bounded to `max` entries, dropping the least recently used. */
export class LruMap<V> {
  readonly #map = new Map<string, V>();
  constructor(readonly max: number) {}

  /** The value for a key, marking it as used. */
  get(key: string): V | undefined {
    const value = this.#map.get(key);
    if (value !== undefined) {
      this.#map.delete(key);
      this.#map.set(key, value);
    }
    return value;
  }

  /** The value for a key without marking it as used (for scans over many keys). */
  peek(key: string): V | undefined {
    return this.#map.get(key);
  }

  /** Stores a value, dropping the oldest entry when full. */
  set(key: string, value: V): void {
    this.#map.delete(key);
    this.#map.set(key, value);
    if (this.#map.size > this.max) this.#map.delete(this.#map.keys().next().value as string);
  }

  get size(): number {
    return this.#map.size;
  }
}

/** A rendered VEVENT, encoded once, with the TZID it needs a VTIMEZONE for. */
export interface EncodedFragment {
  readonly bytes: Uint8Array;
  readonly tzid: string | null;
}

export interface RenderingCaches {
  /** Whole documents by request key, data version and day. */
  readonly documents: LruMap<Rendering>;
  /** VEVENT fragments by language, event id and revision. */
  readonly vevents: LruMap<EncodedFragment>;
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
