/**
 * @module pipeline
 * The one way a document is had: from memory when it was built from the current stamp; else from the data
 * centre's cache (Workers) or the database, where an earlier build stored it; else built once — concurrent
 * requests share the build — then compressed and stored in the background, so that no later request, no
 * restart and no new isolate builds it again until the data or the day changes.
 */
import { utcDay } from '../core/calendar/render-ics.js';
import type { DataVersion } from '../storage/data-version.js';
import {
  readStoredDocument,
  readStoredDocumentHead,
  restampDocumentStatement,
  type StoredDocument,
  storeDocumentStatements,
} from '../storage/renderings-repository.js';
import { type DocumentDeps, inBackground, settingsStamp } from './deps.js';
import { bodyEtag, type DocumentMeta, type Encoding, type RenderedDocument, textEtag } from './document.js';
import { type DocumentCache, keptDocument } from './document-cache.js';
import { MIN_COMPRESSED_BYTES, negotiateEncoding, webCompressor } from './encodings.js';
import { RENDER_VERSION } from './render-version.js';

/** What a document may depend on besides its request: the data and the date. */
export interface DocumentState extends DataVersion {
  /** The UTC day (ms at 00:00Z) the document is built for. */
  readonly day: number;
}

/** What a build gives: the identity body, when what it shows last changed, and optionally its validator's source. */
export interface Built {
  readonly body: Uint8Array<ArrayBuffer>;
  /** ms since the epoch. */
  readonly lastModified: number;
  /**
   * A text that determines the body (what it shows, at which revisions, rendered how), hashed for the ETag
   * instead of the body: a calendar of 10,000 events need not be digested byte by byte.
   */
  readonly validator?: string;
}

