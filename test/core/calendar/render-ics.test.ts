import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEED_SET } from '../../../seeds/index.js';
import { assembleCalendar, dropDay, renderVevents } from '../../../src/core/calendar/render-ics.js';
import type { EventRecord, Lang } from '../../../src/core/model.js';
import { earliestInstant } from '../../../src/core/time/wall-time.js';
import { seedRecords } from '../../../src/storage/seed.js';
import { makeEvent, TEST_CATALOGUE } from '../../fixtures/events.js';
import { parseWithNodeIcal } from '../../fixtures/ics-parser-node.js';
import { parseWithIcalJs } from '../../fixtures/ics-parsers.js';

const OPTIONS = { uidDomain: 'isa-calendar.invalid', publicUrl: 'https://isa.example.org', sources: TEST_CATALOGUE };
const LONG_TITLE = `${'佛山与科隆的合作 Köln–Foshan Zusammenarbeit 😀👩‍💻 '.repeat(12)}`.slice(0, 300);

const timed = (id: string, value: string, zone: string, fold: 0 | 1 = 0, end?: string): EventRecord =>
  makeEvent({
    id,
    precision: 'minute',
    timeZone: zone,
    start: { value, fold },
    end: end ? { value: end, fold: 0 } : null,
    title: { en: id },
  });

const TEST_EVENTS: EventRecord[] = [
  timed('summer-0900-shanghai', '2027-07-15T09:00', 'Asia/Shanghai', 0, '2027-07-15T17:00'),
  timed('winter-0900-shanghai', '2027-12-15T09:00', 'Asia/Shanghai'),
  timed('fold-0-berlin', '2018-10-28T02:30', 'Europe/Berlin', 0),
  timed('fold-1-berlin', '2018-10-28T02:30', 'Europe/Berlin', 1, '2018-10-28T04:00'),
  timed('spring-berlin', '2027-04-12T10:00', 'Europe/Berlin', 0, '2027-04-12T12:00'),
  makeEvent({ id: 'long-title', title: { zh: LONG_TITLE }, precision: 'day', start: { value: '2027-10-24', fold: 0 } }),
];
const SEEDS = seedRecords(SEED_SET);

function render(events: readonly EventRecord[], lang: Lang = 'de', name: string | null = 'ISA – Test'): string {
  const { fragments, failed } = renderVevents(events, { ...OPTIONS, lang });
  if (failed.length > 0) throw new Error(JSON.stringify(failed));
  const calendar = assembleCalendar({ name, lang }, [...fragments.values()]);
  if (!calendar.ok) throw new Error(calendar.error);
  return calendar.value;
}

