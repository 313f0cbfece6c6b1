/**
 * @module responses
 * Response helpers: JSON with its charset, and conditional GET (RFC 9110 §13.1).
 */

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
    const strip = (tag: string) => tag.trim().replace(/^W\//, '');
    return inm.trim() === '*' || inm.split(',').some((tag) => strip(tag) === strip(etag));
  }
  const ims = request.headers.get('If-Modified-Since');
  if (ims === null) return false;
  const since = Date.parse(ims);
  // HTTP dates have whole seconds.
  return !Number.isNaN(since) && Math.floor(Date.parse(lastModified) / 1000) * 1000 <= since;
}

export interface RenderingHeaders {
  readonly contentType: string;
  readonly cacheControl: string;
  /** Content-Disposition, computed only when a kept rendering is first served. */
  readonly disposition?: () => string;
}

type Kept = { body: Uint8Array<ArrayBuffer>; etag: string; lastModified: string };

// Header sets of kept renderings, built on their first response: a kept calendar is served thousands of
// times, and building headers and HTTP dates is a measurable part of a cached response's CPU.
const keptHeaders = new WeakMap<Kept, { ok: Record<string, string>; notModified: Record<string, string> }>();

/**
 * Serves kept bytes with their validators: `304` (RFC 9110 §15.4.5) without touching the body when the
 * client's copy is current, else the stored bytes as they are — no encoding, no compression per request.
 */
export function serveRendering(request: Request, rendering: Kept, headers: RenderingHeaders): Response {
  let sets = keptHeaders.get(rendering);
  if (!sets) {
    const notModified = {
      ETag: rendering.etag,
      'Last-Modified': new Date(rendering.lastModified).toUTCString(),
      'Cache-Control': headers.cacheControl,
    };
    sets = {
      notModified,
      ok: {
        ...notModified,
        'Content-Type': headers.contentType,
        'Content-Length': String(rendering.body.byteLength),
        ...(headers.disposition && { 'Content-Disposition': headers.disposition() }),
      },
    };
    keptHeaders.set(rendering, sets);
  }
  if (notModified(request, rendering.etag, rendering.lastModified)) return new Response(null, { status: 304, headers: sets.notModified });
  return new Response(rendering.body, { status: 200, headers: sets.ok });
}
