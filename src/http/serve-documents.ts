/**
 * @module serve-documents
 * How routes answer with documents, and the short way a poll takes: a URL served before names its document,
 * so while the data and the day are unchanged, a poll reads the data version (no table read on Node), finds
 * the kept document and answers — 304 or the bytes in the accepted coding — without routing, parsing or a query.
 */
import type { Context } from 'hono';
import { LruMap } from '../core/lru-map.js';
import type { RenderedDocument } from '../documents/document.js';
import { type DocumentCache, keptDocument } from '../documents/document-cache.js';
import {
  type DocumentSpec,
  type DocumentState,
  documentInCoding,
  documentStamp,
  documentState,
  renderedDocument,
} from '../documents/pipeline.js';
import type { AppDeps, AppEnv, DocumentUrls } from './env.js';
import { serveDocument } from './responses.js';

/** URLs remembered per app instance: enough for every document of a large site, bounded against strangers. */
const REMEMBERED_URLS = 20_000;

/** A fresh index of URLs to document keys. */
export function createDocumentUrls(): DocumentUrls {
  const urls = new LruMap<string>({ entries: REMEMBERED_URLS });
  return { get: (url) => urls.get(url), set: (url, key) => urls.set(url, key) };
}

/** The state of the data for this request, read once (the short way, routes and the pipeline share it). */
export async function requestState(c: Context<AppEnv>): Promise<DocumentState> {
  let state = c.get('state');
  if (!state) {
    state = await documentState(c.get('deps'));
    c.set('state', state);
  }
  return state;
}

/** Answers with the document of a spec, built at most once per state, and remembers which URL named it. */
export async function serveSpec(c: Context<AppEnv>, spec: DocumentSpec): Promise<Response> {
  const document = await renderedDocument(c.get('deps'), c.get('cache'), spec, await requestState(c));
  if (spec.meta.byUrl !== false) c.get('urls').set(c.req.url, document.key);
  return serveIn(c, document);
}

/** Serves a document in the coding the request accepts (waiting for it while a new version is compressed). */
async function serveIn(c: Context<AppEnv>, document: RenderedDocument): Promise<Response> {
  return serveDocument(c.req.raw, await documentInCoding(c.get('deps'), c.get('cache'), document, c.req.header('Accept-Encoding') ?? null));
}

/**
 * The short way of a poll, before any routing: a remembered URL whose document is kept for the current state is
 * answered (304 or its bytes) without the router, the middleware or a request context; null otherwise, and the
 * app routes the request as usual.
 */
export async function keptAnswer(
  request: Request,
  getDeps: () => AppDeps | Promise<AppDeps>,
  cache: DocumentCache,
  urls: DocumentUrls,
): Promise<Response | null> {
  const key = urls.get(request.url);
  // A URL not served before costs nothing here: the deps are made on the routed way only.
  if (key === undefined) return null;
  const deps = await getDeps();
  const document = keptDocument(cache, key, documentStamp(deps, await documentState(deps)));
  if (!document) return null;
  return serveDocument(request, await documentInCoding(deps, cache, document, request.headers.get('Accept-Encoding')));
}
