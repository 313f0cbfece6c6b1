/**
 * The overlay calendars of public holidays and each event's holidays, over HTTP on a real Node server, read
 * by ical.js, node-ical and (where installed) libical and python icalendar: all-day, exclusive end, stable
 * UIDs, transparent.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { GERMAN_STATES } from '../../src/core/holidays/holiday-keys.js';
import { parseXmlFeed } from '../fixtures/feed-parsers.js';
import { parseWithNodeIcal } from '../fixtures/ics-parser-node.js';
import { parseWithIcalJs } from '../fixtures/ics-parsers.js';
import { WRITE_TOKEN } from '../fixtures/tokens.js';
import { serveForSuite } from './node-server.js';

const PYTHON = '/usr/bin/python3';
const INSTANTS = new URL('../fixtures/ical-instants.py', import.meta.url).pathname;
const havePython =
  existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import icalendar, gi; gi.require_version("ICalGLib", "3.0")']).status === 0;
const inCI = process.env.CI === 'true';

describe('holiday calendars', () => {
  const s = serveForSuite({ ADMIN_TOKEN: WRITE_TOKEN });

  it('serves China, Germany and all 16 states, each all-day with an exclusive end, transparent, in three languages', async () => {
    for (const region of ['cn', 'de', ...GERMAN_STATES.map((st) => st.toLowerCase())]) {
      const res = await s.fetch(`/holidays/${region}.ics`);
      expect(res.status, region).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      const text = await res.text();
      const calendar = new ICAL.Component(ICAL.parse(text));
      const events = calendar.getAllSubcomponents('vevent');
      expect(events.length, region).toBeGreaterThan(200);
      for (const vevent of events) {
        const start = vevent.getFirstPropertyValue('dtstart') as ICAL.Time;
        const end = vevent.getFirstPropertyValue('dtend') as ICAL.Time;
        expect(start.isDate && end.isDate, region).toBe(true);
        expect(end.compare(start), region).toBe(1);
        expect(vevent.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
      }
    }
    const cn = parseWithIcalJs(await (await s.fetch('/holidays/cn.zh.ics')).text());
    // 2025's National Day: 1–5 October, Mid-Autumn on the 6th, 7–8 October; DTEND is the day after.
    const national = cn.filter((e) => e.summary === '国庆节' && e.start.date?.startsWith('2025-'));
    expect(national.map((e) => [e.start.date, e.end?.date])).toEqual([
      ['2025-10-01', '2025-10-06'],
      ['2025-10-07', '2025-10-09'],
    ]);
    expect(cn.filter((e) => e.summary === '调休上班（国庆节）' && e.start.date?.startsWith('2025-')).map((e) => e.start.date)).toEqual([
      '2025-09-28',
      '2025-10-11',
    ]);
    const nrw = parseWithNodeIcal(await (await s.fetch('/holidays/de-nw.ics?lang=de')).text());
    expect(nrw.some((e) => e.summary === 'Fronleichnam' && e.start.date === '2027-05-27' && e.end?.date === '2027-05-28')).toBe(true);
    const hamburg = parseWithNodeIcal(await (await s.fetch('/holidays/de-hh.de.ics')).text());
    expect(hamburg.some((e) => e.summary === 'Fronleichnam')).toBe(false);
    expect(hamburg.some((e) => e.summary === 'Tag der Deutschen Einheit' && e.start.date === '2027-10-03')).toBe(true);
  });

  it('keeps each entry’s UID across languages and requests, and says when a day is by rule only', async () => {
    const uids = async (path: string) => parseWithIcalJs(await (await s.fetch(path)).text()).map((e) => e.uid);
    const de = await uids('/holidays/cn.de.ics');
    expect(await uids('/holidays/cn.en.ics')).toEqual(de);
    expect(await uids('/holidays/cn.de.ics')).toEqual(de);
    expect(new Set(de).size).toBe(de.length);
    const en = parseWithIcalJs(await (await s.fetch('/holidays/cn.en.ics')).text());
    const later = en.find((e) => e.start.date === '2027-10-01');
    expect(later?.summary).toBe('National Day');
    expect(later?.description).toMatch(/not yet announced/);
    expect(en.some((e) => e.start.date?.startsWith('2027-') && /Working day/.test(e.summary))).toBe(false);
  });

  it.skipIf(!havePython && !inCI)('reads the same dates in libical and python icalendar', async () => {
    const text = await (await s.fetch('/holidays/de-by.en.ics')).text();
    const read = JSON.parse(execFileSync(PYTHON, [INSTANTS], { input: text, encoding: 'utf8' })) as Record<
      'libical' | 'icalendar',
      Record<string, { start: unknown; end: unknown }>
    >;
    const ours = parseWithIcalJs(text);
    for (const e of ours) {
      expect(read.libical[e.uid], e.uid).toEqual({ start: e.start.date, end: e.end?.date });
      expect(read.icalendar[e.uid], e.uid).toEqual({ start: e.start.date, end: e.end?.date });
    }
  });

  it('answers an unknown region with 404 and an unknown language with 400, naming the field', async () => {
    const missing = await s.fetch('/holidays/de-xx.ics');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { field: string } }).error.field).toBe('region');
    const lang = await s.fetch('/holidays/cn.ics?lang=fr');
    expect(lang.status).toBe(400);
    expect(((await lang.json()) as { error: { field: string } }).error.field).toBe('query.lang');
  });

  it('gives each event the holidays on its days at its places, and how far each country is known', async () => {
    const res = await s.fetch('/api/v1/events?lang=zh', {
      method: 'POST',
      headers: { Authorization: `Bearer ${WRITE_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        kind: 'conference',
        title: { en: 'Holiday check' },
        cities: ['foshan'],
        participants: ['koeln'],
        start: '2027-10-01',
        end: '2027-10-03',
      }),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const event = (await (await s.fetch(`/api/v1/events/${id}?lang=zh`)).json()) as {
      holidays: Array<{ date: string; country: string; subdivision?: string; name: string; kind: string }>;
      holidaysKnownUntil: Record<string, string>;
    };
    expect(event.holidays).toEqual([
      { date: '2027-10-01', country: 'CN', name: '国庆节', kind: 'public-holiday' },
      { date: '2027-10-02', country: 'CN', name: '国庆节', kind: 'public-holiday' },
      { date: '2027-10-03', country: 'CN', name: '国庆节', kind: 'public-holiday' },
      { date: '2027-10-03', country: 'DE', name: '德国统一日', kind: 'public-holiday' },
    ]);
    // 2027's shifted working days are not announced yet: known only until the end of 2026.
    expect(event.holidaysKnownUntil).toEqual({ CN: '2026-12-31', DE: '2035-12-31' });

    // Pages and feed items say it in the reader's language.
    const page = await (await s.fetch(`/events/${id}.de.html`)).text();
    expect(page).toContain('Nationalfeiertag in China');
    expect(page).toContain('Tag der Deutschen Einheit in Deutschland');
    expect(page).toContain('China: verlegte Arbeitstage nach dem 31.12.2026 noch nicht veröffentlicht');
    const feed = parseXmlFeed(await (await s.fetch('/cities/foshan/feed.zh.rss')).text());
    const item = feed.items.find((i) => i.title?.endsWith('Holiday check'));
    expect(item?.content).toContain('中国：国庆节');
    expect(item?.content).toContain('德国：德国统一日');
  });

  it('shows both sides’ holidays in the month view and links the overlay calendars from the subscribe boxes', async () => {
    const month = await (await s.fetch('/month/2027-10.de.html')).text();
    expect(month).toMatch(/<td class="[^"]*holiday[^"]*"><div class="day"><time datetime="2027-10-01">/);
    expect(month).toContain('<li>Nationalfeiertag in China</li>');
    expect(month).toContain('<li>Tag der Deutschen Einheit in Deutschland</li>');
    const may = await (await s.fetch('/cities/koeln/month/2027-05.en.html')).text();
    expect(may).toContain('<li>Corpus Christi in NW</li>');
    expect(may).toContain('<li>Labour Day in China</li>');
    const koeln = await (await s.fetch('/cities/koeln/index.de.html')).text();
    expect(koeln).toContain('/holidays/de-nw.de.ics');
    expect(koeln).toContain('/holidays/cn.de.ics');
    const foshan = await (await s.fetch('/cities/foshan/index.zh.html')).text();
    expect(foshan).toContain('/holidays/cn.zh.ics');
    expect(foshan).toContain('/holidays/de.zh.ics');
    // The overlay calendars are calendars, not feeds: the OPML lists none.
    expect(await (await s.fetch('/feeds.opml')).text()).not.toContain('/holidays/');
  });
});
