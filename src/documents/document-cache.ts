/**
 * @module document-cache
 * The first level of the document pipeline, per app instance (a Node process, a Workers isolate): rendered
 * documents bounded by bytes, least recently used first out; the builds under way, so that two polls of one
 * document build it once; and the reference data of the current data version.
 */
import { LruMap } from '../core/lru-map.js';
import { documentBytes, type RenderedDocument } from './document.js';
import type { ReferenceData } from './reference-data.js';

/** Memory for documents when no setting says otherwise: comfortable in a 128 MB Workers isolate. */
export const DEFAULT_CACHE_BYTES = 32 * 1024 * 1024;

export interface DocumentCache {
  readonly documents: LruMap<RenderedDocument>;
  /** Builds under way by document key and stamp. */
  readonly building: Map<string, Promise<RenderedDocument>>;
  /** Compressions under way by document key and stamp: the complete document they give. */
  readonly completing: Map<string, Promise<RenderedDocument>>;
  /** Reference data (cities, source catalogue) of one data version. */
  reference?: { readonly version: number; readonly data: ReferenceData };
}

/** A fresh cache for one app instance, holding at most `bytes` of documents. */
export function createDocumentCache(bytes = DEFAULT_CACHE_BYTES): DocumentCache {
  return { documents: new LruMap({ bytes, sizeOf: documentBytes }), building: new Map(), completing: new Map() };
}

/** The bytes the cache holds, as it counts them. */
export function cachedBytes(cache: DocumentCache): number {
  return cache.documents.bytes;
}

/** The kept document under a key when it was built from this stamp, else undefined. */
export function keptDocument(cache: DocumentCache, key: string, stamp: string): RenderedDocument | undefined {
  const document = cache.documents.get(key);
  return document?.stamp === stamp ? document : undefined;
}
