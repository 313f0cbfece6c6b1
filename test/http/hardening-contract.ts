/**
 * Regression tests of the adversarial review (no input may break the site), run on both runtimes, each against
 * a database of its own. `sql` runs a statement on that database directly, to store rows that no write accepts
 * any more but that older versions may have left behind.
 */
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { EVENT_KINDS } from '../../src/core/model.js';
import { RENDER_VERSION } from '../../src/documents/render-version.js';
import { parseWithIcalJs } from '../fixtures/ics-parsers.js';
import { WRITE_TOKEN } from '../fixtures/tokens.js';
import { expectErrors, type Fetch } from './api-contract.js';

export interface HardeningTarget {
  readonly fetch: Fetch;
  /** Runs one SQL statement on the suite's database. */
  readonly sql: (statement: string) => Promise<void>;
  /** The origin of PUBLIC_URL (the app's own pages). */
  readonly origin: string;
}

const auth = { Authorization: `Bearer ${WRITE_TOKEN}`, 'Content-Type': 'application/json' };
const base = { kind: 'conference', title: { de: 'Härtetest' }, cities: ['Foshan'] };

/** Every public document that shows all events or Foshan's, with how to check it parses. */
const DOCUMENTS: ReadonlyArray<readonly [string, 'html' | 'ics' | 'xml' | 'json']> = [
  ['/', 'html'],
  ['/?lang=zh', 'html'],
  ['/cities/foshan', 'html'],
  ['/events/isa-plenary-2018', 'html'],
  ['/calendar.ics', 'ics'],
  ['/calendar.zh.ics', 'ics'],
  ['/cities/foshan/calendar.en.ics', 'ics'],
  ['/events/isa-plenary-2018.ics', 'ics'],
  ['/feed.rss', 'xml'],
  ['/feed.atom', 'xml'],
  ['/feed.json', 'json'],
  ['/cities/foshan/feed.en.rss', 'xml'],
  ['/cities/foshan/feed.zh.atom', 'xml'],
  ['/cities/foshan/feed.json', 'json'],
  ['/changes.atom', 'xml'],
  ['/changes.atom?lang=zh', 'xml'],
  ['/feeds.opml', 'xml'],
  ['/api/v1/changes?since=2000-01-01&limit=500', 'json'],
  ['/api/v1/events?from=2000-01-01&limit=500', 'json'],
  ['/api/v1/events?city=foshan&from=2000-01-01&limit=500', 'json'],
];

/** Fetches every public document: each answers 200 and parses as its format. */
async function expectEveryDocumentServed(get: Fetch): Promise<void> {
  for (const [path, format] of DOCUMENTS) {
    const res = await get(path);
    const text = await res.text();
    expect(res.status, `${path}: ${text.slice(0, 300)}`).toBe(200);
    if (format === 'xml') expect(XMLValidator.validate(text), path).toBe(true);
    if (format === 'json') expect(() => JSON.parse(text), path).not.toThrow();
    if (format === 'ics') expect(() => parseWithIcalJs(text), path).not.toThrow();
    if (format === 'html') expect(text, path).toMatch(/^<!doctype html>[\s\S]*<\/html>\s*$/);
  }
}

