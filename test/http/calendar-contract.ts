/**
 * Calendar behaviour over HTTP, run on both runtimes (Node + SQLite, workerd + D1) against the seed set.
 */
import { describe, expect, it } from 'vitest';
import { isCalendarPrecision } from '../../src/core/calendar/render-ics.js';
import { parseWithIcalJs } from '../fixtures/ics-parsers.js';
import { SEEDS_IN_ORDER, seedEvent } from '../fixtures/seeds.js';
import { expectErrors, type Fetch } from './api-contract.js';

/** Registers the calendar suite; `getFetch` is called in each test. */
export function describeCalendars(runtime: string, getFetch: () => Fetch): void {
  const get = (path: string, init?: RequestInit) => getFetch()(path, init);

  describe(`calendars on ${runtime}`, () => {
    it('serves every day-precision seed event as text/calendar with validators', async () => {
      const res = await get('/calendar.ics');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      expect(res.headers.get('etag')).toMatch(/^"[^"]+"$/);
      expect(res.headers.get('last-modified')).toBe('Wed, 02 Dec 2026 00:00:00 GMT');
      expect(res.headers.get('cache-control')).toMatch(/max-age=\d+/);
      expect(res.headers.get('content-disposition')).toMatch(/^inline;/);
      const events = parseWithIcalJs(await res.text());
      const expected = SEEDS_IN_ORDER.filter(isCalendarPrecision).map((e) => e.id);
      expect(expected).toContain('isa-plenary-2018');
      // Month- and year-precision items (the Solingen conference of July 2018) have no calendar entry.
      expect(expected).not.toContain('isa-fachtagung-solingen-2018');
      expect(events.map((e) => e.uid.replace(/@.*/, '')).sort()).toEqual(expected.sort());
    });

    it('answers 304 to If-None-Match and If-Modified-Since, and HEAD without a body', async () => {
      const first = await get('/cities/foshan/calendar.ics?lang=en');
      const etag = first.headers.get('etag') ?? '';
      expect((await get('/cities/foshan/calendar.ics?lang=en', { headers: { 'If-None-Match': etag } })).status).toBe(304);
      expect(
        (await get('/cities/foshan/calendar.ics?lang=en', { headers: { 'If-Modified-Since': first.headers.get('last-modified') ?? '' } }))
          .status,
      ).toBe(304);
      expect((await get('/cities/foshan/calendar.ics?lang=en', { headers: { 'If-None-Match': '"other"' } })).status).toBe(200);
      const head = await get('/cities/foshan/calendar.ics?lang=en', { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.headers.get('etag')).toBe(etag);
      expect(await head.text()).toBe('');
    });

    it('puts a multi-city event in each city calendar with one UID, in the chosen language', async () => {
      const foshan = await (await get('/cities/%E4%BD%9B%E5%B1%B1/calendar.ics?lang=zh')).text();
      const shenzhen = await (await get('/cities/shenzhen/calendar.ics?lang=zh')).text();
      const uid = 'solingen-guangdong-trip-2018@isa-calendar.invalid';
      expect(parseWithIcalJs(foshan).map((e) => e.uid)).toContain(uid);
      expect(parseWithIcalJs(shenzhen).map((e) => e.uid)).toContain(uid);
      expect(foshan).toContain('X-WR-CALNAME:ISA – 佛山');
      expect(foshan).toContain('SUMMARY;LANGUAGE=zh:');
    });

    it('filters by kind, and serves a single event as a download', async () => {
      const plenaries = parseWithIcalJs(await (await get('/calendar.ics?kind=plenary')).text());
      expect(plenaries.map((e) => e.uid)).toEqual(
        SEEDS_IN_ORDER.filter((e) => e.kind === 'plenary' && isCalendarPrecision(e)).map((e) => `${e.id}@isa-calendar.invalid`),
      );
      const one = await get('/events/isa-plenary-2018.ics?lang=en');
      expect(one.status).toBe(200);
      // Its own validator, not the write token "r1" of the API, which is one per revision for every representation.
      expect(one.headers.get('etag')).toMatch(/^"[^"]+-[0-9a-f]{24}(-gzip|-br)?"$/);
      expect(
        (await get('/events/isa-plenary-2018.ics?lang=en', { headers: { 'If-None-Match': one.headers.get('etag') ?? '' } })).status,
      ).toBe(304);
      expect((await get('/events/isa-plenary-2018.ics?lang=de')).headers.get('etag')).not.toBe(one.headers.get('etag'));
      expect(one.headers.get('content-disposition')).toMatch(/^attachment; filename="isa-plenary-2018.ics"/);
      const text = await one.text();
      expect(text).not.toContain('X-WR-CALNAME');
      expect(parseWithIcalJs(text)).toMatchObject([
        { summary: seedEvent('isa-plenary-2018').title.en, start: { date: '2018-10-24' }, end: { date: '2018-10-25' } },
      ]);
    });

    it('answers bad calendar requests in the JSON error envelope', async () => {
      await expectErrors(getFetch(), [
        ['/cities/atlantis/calendar.ics', 404, 'unknown_city'],
        ['/calendar.ics?lang=fr', 400, 'invalid_input'],
        ['/calendar.ics?kind=party', 400, 'invalid_input'],
        ['/events/no-such-event.ics', 404, 'not_found'],
        ['/events/isa-fachtagung-solingen-2018.ics', 404, 'not_found'],
      ]);
    });

    it('serves the holiday overlay calendars: all-day, transparent, the same UIDs in every language, with validators', async () => {
      const res = await get('/holidays/de-nw.ics');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      const etag = res.headers.get('etag') ?? '';
      expect(etag).toMatch(/^"[^"]+"$/);
      const text = await res.text();
      expect(text).toContain('TRANSP:TRANSPARENT');
      const de = parseWithIcalJs(text);
      expect(de.find((e) => e.start.date === '2027-05-27')).toMatchObject({ summary: 'Fronleichnam', end: { date: '2027-05-28' } });
      const zh = parseWithIcalJs(await (await get('/holidays/de-nw.zh.ics')).text());
      expect(zh.map((e) => e.uid)).toEqual(de.map((e) => e.uid));
      expect((await get('/holidays/de-nw.ics', { headers: { 'If-None-Match': etag } })).status).toBe(304);
    });
  });
}
