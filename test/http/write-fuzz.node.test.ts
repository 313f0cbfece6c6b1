/**
 * Property-based fuzzing of the write API (fast-check, fixed seed): several hundred malformed or hostile
 * requests to `POST /api/v1/events` and `PATCH /api/v1/events/isa-plenary-2018` — with the right token and
 * If-Match, so that only the body is at fault — plus a few with a missing or wrong token or If-Match.
 * Every one must be refused with a 4xx in the error envelope, log no internal error, and write nothing:
 * the database is compared with a snapshot after every request.
 *
 * The fuzz found two bugs in the merge-patch step (reserved keys dropped silently; deep nesting overflowing
 * the stack): both are fixed, stay in the fuzz, and have regression tests at the end.
 */

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENT_KINDS } from '../../src/core/model.js';
import { createApp } from '../../src/http/app.js';
import { memoryLimiters } from '../../src/http/rate-limit.js';
import { testConfig } from '../fixtures/config.js';
import { type TempStore, tempStore } from '../fixtures/sqlite.js';

const TOKEN = 'fuzz-writer-token-0123456789';
const EVENT_PATH = '/api/v1/events/isa-plenary-2018';
/** Fixed for reproducible runs; FUZZ_SEED=<n> explores others (a failure prints its seed and path for replay). */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_127);
/** Requests per property: 630, plus 3 sanity requests and 3 known-bug reproducers = 636 requests in all. */
const RUNS = { post: 270, patch: 270, headers: 90 } as const;
/** Larger than the 64 KiB body limit. */
const OVER_BODY_LIMIT = 64 * 1024 + 1;

// ---------------------------------------------------------------------------------------------------------
// Harness: one app over a real SQLite file; internal errors (500s) are logged by onError via console.error.

interface Harness {
  readonly t: TempStore;
  readonly app: ReturnType<typeof createApp>;
}

async function harness(): Promise<Harness> {
  const t = await tempStore();
  let n = 0;
  const app = createApp(() => ({
    store: t.store,
    clock: () => Date.parse('2026-11-27T08:00:00Z'),
    newId: () => `fuzz-created-${++n}`,
    config: testConfig({ writers: [{ label: 'admin', token: TOKEN }] }),
    // Limits lifted: the fuzz sends hundreds of writes a minute (rate-limit.node.test.ts covers the limits).
    limiters: memoryLimiters({ failedAuth: 1_000_000, writes: 1_000_000 }, Date.now),
  }));
  return { t, app };
}

/** Everything a write may change, as one string. */
function snapshot(t: TempStore): string {
  const all = (sql: string) => t.store.raw.prepare(sql).all();
  return JSON.stringify({
    events: all('SELECT * FROM events ORDER BY id'),
    eventCities: all('SELECT * FROM event_cities ORDER BY event_id, city'),
    historyCount: all('SELECT count(*) AS n FROM event_history'),
    history: all('SELECT * FROM event_history ORDER BY seq'),
    dataVersion: all('SELECT * FROM data_version'),
  });
}

const logged: string[] = [];
const errorSpy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
  logged.push(args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(' '));
});
afterAll(() => errorSpy.mockRestore());

/** One request and what it must get: an exact 4xx. */
interface Attempt {
  readonly why: string;
  readonly method: 'POST' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Send the body as a type-less Blob, so the request has no Content-Type at all. */
  readonly bare?: boolean;
  readonly status: 400 | 401 | 412 | 413 | 415 | 428;
}

/** How an attempt is shown (fast-check counterexamples, assertion messages): long bodies are cut. */
function describeAttempt(a: Attempt): string {
  const body =
    a.body === undefined
      ? ''
      : a.body.length > 300
        ? ` ${JSON.stringify(a.body.slice(0, 300))}… (${a.body.length} chars)`
        : ` ${JSON.stringify(a.body)}`;
  return `[${a.why}] ${a.method} ${a.path} ${JSON.stringify(a.headers)}${a.bare ? ' (no Content-Type)' : ''}${body} → expect ${a.status}`;
}

/** An attempt that fast-check prints with describeAttempt. */
function attemptOf(a: Attempt): Attempt {
  return Object.defineProperty({ ...a }, fc.toStringMethod, { value: () => describeAttempt(a), enumerable: false });
}

