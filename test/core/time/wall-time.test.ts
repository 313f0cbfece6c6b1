import { describe, expect, it } from 'vitest';
import { berlinShanghaiGapHours, utcString, zoneView } from '../../../src/core/time/dual-time.js';
import {
  checkWallTime,
  earliestInstant,
  eventSpan,
  gapEdges,
  latestInstant,
  possibleInstants,
  precisionOf,
} from '../../../src/core/time/wall-time.js';
import { BERLIN, SHANGHAI } from '../../../src/core/time/zones.js';

const at = (iso: string) => Date.parse(iso);

describe('Berlin ↔ Shanghai', () => {
  it('is 6 h apart in German summer time and 7 h in winter', () => {
    expect(berlinShanghaiGapHours(at('2018-10-24T12:00:00Z'))).toBe(6);
    expect(berlinShanghaiGapHours(at('2018-10-29T12:00:00Z'))).toBe(7);
    // The change happens at 01:00Z on the last Sunday of October (2018-10-28).
    expect(berlinShanghaiGapHours(at('2018-10-28T00:59:00Z'))).toBe(6);
    expect(berlinShanghaiGapHours(at('2018-10-28T01:00:00Z'))).toBe(7);
    // … and back to 6 h at 01:00Z on the last Sunday of March (2019-03-31).
    expect(berlinShanghaiGapHours(at('2019-03-31T00:59:00Z'))).toBe(7);
    expect(berlinShanghaiGapHours(at('2019-03-31T01:00:00Z'))).toBe(6);
  });

  it('reads 09:00 CST on 2018-10-24 as 01:00Z and 03:00 CEST', () => {
    const instant = earliestInstant({ value: '2018-10-24T09:00', fold: 0 }, SHANGHAI);
    expect(utcString(instant)).toBe('2018-10-24T01:00:00Z');
    expect(zoneView(instant, BERLIN, 'de')).toEqual({ local: '2018-10-24T03:00', offset: '+02:00', abbr: 'MESZ' });
    expect(zoneView(instant, BERLIN, 'en')).toEqual({ local: '2018-10-24T03:00', offset: '+02:00', abbr: 'CEST' });
    expect(zoneView(instant, SHANGHAI, 'en')).toEqual({ local: '2018-10-24T09:00', offset: '+08:00', abbr: 'CST' });
  });

  it('reads 09:00 CST in winter as 02:00 CET', () => {
    const instant = earliestInstant({ value: '2018-12-03T09:00', fold: 0 }, SHANGHAI);
    expect(zoneView(instant, BERLIN, 'de')).toEqual({ local: '2018-12-03T02:00', offset: '+01:00', abbr: 'MEZ' });
  });
});

describe('DST gaps and folds', () => {
  it('rejects 2019-03-31T02:30 in Berlin as nonexistent (the clocks jump from 02:00 to 03:00)', () => {
    expect(checkWallTime('2019-03-31T02:30', BERLIN)).toMatchObject({ ok: false, error: { code: 'nonexistent_time' } });
    expect(possibleInstants('2019-03-31T02:30', BERLIN)).toEqual([]);
    expect(checkWallTime('2019-03-31T03:00', BERLIN)).toEqual({ ok: true, value: 'minute' });
    // Shanghai has no DST: the same wall time exists there.
    expect(checkWallTime('2019-03-31T02:30', SHANGHAI)).toEqual({ ok: true, value: 'minute' });
  });

  it('finds both instants of 2018-10-28T02:30 in Berlin and takes the earlier unless fold is 1', () => {
    expect(possibleInstants('2018-10-28T02:30', BERLIN).map(utcString)).toEqual(['2018-10-28T00:30:00Z', '2018-10-28T01:30:00Z']);
    expect(utcString(earliestInstant({ value: '2018-10-28T02:30', fold: 0 }, BERLIN))).toBe('2018-10-28T00:30:00Z');
    expect(utcString(earliestInstant({ value: '2018-10-28T02:30', fold: 1 }, BERLIN))).toBe('2018-10-28T01:30:00Z');
    expect(possibleInstants('2018-10-28T02:30', SHANGHAI)).toHaveLength(1);
  });

  it('rejects what is not a calendar time', () => {
    for (const bad of [
      '2018-02-30',
      '2018-13',
      '2018-10-24T24:00',
      '2018-10-24T09:00Z',
      '2018-10-24T09:00+08:00',
      '24.10.2018',
      '',
      '2018-10-24T9:00',
    ]) {
      expect(checkWallTime(bad, BERLIN), bad).toMatchObject({ ok: false, error: { code: 'invalid_time' } });
    }
  });
});

