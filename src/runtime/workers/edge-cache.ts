/**
 * @module edge-cache
 * Calendars and feeds in the Workers Cache API (per data centre), keyed by the data version and the UTC day:
 * a poll of an unchanged document costs one data-version read and no rendering, in any isolate of the data
 * centre; a write changes the version and so the key. Conditional requests are answered from the cached
 * validators. Bodies are stored uncompressed: Cloudflare compresses at the edge.
 */
import type { Cache } from '@cloudflare/workers-types';
import { utcDay } from '../../core/calendar/render-ics.js';
import { notModified } from '../../http/responses.js';

/** Paths of documents that the cache serves: calendars, feeds, OPML, the changes feed. */
export const CACHED_DOCUMENT =
  /^\/(?:cities\/[^/]+\/)?(?:calendar|feed)(?:\.[a-z+-]+)*\.(?:ics|rss|atom|json)$|^\/feeds(?:\.[a-z]+)?\.opml$|^\/changes\.atom$/;

// Stored copies live long: their key changes with the data and the day, so they never go stale.
const STORED_CACHE_CONTROL = 'public, max-age=86400';

/** Serves a GET/HEAD of a cached document from `cache`, or renders it with `render` and stores it. */
export async function edgeCached(
  request: Request,
  cache: Cache,
  version: number,
  now: number,
  render: (request: Request) => Promise<Response>,
  waitUntil: (promise: Promise<unknown>) => void,
): Promise<Response> {
  const url = new URL(request.url);
  const key = new Request(`https://edge-cache.invalid/v${version}/d${utcDay(now)}${url.pathname}${url.search}`);
  let stored = await cache.match(key);
  let state = 'HIT';
  if (!stored) {
    state = 'MISS';
    // Render unconditionally: the stored copy must be the full 200.
    const rendered = await render(
      new Request(request.url, { method: 'GET', headers: { 'Accept-Language': request.headers.get('Accept-Language') ?? '' } }),
    );
    if (rendered.status !== 200) return rendered;
    const body = await rendered.arrayBuffer();
    stored = new Response(body, rendered);
    const copy = new Response(body, rendered);
    copy.headers.set('Cache-Control', STORED_CACHE_CONTROL);
    waitUntil(cache.put(key, copy));
  }
  const headers = new Headers(stored.headers);
  headers.set('Cache-Control', 'public, max-age=300');
  headers.set('X-Edge-Cache', state);
  const etag = headers.get('ETag') ?? '';
  const lastModified = headers.get('Last-Modified') ?? '';
  if (etag && notModified(request, etag, new Date(lastModified).toISOString())) {
    for (const name of ['Content-Type', 'Content-Length', 'Content-Disposition']) headers.delete(name);
    return new Response(null, { status: 304, headers });
  }
  return new Response(request.method === 'HEAD' ? null : stored.body, { status: 200, headers });
}