/** Sends `a` and asserts the refusal: the status, the envelope, no logged error, and an unchanged database. */
async function refused(h: Harness, a: Attempt, expected: string): Promise<void> {
  logged.length = 0;
  const body = a.body === undefined ? undefined : a.bare ? new Blob([a.body]) : a.body;
  const res = await h.app.request(a.path, { method: a.method, headers: { ...a.headers }, body });
  const text = await res.text();
  const ctx = `${describeAttempt(a)}\n→ ${res.status} ${text.slice(0, 500)}\n${logged.join('\n')}`;

  expect(logged, ctx).toEqual([]);
  expect(res.status, ctx).toBeGreaterThanOrEqual(400);
  expect(res.status, ctx).toBeLessThan(500);
  expect(res.status, ctx).toBe(a.status);
  expect(res.headers.get('content-type') ?? '', ctx).toMatch(/^application\/json/);
  let envelope: unknown;
  expect(() => (envelope = JSON.parse(text)), ctx).not.toThrow();
  expect(envelope, ctx).toEqual({
    error: expect.objectContaining({ status: res.status, code: expect.stringMatching(/^[a-z_]+$/), message: expect.stringMatching(/\S/) }),
  });
  const { error } = envelope as { error: Record<string, unknown> };
  expect(
    Object.keys(error).every((k) => ['status', 'code', 'message', 'field'].includes(k)),
    ctx,
  ).toBe(true);
  expect(error.field === undefined || (typeof error.field === 'string' && error.field !== ''), ctx).toBe(true);
  if (res.status === 401) expect(res.headers.get('www-authenticate') ?? '', ctx).toMatch(/^Bearer /);
  expect(snapshot(h.t), ctx).toBe(expected);
}

// ---------------------------------------------------------------------------------------------------------
// Generators. Every generated body is invalid on its own, whatever else the request carries.

const SCHEMA_KEYS = [
  'kind',
  'title',
  'description',
  'cities',
  'participants',
  'allianceWide',
  'status',
  'start',
  'end',
  'timeZone',
  'fold',
  'endFold',
  'location',
  'url',
] as const;
type Field = (typeof SCHEMA_KEYS)[number];
type Target = 'post' | 'patch';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const roundTrip = (v: unknown): unknown => JSON.parse(JSON.stringify(v)) as unknown;
const isSchemaKey = (k: string): boolean => (SCHEMA_KEYS as readonly string[]).includes(k);

/** A valid POST body (the sanity test shows it is accepted); bodies below are this plus faults. */
const VALID_EVENT = {
  kind: 'plenary',
  title: { de: 'Fuzz-Plenum', en: 'Fuzz plenary' },
  cities: ['Foshan'],
  participants: ['Köln'],
  start: '2018-10-24',
} as const;
/** A PATCH body that would change the event (used where only the headers are at fault). */
const VALID_PATCH = { location: 'Changed by a request that must be refused' } as const;

/** An object with own keys exactly as given ("__proto__" stays a key, as in JSON.parse). */
function objectOf(entries: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}

/** `n` times a character (ASCII or multi-byte), `n` in [min, max]: over a length limit, under the body limit. */
const longText = (min: number, max: number) =>
  fc.tuple(fc.constantFrom('x', 'é', '佛', '😀', ' ', '<'), fc.integer({ min, max })).map(([c, n]) => c.repeat(n));

/** A JSON value of the wrong type for `field` (never null: in a merge patch null deletes an optional field). */
const WRONG_TYPE: Record<Field, (v: unknown) => boolean> = {
  kind: (v) => !(EVENT_KINDS as readonly unknown[]).includes(v),
  title: (v) => !isObject(v),
  description: (v) => !isObject(v),
  cities: (v) => !Array.isArray(v),
  participants: (v) => !Array.isArray(v),
  allianceWide: (v) => typeof v !== 'boolean',
  status: (v) => v !== 'confirmed' && v !== 'tentative',
  start: (v) => typeof v !== 'string',
  end: (v) => typeof v !== 'string',
  timeZone: (v) => typeof v !== 'string',
  fold: (v) => v !== 0 && v !== 1,
  endFold: (v) => v !== 0 && v !== 1,
  location: (v) => typeof v !== 'string',
  url: (v) => typeof v !== 'string',
};
const wrongType = (field: Field): fc.Arbitrary<unknown> =>
  fc.jsonValue({ maxDepth: 3 }).filter((v) => {
    const sent = roundTrip(v);
    return sent !== null && WRONG_TYPE[field](sent);
  });

