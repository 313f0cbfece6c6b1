/**
 * @module lru-map
 * A bounded map that forgets the least recently used entry first: by a number of entries (prepared
 * statements) or by bytes (kept documents and fragments, whose sizes differ by a factor of thousands).
 */

export interface LruLimits<V> {
  /** At most this many entries. */
  readonly entries?: number;
  /** At most this many bytes in all, as `sizeOf` counts them; an entry larger than the whole budget is not kept. */
  readonly bytes?: number;
  readonly sizeOf?: (value: V) => number;
}

/** A Map bounded by entries and/or bytes, dropping the least recently used. */
export class LruMap<V> {
  readonly #map = new Map<string, V>();
  readonly #entries: number;
  readonly #bytes: number;
  readonly #sizeOf: (value: V) => number;
  #used = 0;

  constructor(limits: LruLimits<V>) {
    this.#entries = limits.entries ?? Number.POSITIVE_INFINITY;
    this.#bytes = limits.bytes ?? Number.POSITIVE_INFINITY;
    this.#sizeOf = limits.sizeOf ?? (() => 0);
  }

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

  /** Whether a value is small enough to be kept at all (no larger than the whole byte budget). */
  accepts(value: V): boolean {
    return this.#sizeOf(value) <= this.#bytes;
  }

  /** Stores a value, dropping the oldest entries while over a limit. */
  set(key: string, value: V): void {
    this.delete(key);
    const size = this.#sizeOf(value);
    if (size > this.#bytes) return;
    this.#map.set(key, value);
    this.#used += size;
    while (this.#map.size > this.#entries || this.#used > this.#bytes) {
      const oldest = this.#map.keys().next().value as string;
      this.delete(oldest);
    }
  }

  /** Forgets a key. */
  delete(key: string): void {
    const value = this.#map.get(key);
    if (value === undefined) return;
    this.#map.delete(key);
    this.#used -= this.#sizeOf(value);
  }

  get size(): number {
    return this.#map.size;
  }

  /** The bytes held, as `sizeOf` counts them. */
  get bytes(): number {
    return this.#used;
  }
}
