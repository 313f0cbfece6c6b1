/** The holiday tables against dates known from the announcements and the laws. */
import { describe, expect, it } from 'vitest';
import { eventHolidays, holidayText } from '../../../src/core/holidays/event-holidays.js';
import { addDays, holidaysKnownUntil, holidaysOn } from '../../../src/core/holidays/holidays.js';
import type { EventRecord } from '../../../src/core/model.js';

const days = (from: string, n: number) => Array.from({ length: n }, (_, i) => addDays(from, i));
const CHINA = { country: 'CN', subdivision: 'CN-GD' } as const;
const brief = (list: ReturnType<typeof holidaysOn>) => list.map((d) => `${d.date} ${d.key} ${d.kind}`);

describe('China', () => {
  it('has the 2025 National Day holidays 1–8 October, with 28 September and 11 October as working days', () => {
    const list = holidaysOn(days('2025-09-26', 18), CHINA);
    const off = list.filter((d) => d.kind === 'public-holiday').map((d) => d.date);
    expect(off).toEqual(days('2025-10-01', 8));
    expect(list.filter((d) => d.kind === 'working-day').map((d) => d.date)).toEqual(['2025-09-28', '2025-10-11']);
    // The Mid-Autumn Festival fell inside the week in 2025.
    expect(brief(list)).toContain('2025-10-06 cn-mid-autumn public-holiday');
  });

  it('has the 2026 National Day week and Spring Festival as the announcement has them', () => {
    expect(holidaysOn(days('2026-10-01', 7), CHINA).every((d) => d.key === 'cn-national-day' && d.kind === 'public-holiday')).toBe(true);
    expect(holidaysOn(['2026-10-08'], CHINA)).toEqual([]);
    const spring = holidaysOn(days('2026-02-10', 20), CHINA);
    expect(spring.filter((d) => d.kind === 'public-holiday').map((d) => d.date)).toEqual(days('2026-02-15', 9));
    expect(spring.filter((d) => d.kind === 'working-day').map((d) => d.date)).toEqual(['2026-02-14', '2026-02-28']);
  });

  it('regression: 2027 has no announcement yet — the statutory days by rule appear, and the working days are unknown, not absent', () => {
    const list = holidaysOn(days('2027-09-25', 20), CHINA);
    expect(brief(list)).toEqual([
      '2027-10-01 cn-national-day public-holiday',
      '2027-10-02 cn-national-day public-holiday',
      '2027-10-03 cn-national-day public-holiday',
    ]);
    expect(holidaysKnownUntil('CN')).toBe('2026-12-31');
    expect(holidaysKnownUntil('CN') < '2027-10-01').toBe(true);
  });
});

describe('Germany', () => {
  it('keeps Fronleichnam 2027 in Nordrhein-Westfalen and Bayern, not in Hamburg', () => {
    expect(brief(holidaysOn(['2027-05-27'], { country: 'DE', subdivision: 'DE-NW' }))).toEqual([
      '2027-05-27 de-corpus-christi public-holiday',
    ]);
    expect(holidaysOn(['2027-05-27'], { country: 'DE', subdivision: 'DE-BY' })[0]?.subdivision).toBe('DE-BY');
    expect(holidaysOn(['2027-05-27'], { country: 'DE', subdivision: 'DE-HH' })).toEqual([]);
  });

  it('has the Tag der Deutschen Einheit on 3 October everywhere, as the whole country’s', () => {
    for (const year of [2015, 2026, 2027, 2035]) {
      const [day] = holidaysOn([`${year}-10-03`], { country: 'DE', subdivision: 'DE-HH' });
      expect(day).toEqual({ date: `${year}-10-03`, country: 'DE', key: 'de-unity-day', kind: 'public-holiday' });
    }
    expect(holidaysKnownUntil('DE')).toBe('2035-12-31');
  });
});

const event = (over: Partial<EventRecord>): EventRecord => ({
  id: 'e',
  kind: 'plenary',
  status: 'confirmed',
  audience: 'all',
  related: false,
  revision: 1,
  title: { en: 'E' },
  description: {},
  cities: ['foshan'],
  participants: [],
  timeZone: 'Asia/Shanghai',
  precision: 'day',
  start: { value: '2027-10-01', fold: 0 },
  end: null,
  location: null,
  url: null,
  sources: [],
  created: '2026-11-23T10:00:00Z',
  updated: '2026-11-23T10:00:00Z',
  cancelledAt: null,
  ...over,
});

describe('an event’s holidays', () => {
  it('names them in the reader’s language, for each country and state of its cities and participants', () => {
    const { holidays, knownUntil } = eventHolidays(
      event({ start: { value: '2027-10-01', fold: 0 }, end: { value: '2027-10-03', fold: 0 } }),
      [CHINA, { country: 'DE', subdivision: 'DE-NW' }],
    );
    expect(holidays.map((d) => holidayText(d, 'de'))).toEqual([
      'Nationalfeiertag in China',
      'Nationalfeiertag in China',
      'Nationalfeiertag in China',
      'Tag der Deutschen Einheit in Deutschland',
    ]);
    expect(holidays.map((d) => holidayText(d, 'zh')).at(0)).toBe('中国：国庆节');
    expect(knownUntil).toEqual({ CN: '2026-12-31', DE: '2035-12-31' });
    const corpus = eventHolidays(event({ start: { value: '2027-05-27', fold: 0 } }), [{ country: 'DE', subdivision: 'DE-NW' }]);
    expect(corpus.holidays.map((d) => holidayText(d, 'de'))).toEqual(['Fronleichnam in Nordrhein-Westfalen']);
  });

  it('counts a timed event’s days in each country’s zone: a Köln evening on 30 September is 1 October in China', () => {
    const evening = event({
      cities: ['koeln'],
      timeZone: 'Europe/Berlin',
      precision: 'minute',
      start: { value: '2027-09-30T19:00', fold: 0 },
      end: { value: '2027-09-30T21:00', fold: 0 },
    });
    expect(eventHolidays(evening, [{ country: 'DE', subdivision: 'DE-NW' }]).holidays).toEqual([]);
    expect(eventHolidays(evening, [CHINA]).holidays.map((d) => d.date)).toEqual(['2027-10-01']);
  });

  it('leaves out events dated to the month: a month does not collide with a day', () => {
    expect(eventHolidays(event({ precision: 'month', start: { value: '2027-10', fold: 0 } }), [CHINA]).holidays).toEqual([]);
  });
});
