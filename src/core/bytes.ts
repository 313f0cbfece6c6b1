/**
 * @module bytes
 * UTF-8 bytes of documents, typed as what a Response body takes on both runtimes, and their SHA-256 digests.
 */

const encoder = new TextEncoder();

/**
 * The UTF-8 bytes of a text. TextEncoder always returns a fresh ArrayBuffer; Cloudflare's types declare the
 * wider ArrayBufferLike, which a Response body does not accept, hence the one narrowing here.
 */
export function encodeUtf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text) as Uint8Array<ArrayBuffer>;
}

/** One byte array holding the parts in order. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const body = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    body.set(part, offset);
    offset += part.byteLength;
  }
  return body;
}

/** The SHA-256 digest of bytes or of a text's UTF-8, as hex of its first `length` bytes (all 32 by default). */
export async function sha256Hex(data: string | Uint8Array<ArrayBuffer>, length = 32): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', typeof data === 'string' ? encodeUtf8(data) : data));
  return Array.from(digest.subarray(0, length), (b) => b.toString(16).padStart(2, '0')).join('');
}
