/**
 * @module bytes
 * UTF-8 bytes of documents, typed as what a Response body takes on both runtimes.
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