const TIME_SHAPE = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2})?)?)?$/;
const BAD_TIMES = [
  '2018-02-30',
  '2019-02-29',
  '2018-13-01',
  '2018-00-10',
  '2018-10-00',
  '2018-13',
  '2018-00',
  '0000-00-00',
  '2018-10-24T25:00',
  '2018-10-24T10:60',
  '2018-10-24T24:00',
  '2018-10-24 10:00',
  '2018-10-24T10:00:00',
  '2018-10-24T10:00Z',
  '2018-10-24T10:00+08:00',
  '2018-10-24T10:00:00.000Z',
  '24.10.2018',
  '10/24/2018',
  'next week',
  '',
  ' ',
  '2018/10/24',
  '20181024',
  '+002018-10-24',
  '-2018',
  ' 2018-10-24',
  '2018-10-24 ',
  '2018-10-24\n',
  '2018-1-2',
  '２０１８-10-24',
  '2018-W43',
  'T10:00',
  'Infinity',
  'x'.repeat(33),
  '2018-10-24T10:00'.repeat(3),
];
const badTime = fc.oneof(
  fc.constantFrom(...BAD_TIMES),
  fc.string({ maxLength: 40 }).filter((s) => !TIME_SHAPE.test(s)),
  wrongType('start'),
);

const BAD_ZONES = [
  'PST',
  'PDT',
  'Mars/Olympus',
  'Europe/Atlantis',
  'Asia/Shanghai/Pudong',
  'UTC+8',
  'GMT+08:00',
  '+08:00',
  'Etc/GMT+14',
  '',
  ' ',
  'Berlin',
  'Pacific Standard Time',
  'Europe\\Berlin',
  'Europe/Berlin\u0000',
  '../../../etc/passwd',
  'x'.repeat(65),
  `Europe/${'x'.repeat(60)}`,
  '__proto__',
  'constructor',
  'toString',
];
const BAD_URLS = [
  'javascript:alert(1)',
  'JAVASCRIPT:alert(document.cookie)',
  'java\tscript:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'ftp://example.org/file.ics',
  'file:///etc/passwd',
  'mailto:info@example.org',
  'ws://example.org/socket',
  'blob:https://example.org/0b2c',
  'not a url',
  '//example.org/x',
  '/relative/path',
  'http://',
  'https://',
  'http://[::1',
  'http://exa mple.org',
  'http://999.999.999.999/',
  '',
];

