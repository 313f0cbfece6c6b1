/**
 * @module shared-documents
 * Kept documents in the Workers Cache API, shared by every isolate of a data centre: a new isolate serves a
 * calendar another one rendered, without rendering it again. Entries are keyed like the memory cache (render
 * version, document key, data version, UTC day), so a write or a deploy that changes output never serves old
 * bytes; stored copies are never stale and may live a day.
 */
import type { Cache } from '@cloudflare/workers-types';
import type { SharedDocuments } from '../../http/kept-documents.js';
import type { Rendering } from '../../http/rendering-cache.js';

const ORIGIN = 'https://documents.isa-calendar.invalid/';

/** The Cache API as the second level of kept documents; `waitUntil` lets a put finish after the answer. */
export function sharedDocuments(cache: Cache, waitUntil: (promise: Promise<unknown>) => void): SharedDocuments {
  const request = (key: string) => new Request(`${ORIGIN}${encodeURIComponent(key)}`);
  return {
    get: async (key) => {
      const stored = await cache.match(request(key));
      if (!stored) return null;
      const etag = stored.headers.get('ETag');
      const lastModified = stored.headers.get('X-Last-Modified');
      if (!etag || !lastModified) return null;
      return { body: new Uint8Array(await stored.arrayBuffer()), etag, lastModified } satisfies Rendering;
    },
    put: (key, rendering) => {
      const stored = new Response(rendering.body, {
        headers: { ETag: rendering.etag, 'X-Last-Modified': rendering.lastModified, 'Cache-Control': 'public, max-age=86400' },
      });
      waitUntil(cache.put(request(key), stored));
    },
  };
}
