/**
 * @module kept-documents
 * Documents (calendars, feeds, OPML) kept as bytes under the render version, their document key, the data
 * version and the UTC day: a poll of an unchanged document costs one data-version read, and its ETag is known
 * in advance. On Workers a second level, shared by the isolates of a data centre (the Cache API), sits behind
 * the memory of this instance.
 */
import { utcDay } from '../core/calendar/render-ics.js';
import type { AppDeps } from './env.js';
import { RENDER_VERSION } from './render-version.js';
import type { Rendering, RenderingCaches } from './rendering-cache.js';

/** What a document may depend on besides its request: the data and the date. */
export interface DocumentState {
  readonly version: number;
  /** When the data last changed (ISO). */
  readonly changedAt: string;
  /** The UTC day (ms at 00:00Z) the document is built for. */
  readonly day: number;
}

export interface KeptDocumentRequest {
  /** Identifies the document among all: canonical path (resolved city, canonical kinds, language, format). */
  readonly key: string;
  readonly build: (state: DocumentState) => Promise<{ readonly body: Uint8Array<ArrayBuffer>; readonly lastModified: number }>;
}

/** Documents kept beyond this instance (Workers: the data centre's Cache API); `put` may finish after the answer. */
export interface SharedDocuments {
  readonly get: (key: string) => Promise<Rendering | null>;
  readonly put: (key: string, rendering: Rendering) => void;
}

/**
 * The strong validator of a body (RFC 9110 §8.8.3): the render version and a digest of the bytes, so it
 * changes exactly when the bytes do — an unrelated write leaves a city's calendar its ETag — and never
 * survives a deploy that changes the output.
 */
export async function bodyEtag(body: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', body));
  const hex = Array.from(digest.subarray(0, 12), (b) => b.toString(16).padStart(2, '0')).join('');
  return `"${RENDER_VERSION}-${hex}"`;
}

/** The kept document when the data version and day are unchanged, else built now and kept. */
export async function keptDocument(deps: AppDeps, caches: RenderingCaches, request: KeptDocumentRequest): Promise<Rendering> {
  const [{ version, changedAt }, day] = [await deps.store.dataVersion(), utcDay(deps.clock())];
  const documentKey = `${RENDER_VERSION}|${request.key}|${version}|${day}`;
  const kept = caches.documents.get(documentKey) ?? (await deps.sharedDocuments?.get(documentKey));
  if (kept) {
    caches.documents.set(documentKey, kept);
    return kept;
  }
  const { body, lastModified } = await request.build({ version, changedAt, day });
  const rendering: Rendering = { body, etag: await bodyEtag(body), lastModified: new Date(lastModified).toISOString() };
  caches.documents.set(documentKey, rendering);
  deps.sharedDocuments?.put(documentKey, rendering);
  return rendering;
}
