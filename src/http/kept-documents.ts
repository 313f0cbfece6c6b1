/**
 * @module kept-documents
 * Documents (calendars, feeds, OPML) kept as bytes under their request key, the data version and the UTC
 * day: a poll of an unchanged document costs one data-version read, and its ETag is known in advance.
 */
import { utcDay } from '../core/calendar/render-ics.js';
import type { AppDeps } from './env.js';
import { type Rendering, type RenderingCaches, shortHash } from './rendering-cache.js';

/** What a document may depend on besides its request: the data and the date. */
export interface DocumentState {
  readonly version: number;
  /** When the data last changed (ISO). */
  readonly changedAt: string;
  /** The UTC day (ms at 00:00Z) the document is built for. */
  readonly day: number;
}

export interface KeptDocumentRequest {
  /** Identifies the document: path plus the parameters that shape it. */
  readonly key: string;
  /** Names the renderer and its version, so validators change when the code writes differently. */
  readonly renderer: string;
  readonly build: (state: DocumentState) => Promise<{ readonly body: Uint8Array<ArrayBuffer>; readonly lastModified: number }>;
}

/** The kept document when the data version and day are unchanged, else built now and kept. */
export async function keptDocument(deps: AppDeps, caches: RenderingCaches, request: KeptDocumentRequest): Promise<Rendering> {
  const [{ version, changedAt }, day] = [await deps.store.dataVersion(), utcDay(deps.clock())];
  const documentKey = `${request.key}|${version}|${day}`;
  const kept = caches.documents.get(documentKey);
  if (kept) return kept;
  const { body, lastModified } = await request.build({ version, changedAt, day });
  const { publicUrl, uidDomain } = deps.config;
  const rendering: Rendering = {
    body,
    // Strong: the bytes are a function of the data version, the day, the request, the renderer and the settings.
    etag: `"${version}-${day / 86_400_000}-${shortHash(`${request.renderer}|${request.key}|${publicUrl}|${uidDomain}`)}"`,
    lastModified: new Date(lastModified).toISOString(),
  };
  caches.documents.set(documentKey, rendering);
  return rendering;
}