/** Per field: values that are wrong whatever the other fields are. */
const BAD_VALUE: Record<Field, fc.Arbitrary<unknown>> = {
  kind: fc.oneof(
    fc.constantFrom('party', 'PLENARY', 'Plenary', ' plenary', 'plenary ', '', 'cancelled', 'toString', '__proto__'),
    wrongType('kind'),
  ),
  title: fc.oneof(
    fc.tuple(fc.constantFrom('de', 'en', 'zh'), longText(301, 1500)).map(([lang, s]) => objectOf([[lang, s]])),
    fc.constantFrom<unknown>(
      { fr: 'Bonjour' },
      { DE: 'Titel' },
      { de: 'ok', es: 'hola' },
      { de: '', en: ' ', zh: '\n\t ' },
      { de: '\u3000', en: '\u00a0', zh: '\u2003\u2029' },
      { de: 1 },
      { de: ['x'] },
      { de: { de: 'x' } },
      { de: true },
    ),
    wrongType('title'),
  ),
  description: fc.oneof(
    fc.tuple(fc.constantFrom('de', 'en', 'zh'), longText(5001, 9000)).map(([lang, s]) => objectOf([[lang, s]])),
    fc.constantFrom<unknown>({ es: 'hola' }, { de: 5 }, { de: ['x'] }, { en: {} }),
    wrongType('description'),
  ),
  cities: fc.oneof(
    fc.constantFrom<unknown>(
      [],
      Array<string>(21).fill('Foshan'),
      ['Atlantis'],
      [''],
      [' '],
      ['x'.repeat(101)],
      [1],
      [null],
      [['Foshan']],
      ['Foshan', 'Atlantis'],
      ['\u0000'],
    ),
    fc.string({ maxLength: 20 }).map((s) => ['Foshan', `Atlantis ${s}`]),
    wrongType('cities'),
  ),
  participants: fc.oneof(
    fc.constantFrom<unknown>(Array<string>(61).fill('Köln'), ['Mars City'], [''], [42], [{ name: 'Köln' }]),
    fc.string({ maxLength: 20 }).map((s) => [`Atlantis ${s}`]),
    wrongType('participants'),
  ),
  allianceWide: fc.oneof(fc.constantFrom<unknown>('true', 'false', 1, 0, 'yes'), wrongType('allianceWide')),
  status: fc.oneof(fc.constantFrom('cancelled', 'CONFIRMED', 'Tentative', 'deleted', '', ' confirmed'), wrongType('status')),
  start: badTime,
  end: badTime,
  timeZone: fc.oneof(
    fc.constantFrom(...BAD_ZONES),
    fc.string({ maxLength: 20 }).map((s) => `Mars/${s}`),
    wrongType('timeZone'),
  ),
  fold: fc.oneof(fc.constantFrom<unknown>(2, -1, 0.5, '0', '1', true, false, [0], 1e308), wrongType('fold')),
  endFold: fc.oneof(fc.constantFrom<unknown>(2, -1, 0.5, '0', '1', true, false, [1], -1e-9), wrongType('endFold')),
  location: fc.oneof(longText(301, 1500), wrongType('location')),
  url: fc.oneof(
    fc.constantFrom(...BAD_URLS),
    fc.integer({ min: 2001 - 'https://example.org/'.length, max: 4000 }).map((n) => `https://example.org/${'a'.repeat(n)}`),
    wrongType('url'),
  ),
};

/** Faults that involve several fields; each is wrong against VALID_EVENT and against the stored event (start 2018-10-24, day, no end). */
const RELATIVE_FAULTS: ReadonlyArray<Record<string, unknown>> = [
  { start: '2019-03-31T02:30', timeZone: 'Europe/Berlin' }, // DST gap
  { start: '2019-03-31T02:00', timeZone: 'CET' },
  { start: '2019-03-31T02:59', timeZone: 'MESZ' },
  { start: '2018-03-25T02:30', timeZone: 'Europe/Berlin' },
  { start: '2019-03-31T01:00', end: '2019-03-31T02:30', timeZone: 'Europe/Berlin' },
  { start: '2019-10-25', end: '2019-10-24' }, // start after end
  { start: '2019-10-24T10:00', end: '2019-10-24T09:59' },
  { start: '2019-11', end: '2019-10' },
  { start: '2020', end: '2019' },
  { end: '2018-10-23' },
  { start: '2019-10-24', end: '2019-10-24T10:00' }, // mixed precision
  { start: '2019-10-24T10:00', end: '2019-10-24' },
  { start: '2019-10', end: '2019-10-24' },
  { start: '2019', end: '2019-10' },
  { end: '2018-10-24T10:00' },
  { start: null, end: null }, // no time at all
];

const REQUIRED = ['kind', 'title', 'cities', 'start'] as const;
const UNKNOWN_KEYS = [
  'id',
  'revision',
  'created',
  'updated',
  'cancelledAt',
  'source',
  'uid',
  'Kind',
  'TITLE',
  'start ',
  'timezone',
  'time_zone',
  'allDay',
  'precision',
  'lang',
  '',
];

