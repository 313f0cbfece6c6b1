/**
 * @module lru-map
 * A bounded map that forgets the least recently used entry first; kept renderings and prepared statements use it.
 */

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