describe('precision', () => {
  it('recognises the four forms', () => {
    expect(['2027-04-12T10:00', '2018-10-24', '2018-07', '2013', 'x'].map(precisionOf)).toEqual(['minute', 'day', 'month', 'year', null]);
  });

  it('spans a month or year from its first to its last millisecond in the zone', () => {
    expect(utcString(earliestInstant({ value: '2018-07', fold: 0 }, BERLIN))).toBe('2018-06-30T22:00:00Z');
    expect(new Date(latestInstant({ value: '2018-07', fold: 0 }, BERLIN)).toISOString()).toBe('2018-07-31T21:59:59.999Z');
    expect(utcString(earliestInstant({ value: '2013', fold: 0 }, BERLIN))).toBe('2012-12-31T23:00:00Z');
    expect(utcString(earliestInstant({ value: '2018-10', fold: 0 }, SHANGHAI))).toBe('2018-09-30T16:00:00Z');
  });

  it('sorts month and year items by their earliest possible instant', () => {
    const keys = (['2018', '2018-07', '2018-07-04', '2018-07-04T09:00'] as const).map((value) =>
      earliestInstant({ value, fold: 0 }, BERLIN),
    );
    expect(keys[0]).toBeLessThan(keys[1] as number);
    expect(keys[1]).toBeLessThan(keys[2] as number);
    expect(keys[2]).toBeLessThan(keys[3] as number);
  });

  it('gives an all-day span an inclusive last day, and a start-unknown item its end day', () => {
    const trip = eventSpan({ value: '2018-10-23', fold: 0 }, { value: '2018-10-26', fold: 0 }, SHANGHAI);
    expect(new Date(trip.start).toISOString()).toBe('2018-10-22T16:00:00.000Z');
    expect(new Date(trip.end).toISOString()).toBe('2018-10-26T15:59:59.999Z');
    const dresden = eventSpan(null, { value: '2018-11-02', fold: 0 }, SHANGHAI);
    expect(new Date(dresden.start).toISOString()).toBe('2018-11-01T16:00:00.000Z');
    const point = eventSpan({ value: '2018-10-24T09:00', fold: 0 }, null, SHANGHAI);
    expect(point.start).toBe(point.end);
  });
});

describe('gapEdges', () => {
  it('names the last minute before and the first after a change the clocks skip, in each zone and era', () => {
    expect(gapEdges('2027-03-28T02:30', 'Europe/Berlin')).toEqual({ before: '2027-03-28T01:59', after: '2027-03-28T03:00' });
    // China's summer time of 1986–1991: 1990-04-15 02:00 became 03:00.
    expect(gapEdges('1990-04-15T02:10', 'Asia/Shanghai')).toEqual({ before: '1990-04-15T01:59', after: '1990-04-15T03:00' });
    // New York changes at 02:00 local too, on another Sunday.
    expect(gapEdges('2027-03-14T02:45', 'America/New_York')).toEqual({ before: '2027-03-14T01:59', after: '2027-03-14T03:00' });
  });

  it('is null for times that exist, twice-occurring times and coarser precisions', () => {
    expect(gapEdges('2027-03-28T03:00', 'Europe/Berlin')).toBeNull();
    expect(gapEdges('2027-10-31T02:30', 'Europe/Berlin')).toBeNull();
    expect(gapEdges('2027-03-28', 'Europe/Berlin')).toBeNull();
  });
});
