/**
 * @module short-hash
 * A short, stable hash (FNV-1a, 32 bit, base 36) for keys and stamps; not for security or validators.
 */

/** The hash of a text. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}