/** Bodies that are valid JSON but not an acceptable event (POST) or merge patch (PATCH): each answers 400. */
function invalidJson(target: Target): fc.Arbitrary<{ why: string; json: unknown }> {
  const base: Record<string, unknown> = target === 'post' ? { ...VALID_EVENT } : {};
  const field = fc.constantFrom(...SCHEMA_KEYS);
  // Mostly one bad field, so that later checks (cities, zones, times) are reached, not masked by the first issue.
  const badFields = fc
    .oneof({ weight: 2, arbitrary: field.map((f) => [f]) }, { weight: 1, arbitrary: fc.uniqueArray(field, { minLength: 2, maxLength: 3 }) })
    .chain((fields) => fc.tuple(...fields.map((f) => BAD_VALUE[f].map((v) => [f, v] as const))))
    .map((entries) => ({ why: `bad ${entries.map(([f]) => f).join('+')}`, json: objectOf([...Object.entries(base), ...entries]) }));
  const relative = fc
    .constantFrom(...RELATIVE_FAULTS)
    .map((fault) => ({ why: `times ${JSON.stringify(fault)}`, json: { ...base, ...fault } }));
  const missing = fc.subarray([...REQUIRED], { minLength: 1 }).map((keys) =>
    target === 'post'
      ? {
          why: `missing ${keys.join('+')}`,
          json: Object.fromEntries(Object.entries(VALID_EVENT).filter(([k]) => !keys.includes(k as (typeof REQUIRED)[number]))),
        }
      : { why: `removed ${keys.join('+')}`, json: Object.fromEntries(keys.map((k) => [k, null])) },
  );
  const unknownKey = fc.oneof(fc.constantFrom(...UNKNOWN_KEYS), fc.string({ maxLength: 12 })).filter((k) => !isSchemaKey(k));
  const unknown = fc
    .uniqueArray(
      fc.tuple(
        unknownKey,
        fc.jsonValue({ maxDepth: 2 }).filter((v) => roundTrip(v) !== null),
      ),
      { minLength: 1, maxLength: 3, selector: ([k]) => k },
    )
    .map((extra) => ({
      why: `unknown ${extra.map(([k]) => JSON.stringify(k)).join('+')}`,
      json: objectOf([...Object.entries(base), ...extra]),
    }));
  // Any JSON value at all; a PATCH object must carry a field that is not in the schema (else it may be valid).
  const anyJson = fc
    .jsonValue()
    .filter((v) => {
      const sent = roundTrip(v);
      if (!isObject(sent)) return true;
      if (target === 'post') return REQUIRED.some((k) => !(k in sent));
      return Object.entries(sent).some(([k, x]) => !isSchemaKey(k) && x !== null);
    })
    .map((json) => ({ why: 'any JSON value', json }));
  const shapes = fc
    .constantFrom<unknown>(null, [], [VALID_EVENT], [VALID_PATCH], 'plenary', 0, true, '', {
      title: 'Plenum',
      cities: 'Foshan',
      start: 20181024,
    })
    .map((json) => ({ why: 'wrong shape', json }));
  const arb = fc.oneof(
    { weight: 8, arbitrary: badFields },
    { weight: 3, arbitrary: relative },
    { weight: 1, arbitrary: missing },
    { weight: 2, arbitrary: unknown },
    { weight: 3, arbitrary: anyJson },
    { weight: 1, arbitrary: shapes },
  );
  return arb;
}

const isJson = (s: string): boolean => {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
};
const NOT_JSON = [
  '',
  ' ',
  '{',
  '}',
  '[',
  '{"kind":',
  "{'kind':'plenary'}",
  '{kind: "plenary"}',
  'NaN',
  'undefined',
  '[1,]',
  '{"a":1,}',
  '/* comment */ {}',
  '{"a":1}{"b":2}',
  '\u0000',
  'null null',
  '"unterminated',
  '{"title":{"de":"x"}}garbage',
  '0x10',
  '01',
  '.5',
  '+1',
  '1e',
  'tru',
  'nul',
  '\\u0041',
  '{"a":"\\x41"}',
  '{"a":"\\ud800"',
  '<event kind="plenary"/>',
  'kind=plenary&title=x',
  '--boundary\r\nContent-Disposition: form-data; name="kind"\r\n\r\nplenary\r\n--boundary--',
];
const nonJsonText = (valid: string) =>
  fc
    .oneof(
      fc.constantFrom(...NOT_JSON),
      fc.string({ maxLength: 200 }),
      fc.integer({ min: 1, max: valid.length - 1 }).map((n) => valid.slice(0, n)),
      fc.string({ minLength: 1, maxLength: 5 }).map((s) => valid + s),
    )
    .filter((s) => !isJson(s));

