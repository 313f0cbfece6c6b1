/**
 * @module pipeline
 * The one way a document is had: from memory when it was built from the current stamp; else from the data
 * centre's cache (Workers) or the database, where an earlier build stored it; else built once — concurrent
 * requests share the build — and compressed, then stored in the background, so that no later request, no
 * restart and no new isolate builds it again until the data or the day changes.
 */
import { utcDay } from '../core/calendar/render-ics.js';
import type { DataVersion } from '../storage/data-version.js';
import {
  readStoredDocument,
  restampDocumentStatement,
  type StoredDocument,
  storeDocumentStatements,
} from '../storage/renderings-repository.js';
import { type DocumentDeps, inBackground, settingsStamp } from './deps.js';
import { bodyEtag, type DocumentMeta, type RenderedDocument } from './document.js';
import { type DocumentCache, keptDocument } from './document-cache.js';
import { MIN_COMPRESSED_BYTES, webCompress } from './encodings.js';
import { RENDER_VERSION } from './render-version.js';

/** What a document may depend on besides its request: the data and the date. */
export interface DocumentState extends DataVersion {
  /** The UTC day (ms at 00:00Z) the document is built for. */
  readonly day: number;
}

export interface DocumentSpec {
  /** Identifies the document among all: canonical path (resolved city, selection, language, format). */
  readonly key: string;
  readonly meta: DocumentMeta;
  /** The identity body for a state, and when what it shows last changed (ms). */
  readonly build: (state: DocumentState) => Promise<{ readonly body: Uint8Array<ArrayBuffer>; readonly lastModified: number }>;
}

/** The current state: the data version (one cheap read) and the UTC day of the clock. */
export async function documentState(deps: Pick<DocumentDeps, 'store' | 'clock'>): Promise<DocumentState> {
  return { ...(await deps.store.dataVersion()), day: utcDay(deps.clock()) };
}

/** What a document built in a state is built from: render version, data version, day, settings. */
export function documentStamp(deps: Pick<DocumentDeps, 'config'>, state: DocumentState): string {
  return `${RENDER_VERSION}|${state.version}|${state.day}|${settingsStamp(deps.config)}`;
}

/** The document of a spec for the current state (or the one given), built at most once per state. */
export async function renderedDocument(
  deps: DocumentDeps,
  cache: DocumentCache,
  spec: DocumentSpec,
  given?: DocumentState,
): Promise<RenderedDocument> {
  const state = given ?? (await documentState(deps));
  const stamp = documentStamp(deps, state);
  const kept = keptDocument(cache, spec.key, stamp);
  if (kept) return kept;
  const flight = `${spec.key}|${stamp}`;
  const running = cache.building.get(flight);
  if (running) return running;
  const build = obtain(deps, cache, spec, state, stamp);
  cache.building.set(flight, build);
  try {
    return await build;
  } finally {
    cache.building.delete(flight);
  }
}

/** A stored document as served, under the stamp it is current for. */
function fromStored(spec: DocumentSpec, stored: StoredDocument, stamp: string): RenderedDocument {
  return { key: spec.key, stamp, etag: stored.etag, lastModified: stored.lastModified, bodies: stored.bodies, meta: spec.meta };
}

async function obtain(
  deps: DocumentDeps,
  cache: DocumentCache,
  spec: DocumentSpec,
  state: DocumentState,
  stamp: string,
): Promise<RenderedDocument> {
  const shared = await deps.sharedDocuments?.get(spec.key, stamp);
  if (shared) return remember(cache, { ...shared, meta: spec.meta });
  const stored = await readStoredDocument(deps.store.db, spec.key);
  if (stored?.stamp === stamp) return remember(cache, fromStored(spec, stored, stamp));
  const { body, lastModified } = await spec.build(state);
  deps.onRender?.('document', 1);
  const etag = await bodyEtag(body);
  if (stored?.etag === etag) {
    // The same bytes as stored (a write this document does not show): its compressed bodies and its
    // Last-Modified stay, and only the stamp moves on.
    inBackground(deps, deps.store.batch([restampDocumentStatement(deps.store.db, spec.key, etag, stamp)]));
    const document = remember(cache, fromStored(spec, stored, stamp));
    deps.sharedDocuments?.put(document);
    return document;
  }
  const document = await compressed(deps, {
    key: spec.key,
    stamp,
    etag,
    lastModified: new Date(lastModified).toISOString(),
    bodies: new Map([['identity', body]]),
    meta: spec.meta,
  });
  remember(cache, document);
  deps.sharedDocuments?.put(document);
  inBackground(deps, deps.store.batch(storeDocumentStatements(deps.store.db, document.key, document)));
  return document;
}

function remember(cache: DocumentCache, document: RenderedDocument): RenderedDocument {
  cache.documents.set(document.key, document);
  return document;
}

/**
 * A new document with its body in each coding the runtime has, computed once per version (off the event loop
 * on Node), before it is first served: every answer of a version carries the same validator for its coding.
 */
async function compressed(deps: DocumentDeps, document: RenderedDocument): Promise<RenderedDocument> {
  const identity = document.bodies.get('identity');
  if (!identity || identity.byteLength < MIN_COMPRESSED_BYTES) return document;
  const compress = deps.compress ?? webCompress;
  const bodies = new Map(document.bodies);
  for (const encoding of ['br', 'gzip'] as const) {
    const encoded = await compress(identity, encoding);
    if (encoded && encoded.byteLength < identity.byteLength) bodies.set(encoding, encoded);
  }
  return { ...document, bodies };
}