export interface DocumentSpec {
  /** Identifies the document among all: canonical path (resolved city, selection, language, format). */
  readonly key: string;
  readonly meta: DocumentMeta;
  /** The identity body for a state, and when what it shows last changed. */
  readonly build: (state: DocumentState) => Promise<Built>;
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

/**
 * A stored document as served, under the stamp it is current for. A compressed document is stored without its
 * body as it is (a tenth of the bytes to write and read); that body is made again only for a client that
 * takes no coding (documentInCoding).
 */
function fromStored(spec: DocumentSpec, stored: StoredDocument, stamp: string): RenderedDocument {
  return { key: spec.key, stamp, etag: stored.etag, lastModified: stored.lastModified, bodies: stored.bodies, meta: spec.meta };
}

/** The statements storing a document: its compressed bodies only where it has any. */
function storeStatements(deps: DocumentDeps, document: RenderedDocument) {
  const bodies = document.bodies.size > 1 ? new Map([...document.bodies].filter(([encoding]) => encoding !== 'identity')) : document.bodies;
  return storeDocumentStatements(deps.store.db, document.key, { ...document, bodies });
}

async function obtain(
  deps: DocumentDeps,
  cache: DocumentCache,
  spec: DocumentSpec,
  state: DocumentState,
  stamp: string,
): Promise<RenderedDocument> {
  const { db } = deps.store;
  const shared = await deps.sharedDocuments?.get(spec.key, stamp);
  if (shared) return remember(cache, { ...shared, meta: spec.meta });
  const head = await readStoredDocumentHead(db, spec.key);
  if (head?.stamp === stamp) {
    const stored = await readStoredDocument(db, spec.key);
    if (stored?.stamp === stamp) return remember(cache, fromStored(spec, stored, stamp));
  }
  const built = await spec.build(state);
  deps.onRender?.('document', 1);
  const etag = built.validator === undefined ? await bodyEtag(built.body) : await textEtag(built.validator);
  if (head?.etag === etag) {
    // The same bytes as stored (a write this document does not show): its compressed bodies and its
    // Last-Modified stay, and only the stamp moves on.
    const stored = await readStoredDocument(db, spec.key);
    if (stored?.etag === etag) {
      inBackground(deps, deps.store.batch([restampDocumentStatement(db, spec.key, etag, stamp)]));
      const document = remember(cache, fromStored(spec, stored, stamp));
      deps.sharedDocuments?.put(document);
      return document;
    }
  }
  const document = remember(cache, {
    key: spec.key,
    stamp,
    etag,
    lastModified: new Date(built.lastModified).toISOString(),
    bodies: new Map([['identity', built.body]]),
    meta: spec.meta,
  });
  completeInBackground(deps, cache, document);
  return document;
}

/**
 * Keeps a document in memory; one too large for the budget (a calendar of 50,000 events) is kept with its
 * compressed bodies only, which is what nearly every client takes.
 */
function remember(cache: DocumentCache, document: RenderedDocument): RenderedDocument {
  if (cache.documents.accepts(document) || document.bodies.size === 1) cache.documents.set(document.key, document);
  else
    cache.documents.set(document.key, {
      ...document,
      bodies: new Map([...document.bodies].filter(([encoding]) => encoding !== 'identity')),
    });
  return document;
}

/** The key under which a document's compression runs. */
const completionKey = (document: Pick<RenderedDocument, 'key' | 'stamp'>) => `${document.key}|${document.stamp}`;

/**
 * Compresses a new document in each coding the runtime has (all at once; off the event loop on Node), then
 * keeps and stores the complete document. Requests that accept only the body as it is are answered before;
 * those that accept a coding wait for it (documentInCoding), so every answer carries its coding's validator.
 */
function completeInBackground(deps: DocumentDeps, cache: DocumentCache, document: RenderedDocument): void {
  const identity = document.bodies.get('identity');
  const compressor = deps.compressor ?? webCompressor;
  if (!identity || identity.byteLength < MIN_COMPRESSED_BYTES || compressor.codings.length === 0) {
    deps.sharedDocuments?.put(document);
    inBackground(deps, deps.store.batch(storeStatements(deps, document)));
    return;
  }
  const key = completionKey(document);
  const completion = (async () => {
    const bodies = new Map(document.bodies);
    const encoded = await Promise.all(compressor.codings.map((coding) => compressor.compress(identity, coding)));
    compressor.codings.forEach((coding, i) => {
      const body = encoded[i];
      if (body && body.byteLength < identity.byteLength) bodies.set(coding, body);
    });
    const complete: RenderedDocument = { ...document, bodies };
    if (cache.documents.peek(document.key)?.stamp === document.stamp) remember(cache, complete);
    deps.sharedDocuments?.put(complete);
    inBackground(deps, deps.store.batch(storeStatements(deps, complete)));
    return complete;
  })();
  cache.completing.set(key, completion);
  inBackground(
    deps,
    completion.finally(() => cache.completing.delete(key)),
  );
}

/**
 * The document in the coding a request accepts: while the compressed bodies of a new version are being made,
 * a request that would take one waits for them rather than get the body as it is; and a document kept or
 * stored without its body as it is gets it back (decompressed, off the event loop on Node) for a client that
 * takes no coding.
 */
export async function documentInCoding(
  deps: Pick<DocumentDeps, 'compressor'>,
  cache: DocumentCache,
  document: RenderedDocument,
  acceptEncoding: string | null,
): Promise<RenderedDocument> {
  const compressor = deps.compressor ?? webCompressor;
  if (!document.bodies.has('identity')) {
    const offered = new Set<Encoding>([...document.bodies.keys(), 'identity']);
    if (negotiateEncoding(acceptEncoding, offered) !== 'identity') return document;
    const coding = compressor.codings.find((c) => document.bodies.has(c));
    const encoded = coding && document.bodies.get(coding);
    if (!coding || !encoded) throw new Error(`document ${document.key} has no body this runtime can read`);
    const identity = await compressor.decompress(encoded, coding);
    const whole: RenderedDocument = {
      ...document,
      bodies: new Map<Encoding, Uint8Array<ArrayBuffer>>([...document.bodies, ['identity', identity]]),
    };
    if (cache.documents.peek(document.key)?.stamp === document.stamp && cache.documents.accepts(whole))
      cache.documents.set(document.key, whole);
    return whole;
  }
  if (acceptEncoding === null || document.bodies.size > 1) return document;
  const completion = cache.completing.get(completionKey(document));
  if (!completion) return document;
  const wanted = negotiateEncoding(acceptEncoding, new Set<Encoding>(['identity', ...compressor.codings]));
  return wanted === 'identity' ? document : completion;
}