/** Nested deeply, but within the body limit (regression: json-merge-patch overflowed the stack, a 500). */
const deep = (_target: Target) =>
  fc.oneof(
    fc.integer({ min: 100, max: 10_000 }).map((d) => ({ why: `${d} nested objects`, body: `${'{"x":'.repeat(d)}1${'}'.repeat(d)}` })),
    fc.integer({ min: 100, max: 30_000 }).map((d) => ({ why: `${d} nested arrays`, body: `${'['.repeat(d)}${']'.repeat(d)}` })),
    fc
      .integer({ min: 100, max: 25_000 })
      .map((d) => ({ why: `title.de: ${d} nested arrays`, body: `{"title":{"de":${'['.repeat(d)}${']'.repeat(d)}}}` })),
    fc
      .integer({ min: 100, max: 10_000 })
      .map((d) => ({ why: `location: ${d} nested objects`, body: `{"location":${'{"a":'.repeat(d)}1${'}'.repeat(d + 1)}` })),
  );

const POST_TYPES = ['application/json'];
const PATCH_TYPES = ['application/merge-patch+json', 'application/json'];
const WRONG_TYPES = [
  'text/plain',
  'text/json',
  'text/html',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/jsonp',
  'application/ld+json',
  'application/xml',
  'application/octet-stream',
  '*/*',
  'application/*',
  'json',
  'application/json,text/plain',
  'application/json+merge-patch',
  'application/problem+json',
  '',
];

/** A request to `target` with the right token (and If-Match) whose body or Content-Type is at fault. */
function bodyFault(target: Target): fc.Arbitrary<Attempt> {
  const method = target === 'post' ? 'POST' : 'PATCH';
  const path = target === 'post' ? '/api/v1/events' : EVENT_PATH;
  const accepted = target === 'post' ? POST_TYPES : PATCH_TYPES;
  const auth: Record<string, string> = { Authorization: `Bearer ${TOKEN}`, ...(target === 'patch' && { 'If-Match': '"r1"' }) };
  const validText = JSON.stringify(target === 'post' ? VALID_EVENT : VALID_PATCH);
  const types = fc.constantFrom(...accepted, ...accepted.map((t) => `${t.toUpperCase()}; charset=utf-8`));
  const attempt = (why: string, body: string, type: string, status: Attempt['status']): Attempt => ({
    why,
    method,
    path,
    headers: { ...auth, 'Content-Type': type },
    body,
    status,
  });

  const json = fc.tuple(invalidJson(target), types).map(([{ why, json }, type]) => attempt(why, JSON.stringify(json), type, 400));
  const text = fc.tuple(nonJsonText(validText), types).map(([body, type]) => attempt('not JSON', body, type, 400));
  const nested = fc.tuple(deep(target), types).map(([{ why, body }, type]) => attempt(why, body, type, 400));
  const wrongType = fc.oneof(
    fc
      .constantFrom(...WRONG_TYPES.filter((t) => !accepted.includes(t)))
      .map((type) => attempt(`Content-Type ${JSON.stringify(type)}`, validText, type, 415)),
    fc.constant<Attempt>({ why: 'no Content-Type (text/plain by default)', method, path, headers: auth, body: validText, status: 415 }),
    fc.constant<Attempt>({ why: 'no Content-Type at all', method, path, headers: auth, body: validText, bare: true, status: 415 }),
  );
  const tooLarge = fc
    .tuple(fc.integer({ min: OVER_BODY_LIMIT, max: 120_000 }), fc.constantFrom('description', 'raw', 'wrong type'), types)
    .map(([size, how, type]): Attempt => {
      const filler = 'x'.repeat(size);
      if (how === 'raw') return attempt('too large, not JSON', filler, type, 413);
      const body = JSON.stringify(target === 'post' ? { ...VALID_EVENT, description: { de: filler } } : { description: { de: filler } });
      return attempt(`too large (${how})`, body, how === 'wrong type' ? 'text/plain' : type, 413);
    });
  return fc.oneof(
    { weight: 14, arbitrary: json },
    { weight: 2, arbitrary: text },
    { weight: 1, arbitrary: nested },
    { weight: 2, arbitrary: wrongType },
    { weight: 1, arbitrary: tooLarge },
  );
}

