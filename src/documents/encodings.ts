/**
 * @module encodings
 * Content negotiation (RFC 9110 §12.5.3) and compression. Compressed bodies are computed once per document
 * version; which codings exist depends on the runtime (Node: gzip and brotli through zlib; Workers: gzip
 * through CompressionStream).
 */
import { LruMap } from '../core/lru-map.js';
import type { Encoding } from './document.js';

export type Coding = Exclude<Encoding, 'identity'>;

/** The codings a runtime can compress in (and decompress from), and how. */
export interface Compressor {
  readonly codings: readonly Coding[];
  readonly compress: (body: Uint8Array<ArrayBuffer>, coding: Coding) => Promise<Uint8Array<ArrayBuffer>>;
  readonly decompress: (body: Uint8Array<ArrayBuffer>, coding: Coding) => Promise<Uint8Array<ArrayBuffer>>;
}

/** Smaller bodies are sent as they are: compressing them saves less than a packet. */
export const MIN_COMPRESSED_BYTES = 1024;

/** gzip through the web's CompressionStream, which both runtimes have (no brotli). */
export const webCompressor: Compressor = {
  codings: ['gzip'],
  compress: async (body) => {
    const stream = new Blob([body]).stream().pipeThrough(new CompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  },
  decompress: async (body, coding) => {
    if (coding !== 'gzip') throw new Error(`no ${coding} here`);
    const stream = new Blob([body]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  },
};

/** Codings in the order the server prefers them when a client accepts several equally. */
const PREFERENCE: readonly Encoding[] = ['br', 'gzip', 'identity'];

/** What each Accept-Encoding value allows, by value (clients send the same few headers on every poll). */
const accepted = new LruMap<ReadonlyMap<string, number>>({ entries: 256 });

function qualities(header: string): ReadonlyMap<string, number> {
  let parsed = accepted.get(header);
  if (!parsed) {
    const map = new Map<string, number>();
    for (const item of header.split(',')) {
      const [name = '', ...params] = item.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q === undefined ? 1 : Number(q.slice(2));
      if (name !== '' && !Number.isNaN(quality)) map.set(name === 'x-gzip' ? 'gzip' : name, quality);
    }
    parsed = map;
    accepted.set(header, parsed);
  }
  return parsed;
}

/**
 * The coding to send among those available: the client's most preferred one, the server's order breaking ties;
 * identity unless the client refuses it (and then still identity: a 406 would leave a subscriber with nothing).
 */
export function negotiateEncoding(header: string | null, available: { has(encoding: Encoding): boolean; readonly size: number }): Encoding {
  if (header === null || (available.size === 1 && available.has('identity'))) return 'identity';
  const q = qualities(header);
  const star = q.get('*');
  let best: Encoding = 'identity';
  let bestQ = 0;
  for (const encoding of PREFERENCE) {
    if (!available.has(encoding)) continue;
    const quality = q.get(encoding) ?? (encoding === 'identity' ? (star ?? 1) : (star ?? 0));
    if (quality > bestQ) {
      best = encoding;
      bestQ = quality;
    }
  }
  return best;
}