describe('renderVevents + assembleCalendar', () => {
  const text = render([...SEEDS, ...TEST_EVENTS]);
  const parsers = { 'ical.js': parseWithIcalJs(text), 'node-ical': parseWithNodeIcal(text) };

  it('puts only day and minute items into calendars', () => {
    const uids = parsers['ical.js'].map((e) => e.uid.replace(/@.*/, ''));
    expect(uids).toContain('isa-plenary-2018');
    for (const absent of [
      'isa-fachtagung-solingen-2018',
      'solingen-membership-2017',
      'dresden-delegation-jinan-2018',
      'jinan-dresden-contact-office-2013',
    ]) {
      expect(uids).not.toContain(absent);
    }
  });

  for (const [parser, events] of Object.entries(parsers)) {
    const byId = (id: string) => {
      const event = events.find((e) => e.uid === `${id}@isa-calendar.invalid`);
      if (!event) throw new Error(`${parser}: ${id} missing`);
      return event;
    };

    it(`${parser} reads the seed dates as all-day dates with an exclusive end`, () => {
      expect(byId('isa-plenary-2018')).toMatchObject({ start: { date: '2018-10-24' }, end: { date: '2018-10-25' } });
      expect(byId('isa-member-meeting-2017-koeln-admission')).toMatchObject({ start: { date: '2017-04-24' }, end: { date: '2017-04-25' } });
      expect(byId('solingen-guangdong-trip-2018')).toMatchObject({ start: { date: '2018-10-23' }, end: { date: '2018-10-27' } });
    });

    it(`${parser} agrees with the time core on every instant, in summer, winter and both folds`, () => {
      for (const event of TEST_EVENTS.filter((e) => e.precision === 'minute')) {
        const parsed = byId(event.id);
        expect(parsed.start.instant, `${event.id} start`).toBe(earliestInstant(event.start as never, event.timeZone));
        if (event.end) expect(parsed.end?.instant, `${event.id} end`).toBe(earliestInstant(event.end, event.timeZone));
      }
      expect(new Date(byId('fold-0-berlin').start.instant ?? 0).toISOString()).toBe('2018-10-28T00:30:00.000Z');
      expect(new Date(byId('fold-1-berlin').start.instant ?? 0).toISOString()).toBe('2018-10-28T01:30:00.000Z');
      expect(new Date(byId('summer-0900-shanghai').start.instant ?? 0).toISOString()).toBe('2027-07-15T01:00:00.000Z');
    });

    it(`${parser} gives back the exact 300-character Chinese/German/emoji title`, () => {
      expect(byId('long-title').summary).toBe(LONG_TITLE);
    });
  }

  it('writes timed events in their home zone, with a VTIMEZONE for every TZID and no floating time', () => {
    const unfolded = text.replace(/\r\n[ \t]/g, '');
    expect(unfolded).toContain('DTSTART;TZID=Asia/Shanghai:20270715T090000');
    expect(unfolded).toContain('DTSTART;TZID=Europe/Berlin:20270412T100000');
    const tzids = new Set([...unfolded.matchAll(/;TZID=([^:;]+)/g)].map((m) => m[1]));
    const vtimezones = new Set([...unfolded.matchAll(/BEGIN:VTIMEZONE\r\nTZID:([^\r]+)/g)].map((m) => m[1]));
    expect(vtimezones).toEqual(tzids);
    const vevents = unfolded.slice(unfolded.indexOf('BEGIN:VEVENT'));
    for (const line of vevents.split('\r\n').filter((l) => /^(DTSTART|DTEND)[;:]/.test(l))) {
      expect(line, 'floating time').toMatch(/TZID=|VALUE=DATE|Z$/);
    }
    // An ambiguous wall time is written as its UTC instant.
    expect(unfolded).toContain('DTSTART:20181028T013000Z');
  });

  it('keeps lines within 75 octets and uses CRLF only', () => {
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length, line).toBeLessThanOrEqual(75);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('marks entries as all-day, free and transparent, with UID, SEQUENCE, DTSTAMP and STATUS', () => {
    const plenary = text.slice(text.indexOf('UID:isa-plenary-2018@'), text.indexOf('END:VEVENT', text.indexOf('UID:isa-plenary-2018@')));
    for (const line of [
      'TRANSP:TRANSPARENT',
      'X-MICROSOFT-CDO-BUSYSTATUS:FREE',
      'X-MICROSOFT-CDO-ALLDAYEVENT:TRUE',
      'SEQUENCE:1',
      'STATUS:CONFIRMED',
      'DTSTAMP:20261202T000000Z',
      'LAST-MODIFIED:20261202T000000Z',
      'CATEGORIES:Plenarversammlung',
    ]) {
      expect(plenary).toContain(line);
    }
    expect(text).toContain('SUMMARY;LANGUAGE=de:6. Plenarversammlung der ISA in Foshan');
  });

  it('names subscriptions in the language, asks for hourly refresh, and leaves downloads unnamed', () => {
    expect(text).toContain(
      'METHOD:PUBLISH\r\nX-WR-CALNAME:ISA – Test\r\nNAME;LANGUAGE=de:ISA – Test\r\nX-PUBLISHED-TTL:PT1H\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n',
    );
    const download = render([SEEDS[6] as EventRecord], 'de', null);
    expect(download).not.toMatch(/X-WR-CALNAME|NAME[;:]|X-PUBLISHED-TTL|REFRESH-INTERVAL/);
    expect(parseWithIcalJs(download)).toHaveLength(1);
  });

  it('describes the time on both sides, with the source and the event page', () => {
    const plenary = parseWithIcalJs(render([SEEDS.find((e) => e.id === 'isa-plenary-2018') as EventRecord], 'de'))[0];
    expect(plenary?.description).toContain(
      '24.10.2018, ganztägig, China (CST, UTC+8) · Deutschland: 23.10.2018 18:00 – 24.10.2018 18:00 (MESZ, UTC+2)',
    );
    expect(plenary?.description).toContain('Quelle: Solinger Wirtschaftsförderung reist nach China (2018-10)');
    expect(plenary?.description).toContain('https://isa.example.org/events/isa-plenary-2018.de.html');
    const summer = parseWithIcalJs(render([TEST_EVENTS[0] as EventRecord], 'de'))[0];
    expect(summer?.description).toContain('15.07.2027 09:00–17:00 China (CST, UTC+8) · 03:00–11:00 Deutschland (MESZ, UTC+2)');
    const winter = parseWithIcalJs(render([TEST_EVENTS[1] as EventRecord], 'en'))[0];
    expect(winter?.description).toContain('15 Dec 2027 09:00 China (CST, UTC+8) · 02:00 Germany (CET, UTC+1)');
  });

  it('regression: a title with CRLF, a lone CR or END:VEVENT injects no property or component', () => {
    const evil = makeEvent({
      id: 'evil',
      title: {
        de: 'Evil\r\nATTENDEE:mailto:x@example.org\r\nEND:VEVENT\rBEGIN:VEVENT\nUID:hijack <script>alert(1)</script> ]]> \u0000\u0007',
      },
      location: 'A;B,C\\D\r\nX-INJECTED:1',
    });
    const out = render([evil]);
    const parsed = parseWithIcalJs(out);
    expect(parsed).toHaveLength(1);
    expect(parsed[0]?.summary).toBe(
      'Evil\nATTENDEE:mailto:x@example.org\nEND:VEVENT\nBEGIN:VEVENT\nUID:hijack <script>alert(1)</script> ]]> ',
    );
    expect(parseWithNodeIcal(out)).toHaveLength(1);
    expect(out).not.toMatch(/^(ATTENDEE|X-INJECTED)/m);
    expect(out.match(/^BEGIN:VEVENT/gm)).toHaveLength(1);
  });

  it('prefixes cancelled titles in the language and keeps them 30 days after end or cancellation', () => {
    const cancelled = makeEvent({
      id: 'gone',
      status: 'cancelled',
      start: { value: '2027-10-24', fold: 0 },
      cancelledAt: '2027-09-01T10:00:00Z',
    });
    for (const [lang, prefix] of [
      ['de', 'Abgesagt: '],
      ['en', 'Cancelled: '],
      ['zh', '已取消：'],
    ] as const) {
      const parsed = parseWithIcalJs(render([cancelled], lang))[0];
      expect(parsed?.summary.startsWith(prefix)).toBe(true);
      expect(parsed?.status).toBe('CANCELLED');
    }
    // Ends 2027-10-24 in Shanghai (16:00Z); 30 days later is 2027-11-23T16:00Z; gone from 2027-11-24.
    expect(new Date(dropDay(cancelled) ?? 0).toISOString()).toBe('2027-11-24T00:00:00.000Z');
    // Cancelled after the end: 2027-12-01T10:00Z + 30 days = 2027-12-31T10:00Z; listed that whole UTC day.
    const lateCancel = { ...cancelled, cancelledAt: '2027-12-01T10:00:00Z' };
    expect(new Date(dropDay(lateCancel) ?? 0).toISOString()).toBe('2028-01-01T00:00:00.000Z');
    expect(dropDay({ ...cancelled, status: 'confirmed' })).toBeNull();
  });

  it('regression: X-WR-CALNAME and NAME were not TEXT-escaped (a bare comma with two kinds)', () => {
    const text = render([TEST_EVENTS[0] as EventRecord], 'de', 'ISA – alle Termine (Konferenz, Delegationsreise; neu)');
    expect(text).toContain('X-WR-CALNAME:ISA – alle Termine (Konferenz\\, Delegationsreise\\; neu)\r\n');
    expect(text).toContain('NAME;LANGUAGE=de:ISA – alle Termine (Konferenz\\, Delegationsreise\\; neu)\r\n');
  });

  it('regression: CATEGORIES were internal English names in de and zh calendars too', () => {
    expect(render([TEST_EVENTS[0] as EventRecord], 'de')).toContain('CATEGORIES:Konferenz\r\n');
    expect(render([TEST_EVENTS[0] as EventRecord], 'zh')).toContain('CATEGORIES:会议\r\n');
    expect(render([TEST_EVENTS[0] as EventRecord], 'en')).toContain('CATEGORIES:Conference\r\n');
  });

  it('regression: a public URL with a one-digit port renders (ics rejects it in its url field)', () => {
    const { fragments } = renderVevents([TEST_EVENTS[0] as EventRecord], { ...OPTIONS, publicUrl: 'http://localhost:8', lang: 'en' });
    expect(fragments.get('summer-0900-shanghai')?.text).toContain('URL:http://localhost:8/events/summer-0900-shanghai.en.html');
  });

  it('matches the reviewed golden file byte for byte (CRLF, folding, escaping)', () => {
    const file = new URL('./golden/plenary-and-fold.ics', import.meta.url);
    const events = [
      SEEDS.find((e) => e.id === 'isa-plenary-2018') as EventRecord,
      TEST_EVENTS[3] as EventRecord,
      TEST_EVENTS[5] as EventRecord,
    ];
    // UPDATE_GOLDEN=1 rewrites the file after a reviewed change of the output; review its diff before committing.
    if (process.env.UPDATE_GOLDEN) writeFileSync(file, render(events, 'zh', 'ISA – 佛山'));
    expect(render(events, 'zh', 'ISA – 佛山')).toBe(readFileSync(file, 'utf8'));
  });
});
