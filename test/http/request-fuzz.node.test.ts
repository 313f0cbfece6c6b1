/**
 * Fuzzing of paths and query strings against every route (fast-check, fixed seed): random bytes in path
 * segments and values, broken percent-encodings, repeated keys, long values, every method a reader might send.
 * No request may answer 5xx or log an internal error. FUZZ_SEED=<n> explores other inputs.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/http/app.js';
import { testConfig } from '../fixtures/config.js';
import { type TempStore, tempStore } from '../fixtures/sqlite.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_202);
const RUNS = 1500;

/** Route templates; `{}` is a fuzzed path segment. */
const ROUTES = [
  '/',
  '/{}',
  '/cities/{}',
  '/cities/{}/{}',
  '/cities/{}/calendar.ics',
  '/cities/{}/feed.{}',
  '/events/{}',
  '/events/{}.ics',
  '/calendar.{}',
  '/calendar.ics',
  '/feed.{}',
  '/feed.rss',
  '/feed.atom',
  '/feed.json',
  '/feeds.{}',
  '/feeds.opml',
  '/changes.atom',
  '/healthz',
  '/api/docs',
  '/api/v1/{}',
  '/api/v1/cities',
  '/api/v1/cities/{}',
  '/api/v1/sources',
  '/api/v1/events',
  '/api/v1/events/{}',
  '/api/v1/changes',
  '/api/v1/openapi.json',
];

const KEYS = ['city', 'kind', 'from', 'to', 'tz', 'lang', 'limit', 'cursor', 'since', 'q', 'x', 'lang[]', '', '__proto__'];

/** A percent-encoded byte, or a broken escape. */
const percentEscape = fc.oneof(
  fc.integer({ min: 0, max: 255 }).map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`),
  fc.constantFrom('%', '%Z', '%zz', '%C3', '%E4%BD', '%F0%9F%98', '%ED%A0%80', '%00', '%2F', '%2e%2e'),
);
/** Text of a path segment or value: letters, known words, unicode, escapes. */
const piece = fc.oneof(
  fc.constantFrom(
    'foshan',
    'koeln',
    'Köln',
    '佛山',
    'isa-plenary-2018',
    'fair',
    'plenary+fair',
    'de',
    'zh',
    'en',
    'ics',
    'rss',
    'atom',
    'json',
    'opml',
    '.',
    '..',
    'PT',
    'Asia/Shanghai',
    '2018-10-24',
    '9999-12-31',
    '-1',
    '0',
    '501',
    '1e3',
  ),
  fc.string({ unit: 'grapheme', maxLength: 12 }).map(encodeURIComponent),
  percentEscape,
);
const segment = fc.array(piece, { minLength: 1, maxLength: 5 }).map((parts) => parts.join('').replace(/\//g, '%2F') || 'x');
const value = fc.oneof(
  fc.array(piece, { maxLength: 6 }).map((parts) => parts.join('')),
  fc.constant('x'.repeat(5000)),
);
const query = fc.array(fc.tuple(fc.constantFrom(...KEYS), value), { maxLength: 8 });

const request = fc.record({
  route: fc.constantFrom(...ROUTES),
  segments: fc.array(segment, { minLength: 2, maxLength: 2 }),
  query,
  method: fc.constantFrom('GET', 'GET', 'GET', 'HEAD', 'OPTIONS'),
  headers: fc.record(
    {
      'If-None-Match': fc.constantFrom('*', '"x"', 'W/"x"', '', '""'),
      'If-Modified-Since': fc.constantFrom('yesterday', 'Thu, 01 Jan 1970 00:00:00 GMT', 'Fri, 31 Dec 9999 23:59:59 GMT'),
      'Accept-Language': fc.constantFrom('zh-CN', 'de;q=x', '*', ',,,', 'en-US,en;q=0.5'),
    },
    { requiredKeys: [] },
  ),
});

let t: TempStore;
let app: ReturnType<typeof createApp>;
const logged: string[] = [];

beforeAll(async () => {
  t = await tempStore();
  app = createApp(() => ({ store: t.store, clock: () => Date.parse('2026-12-02T08:00:00Z'), config: testConfig() }));
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
});
afterAll(async () => {
  vi.restoreAllMocks();
  await t.dispose();
});

describe('fuzzed paths and query strings', () => {
  it('never answer 5xx on any route, and log no internal error', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(request, async ({ route, segments, query: pairs, method, headers }) => {
        let i = 0;
        const path = route.replace(/\{\}/g, () => segments[i++] ?? 'x');
        const search = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${v}`).join('&');
        const url = `http://isa.test${path}${search ? `?${search}` : ''}`;
        const res = await app.request(url, { method, headers });
        await res.arrayBuffer();
        expect(res.status, `${method} ${url}`).toBeLessThan(500);
        expect(logged, `${method} ${url}`).toEqual([]);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });
});
