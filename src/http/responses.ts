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
