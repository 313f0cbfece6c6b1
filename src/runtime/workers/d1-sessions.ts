/**
 * @module d1-sessions
 * D1's Sessions API: reads go to a replica near the reader, and a client that wrote reads its own writes by
 * sending back the bookmark its write answered with (`x-d1-bookmark`, as Cloudflare's own examples name it).
 * Writes start at the primary, so that what they check (If-Match) is current.
 */
import type { D1Database, D1DatabaseSession } from '@cloudflare/workers-types';

/** The header that carries a session bookmark, both ways. */
export const BOOKMARK_HEADER = 'x-d1-bookmark';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Bookmarks are opaque; accept what looks like one, and start fresh otherwise.
const BOOKMARK = /^[A-Za-z0-9-]{1,256}$/;

/** Where a request's session starts: the primary for writes, the client's bookmark, or any replica. */
export function sessionConstraint(request: Request): string {
  if (WRITES.has(request.method)) return 'first-primary';
  const bookmark = request.headers.get(BOOKMARK_HEADER);
  return bookmark !== null && BOOKMARK.test(bookmark) ? bookmark : 'first-unconstrained';
}

/** The request's session, or the database itself where the binding has no sessions. */
export function sessionFor(database: D1Database, request: Request): D1Database | D1DatabaseSession {
  return typeof database.withSession === 'function' ? database.withSession(sessionConstraint(request)) : database;
}

/** The response with the session's bookmark, so the client can read its own writes; unchanged without one. */
export function withBookmark(response: Response, session: D1Database | D1DatabaseSession): Response {
  const bookmark = 'getBookmark' in session ? session.getBookmark() : null;
  if (!bookmark) return response;
  // The app's own responses have mutable headers; copying one would lose that its body is encoded already.
  response.headers.set(BOOKMARK_HEADER, bookmark);
  return response;
}