/** An event row as an older version could have stored it, with its city link and a history row. */
async function storeRaw(
  target: HardeningTarget,
  id: string,
  fields: { title: string; start: string; startKey: number; endKey: number },
): Promise<void> {
  const title = fields.title.replace(/'/g, "''");
  await target.sql(
    `INSERT INTO events (id, kind, title_de, time_zone, precision, start_value, start_key, end_key, created_at, updated_at, links)
     VALUES ('${id}', 'conference', '${title}', 'Asia/Shanghai', 'day', '${fields.start}', ${fields.startKey}, ${fields.endKey}, '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z', 'venue:foshan')`,
  );
  await target.sql(
    `INSERT INTO event_cities (event_id, city, role, position, start_key, end_key) VALUES ('${id}', 'foshan', 'venue', 0, ${fields.startKey}, ${fields.endKey})`,
  );
  const record = JSON.stringify({
    id,
    kind: 'conference',
    status: 'confirmed',
    title: { de: fields.title },
    timeZone: 'Asia/Shanghai',
    start: { value: fields.start, fold: 0 },
  });
  await target.sql(
    `INSERT INTO event_history (event_id, revision, action, actor, at, before, after) VALUES ('${id}', 1, 'created', 'old-version', '2026-12-01T00:00:00Z', NULL, '${record.replace(/'/g, "''")}')`,
  );
  await target.sql('UPDATE data_version SET version = version + 1');
}

/** Registers the suite; `getTarget` is called in each test. */
export function describeHardening(runtime: string, getTarget: () => HardeningTarget): void {
  const get: Fetch = (path, init) => getTarget().fetch(path, init);
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    get('/api/v1/events', { method: 'POST', headers: { ...auth, ...headers }, body: JSON.stringify(body) });
  const expectRefused = async (body: unknown, code: string, field: string) => {
    const res = await post(body);
    const error = ((await res.json()) as { error: { code: string; field?: string } }).error;
    expect(res.status, JSON.stringify(body)).toBe(400);
    expect(error, JSON.stringify(body)).toMatchObject({ code, field });
  };

  describe(`hardening on ${runtime}`, () => {
    it('regression: one write with start 9999-12-31 took every public document down (years 1900–2100 at the edge)', async () => {
      await expectRefused({ ...base, start: '9999-12-31' }, 'invalid_time', 'start');
      await expectRefused({ ...base, start: '2027-01-01', end: '2101-01-01' }, 'invalid_time', 'end');
      // Malformed all-day dates before year 1000 (DTSTART;VALUE=DATE:500101) are gone with the same range.
      await expectRefused({ ...base, start: '0500-01-01' }, 'invalid_time', 'start');
      await expectRefused({ ...base, start: '1899-12-31' }, 'invalid_time', 'start');
      expect((await post({ ...base, start: '1900-01-01' })).status).toBe(201);
      expect((await post({ ...base, start: '2100-12-31' })).status).toBe(201);
    });

    it('regression: a stored row that cannot be rendered failed whole documents; it is left out, also from the changes', async () => {
      // As an older version stored it: the day after it has no four-digit year.
      await storeRaw(getTarget(), 'year-9999-left-behind', {
        title: 'Jahr 9999',
        start: '9999-12-31',
        startKey: 253402214400000,
        endKey: 253402300799999,
      });
      await expectEveryDocumentServed(get);
      const calendar = await (await get('/calendar.ics')).text();
      expect(calendar).not.toContain('year-9999-left-behind');
      expect(calendar).toContain('UID:isa-plenary-2018@');
      const feed = await (await get('/feed.atom')).text();
      expect(feed).toContain('isa-plenary-2018');
    });

    it('regression: XML-forbidden characters broke every feed — refused at the edge, stripped from older rows', async () => {
      for (const bad of ['Mit \uFFFF', 'Mit \uFFFE', 'Mit \uD800 allein', 'Mit \u0001', 'Mit \u001B', 'Mit \uFDD0', 'Mit \u{10FFFF}']) {
        await expectRefused({ ...base, title: { de: bad }, start: '2027-05-01' }, 'invalid_input', 'title.de');
      }
      await expectRefused({ ...base, title: { de: 'Ort' }, location: 'Foshan\uFFFF', start: '2027-05-01' }, 'invalid_input', 'location');
      await expectRefused({ ...base, url: 'https://example.org/\u0000x', start: '2027-05-01' }, 'invalid_input', 'url');
      await expectRefused({ ...base, url: 'https://user:secret@example.org/', start: '2027-05-01' }, 'invalid_input', 'url');
      // A WHATWG URL is stored in its serialised form.
      const created = (await (await post({ ...base, url: 'HTTPS://Example.ORG/a b?x=<1>', start: '2027-05-01' })).json()) as {
        url: string;
      };
      expect(created.url).toBe('https://example.org/a%20b?x=%3C1%3E');
      await storeRaw(getTarget(), 'xml-forbidden-left-behind', {
        title: 'Alt \uFFFF\uFFFE \u0007 \u202E gespiegelt',
        start: '2027-06-01',
        startKey: 1811779200000,
        endKey: 1811865599999,
      });
      await expectEveryDocumentServed(get);
      const atom = await (await get('/feed.atom')).text();
      expect(atom).toContain('Alt');
      for (const removed of ['\uFFFE', '\uFFFF', '\u0007', '\u202E']) expect(atom).not.toContain(removed);
    });

    it('regression: bidirectional controls passed into every output', async () => {
      for (const control of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']) {
        await expectRefused({ ...base, title: { de: `Foshan ${control}nlöK` }, start: '2027-05-01' }, 'invalid_input', 'title.de');
      }
    });

    it('regression: unknown zone strings answered 500 (PT, ET, CT, MT)', async () => {
      for (const zone of ['PT', 'ET', 'CT', 'MT']) {
        await expectErrors(getTarget().fetch, [[`/api/v1/events?tz=${zone}`, 400, 'unknown_zone', 'query.tz']]);
        await expectRefused({ ...base, start: '2027-05-01T10:00', timeZone: zone }, 'unknown_zone', 'timeZone');
      }
      const created = (await (await post({ ...base, start: '2027-05-01T10:00' })).json()) as { id: string };
      const patched = await get(`/api/v1/events/${created.id}`, {
        method: 'PATCH',
        headers: { ...auth, 'If-Match': '"r1"' },
        body: JSON.stringify({ timeZone: 'ET' }),
      });
      expect(patched.status).toBe(400);
    });

    it('regression: a day that never existed was accepted (Pacific/Apia skipped 2011-12-30)', async () => {
      await expectRefused({ ...base, start: '2011-12-30T12:00', timeZone: 'Pacific/Apia' }, 'nonexistent_time', 'start');
      await expectRefused({ ...base, start: '2011-12-30', timeZone: 'Pacific/Apia' }, 'nonexistent_time', 'start');
      expect((await post({ ...base, start: '2011-12-31T12:00', timeZone: 'Pacific/Apia' })).status).toBe(201);
    });

    it('regression: weak ETags passed If-Match (strong comparison, RFC 9110 §13.1.1)', async () => {
      const created = (await (await post({ ...base, start: '2027-05-02' })).json()) as { id: string };
      const path = `/api/v1/events/${created.id}`;
      const patch = (ifMatch: string) =>
        get(path, { method: 'PATCH', headers: { ...auth, 'If-Match': ifMatch }, body: JSON.stringify({ start: '2027-05-03' }) });
      expect((await patch('W/"r1"')).status).toBe(412);
      expect((await patch('"r1"')).status).toBe(200);
      // DELETE keeps If-Match optional, and answers 412 when it is stale.
      expect((await get(path, { method: 'DELETE', headers: { ...auth, 'If-Match': '"r1"' } })).status).toBe(412);
      expect((await get(path, { method: 'DELETE', headers: auth })).status).toBe(200);
    });

    it('regression: D1 refused statements with too many SQL variables (kinds repeated 60 and 120 times)', async () => {
      const sixty = Array.from({ length: 60 }, () => 'fair').join(',');
      const all = Array.from({ length: 15 }, () => EVENT_KINDS.join(',')).join(',');
      for (const path of [
        `/api/v1/events?city=koeln&kind=${sixty}`,
        `/api/v1/events?kind=${all}&from=2000-01-01`,
        `/cities/koeln/feed.atom?kind=${sixty}`,
        `/cities/koeln/feed.${Array.from({ length: 60 }, () => 'fair').join('+')}.json`,
        `/cities/koeln/calendar.ics?kind=${all}`,
        `/calendar.ics?kind=${all}`,
      ]) {
        expect((await get(path)).status, path).toBe(200);
      }
      // Every spelling of a kind filter is one document.
      const once = await get('/feed.fair.json');
      const twice = await get('/feed.fair+fair.json');
      expect(twice.headers.get('etag')).toBe(once.headers.get('etag'));
    });

    it('regression: cross-origin writes — the preflight allows no Authorization, and foreign Origins are refused', async () => {
      const preflight = await get('/api/v1/events', {
        method: 'OPTIONS',
        headers: {
          Origin: 'https://attacker.example',
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'authorization, content-type',
        },
      });
      expect(preflight.headers.get('access-control-allow-headers') ?? '').not.toMatch(/authorization|content-type/i);
      expect(preflight.headers.get('access-control-allow-methods') ?? '').not.toMatch(/POST|PATCH|DELETE/);
      const foreign = await post({ ...base, start: '2027-05-04' }, { Origin: 'https://attacker.example' });
      expect(foreign.status).toBe(403);
      expect(((await foreign.json()) as { error: unknown }).error).toMatchObject({ code: 'forbidden', field: 'headers.origin' });
      expect((await post({ ...base, start: '2027-05-04' }, { Origin: getTarget().origin })).status).toBe(201);
      // Reading stays open to every origin.
      expect(
        (await get('/api/v1/events', { headers: { Origin: 'https://attacker.example' } })).headers.get('access-control-allow-origin'),
      ).toBe('*');
    });

    it('regression: stale bytes after a deploy — every document carries a validator of its own with the render version', async () => {
      const etags = new Set<string>();
      for (const path of ['/calendar.ics', '/calendar.en.ics', '/feed.atom', '/feed.rss', '/events/isa-plenary-2018.ics', '/feeds.opml']) {
        const etag = (await get(path)).headers.get('etag') ?? '';
        expect(etag, path).toMatch(new RegExp(`^"${RENDER_VERSION}-[0-9a-f]{24}(-gzip|-br)?"$`));
        etags.add(etag);
      }
      expect(etags.size).toBe(6);
      // The write token of the API stays "r<revision>" and is not a document's validator.
      expect((await get('/api/v1/events/isa-plenary-2018')).headers.get('etag')).toBe('"r1"');
    });

    it('answers /healthz with the state of writes', async () => {
      const res = await get('/healthz');
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true, writes: 'ok' });
    });
  });
}
