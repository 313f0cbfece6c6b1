/**
 * @module document
 * A rendered document as it is served: its bodies in each content encoding, its validators, and the headers
 * that describe it. Built once per change (pipeline.ts) and served many times (src/http/serve-document.ts).
 */
import { sha256Hex } from '../core/bytes.js';
import { RENDER_VERSION } from './render-version.js';

/** Content codings (RFC 9110 §8.4.1): the body as rendered, gzip, brotli. */
export const ENCODINGS = ['identity', 'gzip', 'br'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** What a response says about a document besides its body and validators. */
export interface DocumentMeta {
  readonly contentType: string;
  readonly cacheControl: string;
  readonly disposition?: string;
  /** Headers every response of it carries (`Access-Control-Allow-Origin` of an embeddable feed). */
  readonly headers?: Readonly<Record<string, string>>;
  /** False for a document whose URL alone does not name it (a page in the language of Accept-Language). */
  readonly byUrl?: boolean;
}

export interface RenderedDocument {
  /** Identifies the document among all: its canonical path (resolved city, selection, language). */
  readonly key: string;
  /** What it was built from: render version, data version, UTC day, settings. */
  readonly stamp: string;
  /** The strong validator of the identity body (RFC 9110 §8.8.3); an encoded body's adds its coding. */
  readonly etag: string;
  /** ISO-8601 UTC. */
  readonly lastModified: string;
  readonly bodies: ReadonlyMap<Encoding, Uint8Array<ArrayBuffer>>;
  readonly meta: DocumentMeta;
}

/**
 * The validator of a body: the render version and a digest of the bytes, so it changes exactly when the bytes
 * do — an unrelated write leaves a city's calendar its ETag — and never survives a deploy that changes output.
 */
export async function bodyEtag(body: Uint8Array<ArrayBuffer>): Promise<string> {
  return `"${RENDER_VERSION}-${await sha256Hex(body, 12)}"`;
}

/** The validator of a body determined by a text (what it shows and how it is rendered): no digest of the bytes. */
export async function textEtag(text: string): Promise<string> {
  return `"${RENDER_VERSION}-${await sha256Hex(text, 12)}"`;
}

/** The validator of one encoding of a document: a compressed and a plain body never share one. */
export function encodedEtag(etag: string, encoding: Encoding): string {
  return encoding === 'identity' ? etag : `${etag.slice(0, -1)}-${encoding}"`;
}

/** The bytes a document holds in memory, as a cache counts them. */
export function documentBytes(document: RenderedDocument): number {
  let bytes = document.key.length + document.stamp.length + 256;
  for (const body of document.bodies.values()) bytes += body.byteLength;
  return bytes;
}