/** Requests whose body would be accepted (and would write) but whose token or If-Match is at fault. */
const headerFault: fc.Arbitrary<Attempt> = (() => {
  const wrongAuth = fc.oneof(
    fc.constantFrom(
      'Bearer wrong-token',
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(0, -1)}`,
      `Bearer ${TOKEN.toUpperCase()}`,
      `Basic ${btoa(`admin:${TOKEN}`)}`,
      `Token ${TOKEN}`,
      'Bearer',
      'Bearer ',
      TOKEN,
      `Bearer ${TOKEN} extra`,
      `Bearer "${TOKEN}"`,
      `Bearer\t${TOKEN}`,
      `BearerX ${TOKEN}`,
      `Bearer ${TOKEN},Bearer ${TOKEN}`,
      `Bearer=${TOKEN}`,
    ),
    fc
      .string({ maxLength: 40 })
      .filter((s) => s.trim() !== TOKEN)
      .map((s) => `Bearer ${s}`),
  );
  const authHeaders = fc
    .option(wrongAuth, { nil: undefined })
    .map((value): Record<string, string> => (value === undefined ? {} : { Authorization: value }));
  const token = { Authorization: `Bearer ${TOKEN}` };
  const wrongEtag = fc
    .oneof(
      fc.constantFrom('"r2"', '"r0"', 'r1', '"R1"', 'W/"r2"', '', '"r1', '"r 1"', '"r1"x', '**', '"r1"; "r2"'),
      fc.string({ maxLength: 12 }),
    )
    .filter((h) => h.trim() !== '*' && !h.split(',').some((tag) => tag.trim().replace(/^W\//, '') === '"r1"'));
  const json = { 'Content-Type': 'application/json' };
  return fc.oneof(
    authHeaders.map(
      (h): Attempt => ({
        why: 'POST, no or wrong token',
        method: 'POST',
        path: '/api/v1/events',
        headers: { ...h, ...json },
        body: JSON.stringify(VALID_EVENT),
        status: 401,
      }),
    ),
    fc.tuple(authHeaders, fc.boolean()).map(
      ([h, withEtag]): Attempt => ({
        why: 'PATCH, no or wrong token',
        method: 'PATCH',
        path: EVENT_PATH,
        headers: { ...h, ...json, ...(withEtag && { 'If-Match': '"r1"' }) },
        body: JSON.stringify(VALID_PATCH),
        status: 401,
      }),
    ),
    authHeaders.map((h): Attempt => ({ why: 'DELETE, no or wrong token', method: 'DELETE', path: EVENT_PATH, headers: h, status: 401 })),
    fc.constant<Attempt>({
      why: 'PATCH without If-Match',
      method: 'PATCH',
      path: EVENT_PATH,
      headers: { ...token, ...json },
      body: JSON.stringify(VALID_PATCH),
      status: 428,
    }),
    wrongEtag.map(
      (etag): Attempt => ({
        why: 'PATCH, wrong If-Match',
        method: 'PATCH',
        path: EVENT_PATH,
        headers: { ...token, ...json, 'If-Match': etag },
        body: JSON.stringify(VALID_PATCH),
        status: 412,
      }),
    ),
    wrongEtag.map(
      (etag): Attempt => ({
        why: 'DELETE, wrong If-Match',
        method: 'DELETE',
        path: EVENT_PATH,
        headers: { ...token, 'If-Match': etag },
        status: 412,
      }),
    ),
  );
})();

// ---------------------------------------------------------------------------------------------------------

describe('write API under malformed and hostile requests', () => {
  let h: Harness;
  /** The database after the sanity requests; no refused request may change it. */
  let expected = '';
  const sent = { post: 0, patch: 0, headers: 0 };

  beforeAll(async () => {
    h = await harness();
  });
  afterAll(() => h.t.dispose());

  it('sanity: a valid POST is accepted (201) and changes the snapshot; a no-op PATCH with the fuzz headers answers 200', async () => {
    const before = snapshot(h.t);
    const created = await h.app.request('/api/v1/events', {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(VALID_EVENT),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    expect(snapshot(h.t)).not.toBe(before);
    expected = snapshot(h.t);

    const etag = (await h.app.request(EVENT_PATH)).headers.get('etag');
    expect(etag).toBe('"r1"');
    // The headers every PATCH below carries are right: an empty merge patch is accepted and writes nothing.
    const noop = await h.app.request(EVENT_PATH, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/merge-patch+json', 'If-Match': '"r1"' },
      body: '{}',
    });
    expect(noop.status, await noop.clone().text()).toBe(200);
    expect(snapshot(h.t)).toBe(expected);
  });

  it(`refuses ${RUNS.post} malformed POST bodies with a 4xx and writes nothing`, async () => {
    await fc.assert(
      fc.asyncProperty(bodyFault('post').map(attemptOf), async (a) => {
        sent.post++;
        await refused(h, a, expected);
      }),
      { seed: SEED, numRuns: RUNS.post, endOnFailure: true },
    );
  }, 30_000);

  it(`refuses ${RUNS.patch} malformed merge patches with a 4xx and writes nothing`, async () => {
    await fc.assert(
      fc.asyncProperty(bodyFault('patch').map(attemptOf), async (a) => {
        sent.patch++;
        await refused(h, a, expected);
      }),
      { seed: SEED + 1, numRuns: RUNS.patch, endOnFailure: true },
    );
  }, 30_000);

  it(`refuses ${RUNS.headers} writes without or with a wrong token or If-Match (401/412/428) and writes nothing`, async () => {
    await fc.assert(
      fc.asyncProperty(headerFault.map(attemptOf), async (a) => {
        sent.headers++;
        await refused(h, a, expected);
      }),
      { seed: SEED + 2, numRuns: RUNS.headers, endOnFailure: true },
    );
  }, 30_000);

  it('leaves the database as it was after the sanity requests', () => {
    expect(sent).toEqual(RUNS);
    expect(snapshot(h.t)).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Regressions found by this fuzz, each on a fresh database.

describe('merge patch regressions (json-merge-patch 1.0.2)', () => {
  const patchWith = (body: string, why: string): Attempt => ({
    why,
    method: 'PATCH',
    path: EVENT_PATH,
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/merge-patch+json', 'If-Match': '"r1"' },
    body,
    status: 400,
  });

  async function refusedOnFreshDatabase(a: Attempt): Promise<void> {
    const h = await harness();
    try {
      await refused(h, a, snapshot(h.t));
    } finally {
      await h.t.dispose();
    }
  }

  // json-merge-patch's apply() stops at a key "__proto__", "constructor" or "prototype" (at any depth): the keys
  // before it were applied, the rest silently dropped, and the unknown field never reached the strict schema.
  it('regression: a merge patch with a "__proto__" key was accepted (200) with the fields before it written', async () => {
    await refusedOnFreshDatabase(patchWith('{"location":"Evil place","__proto__":1}', 'reserved key after a change'));
  });
  it('regression: a merge patch with a "constructor" key before invalid fields was accepted (200, the rest ignored)', async () => {
    await refusedOnFreshDatabase(patchWith('{"constructor":1,"start":"garbage","kind":"party"}', 'reserved key before invalid fields'));
    await refusedOnFreshDatabase(patchWith('{"title":{"constructor":"x"}}', 'reserved key inside title'));
  });

  // json-merge-patch's apply() recurses once per level: ~7,500 nested objects (45 KB, under the 64 KiB limit)
  // overflowed the stack, and the RangeError became a 500.
  it('regression: a deeply nested merge patch within the body limit was a 500 (RangeError in json-merge-patch)', async () => {
    const depth = 10_000;
    const body = `${'{"x":'.repeat(depth)}1${'}'.repeat(depth)}`;
    expect(new TextEncoder().encode(body).length).toBeLessThan(64 * 1024);
    await refusedOnFreshDatabase(patchWith(body, `${depth} nested objects`));
  });
});
