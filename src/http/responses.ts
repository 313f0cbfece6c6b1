/**
 * @module responses
 * Response helpers: JSON with its charset, and conditional GET (RFC 9110 §13.1) of rendered documents in the
 * content coding the client accepts.
 */
import { type Encoding, encodedEtag, type RenderedDocument } from '../documents/document.js';
import { negotiateEncoding } from '../documents/encodings.js';

/** A JSON response, `application/json; charset=utf-8`. */
export function jsonResponse(body: unknown, headers: Record<string, string> = {}, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers } });
}

/**
 * Whether a GET can be answered 304. If-None-Match takes precedence over If-Modified-Since
 * (RFC 9110 §13.2.2); weak comparison applies to If-None-Match (§13.1.2).
 */
export function notModified(request: Request, etag: string, lastModified: string): boolean {
  const inm = request.headers.get('If-None-Match');
  if (inm !== null) {
    if (inm === etag) return true;
    const strip = (tag: string) => tag.trim().replace(/^W\//, '');
    return inm.trim() === '*' || inm.split(',').some((tag) => strip(tag) === strip(etag));
  }
  const ims = request.headers.get('If-Modified-Since');
  if (ims === null) return false;
  const since = Date.parse(ims);
  // HTTP dates have whole seconds.
  return !Number.isNaN(since) && Math.floor(Date.parse(lastModified) / 1000) * 1000 <= since;
}

interface HeaderSets {
  readonly etag: string;
  readonly ok: Record<string, string>;
  readonly notModified: Record<string, string>;
}

// Header sets of each document and coding, built on their first response: a kept calendar is served thousands
// of times, and building headers and HTTP dates is a measurable part of a kept response's CPU.
const headerSets = new WeakMap<RenderedDocument, Map<Encoding, HeaderSets>>();

function headersOf(document: RenderedDocument, encoding: Encoding): HeaderSets {
  let byEncoding = headerSets.get(document);
  if (!byEncoding) {
    byEncoding = new Map();
    headerSets.set(document, byEncoding);
  }
  let sets = byEncoding.get(encoding);
  if (!sets) {
    const { meta } = document;
    const etag = encodedEtag(document.etag, encoding);
    const vary = [meta.headers?.Vary, document.bodies.size > 1 ? 'Accept-Encoding' : undefined].filter(Boolean).join(', ');
    const notModified: Record<string, string> = {
      ...meta.headers,
      ETag: etag,
      'Last-Modified': new Date(document.lastModified).toUTCString(),
      'Cache-Control': meta.cacheControl,
      ...(vary && { Vary: vary }),
    };
    sets = {
      etag,
      notModified,
      ok: {
        ...notModified,
        'Content-Type': meta.contentType,
        'Content-Length': String(document.bodies.get(encoding)?.byteLength ?? 0),
        ...(encoding !== 'identity' && { 'Content-Encoding': encoding }),
        ...(meta.disposition && { 'Content-Disposition': meta.disposition }),
      },
    };
    byEncoding.set(encoding, sets);
  }
  return sets;
}

/**
 * Serves a document: `304` (RFC 9110 §15.4.5) without touching a body when the client's copy is current, else
 * the stored bytes of the coding negotiated — no encoding and no compression per request.
 */
export function serveDocument(request: Request, document: RenderedDocument): Response {
  const encoding = negotiateEncoding(request.headers.get('Accept-Encoding'), document.bodies);
  const sets = headersOf(document, encoding);
  if (notModified(request, sets.etag, document.lastModified)) return new Response(null, { status: 304, headers: sets.notModified });
  const body = request.method === 'HEAD' ? null : (document.bodies.get(encoding) ?? null);
  // Workers would compress again what is sent with a Content-Encoding unless told the body is encoded already.
  return new Response(body, { status: 200, headers: sets.ok, ...(encoding !== 'identity' && { encodeBody: 'manual' }) } as ResponseInit);
}
