/**
 * @module shared-documents
 * Documents in the Workers Cache API, shared by every isolate of a data centre: a new isolate serves a calendar
 * another one built, without building it or reading it from D1. Entries are keyed by stamp (render version,
 * data version, UTC day, settings) and document key, one per coding, so a write or a deploy that changes output
 * never serves old bytes; stored copies are never stale and may live a day.
 */
import type { Cache } from '@cloudflare/workers-types';
import type { SharedDocuments } from '../../documents/deps.js';
import { ENCODINGS, type Encoding, type RenderedDocument } from '../../documents/document.js';

const ORIGIN = 'https://documents.isa-calendar.invalid/';

/** The Cache API as the second level of kept documents; `waitUntil` lets a put finish after the answer. */
export function sharedDocuments(cache: Cache, waitUntil: (promise: Promise<unknown>) => void): SharedDocuments {
  const request = (key: string, stamp: string, encoding: Encoding) =>
    new Request(`${ORIGIN}${encodeURIComponent(`${stamp}|${key}`)}/${encoding}`);
  return {
    get: async (key, stamp) => {
      const identity = await cache.match(request(key, stamp, 'identity'));
      const etag = identity?.headers.get('ETag');
      const lastModified = identity?.headers.get('X-Last-Modified');
      if (!identity || !etag || !lastModified) return null;
      const encodings = (identity.headers.get('X-Encodings') ?? '')
        .split(',')
        .filter((e): e is Encoding => ENCODINGS.includes(e as Encoding));
      const bodies = new Map<Encoding, Uint8Array<ArrayBuffer>>([['identity', new Uint8Array(await identity.arrayBuffer())]]);
      for (const encoding of encodings) {
        if (encoding === 'identity') continue;
        const stored = await cache.match(request(key, stamp, encoding));
        if (stored) bodies.set(encoding, new Uint8Array(await stored.arrayBuffer()));
      }
      return { key, stamp, etag, lastModified, bodies, meta: { contentType: '', cacheControl: '' } } satisfies RenderedDocument;
    },
    put: (document) => {
      const encodings = [...document.bodies.keys()].join(',');
      for (const [encoding, body] of document.bodies) {
        const stored = new Response(body, {
          headers: {
            ETag: document.etag,
            'X-Last-Modified': document.lastModified,
            'X-Encodings': encodings,
            'Cache-Control': 'public, max-age=86400',
          },
        });
        waitUntil(cache.put(request(document.key, document.stamp, encoding), stored));
      }
    },
  };
}
