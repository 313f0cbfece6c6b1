/** The calendar arithmetic of the month view and the agenda. */
import { describe, expect, it } from 'vitest';
import { addMonths, monthRange, monthSteps, monthWeeks, otherSideDate, parseMonth } from '../../../src/core/views/month-grid.js';
import { makeEvent } from '../../fixtures/events.js';

describe('month-grid', () => {
  it('reads months and steps across years', () => {
    expect(parseMonth('2027-10')).toBe('2027-10');
    for (const bad of ['2027-13', '2027-1', '1899-12', '2101-01', '2027-10-01', '']) expect(parseMonth(bad), bad).toBeNull();
    expect(addMonths('2027-12', 1)).toBe('2028-01');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(addMonths('2027-10', -24)).toBe('2025-10');
  });

  it('lays a month out in weeks from Monday, filled with the neighbouring months', () => {
    const weeks = monthWeeks('2027-10');
    expect(weeks[0]?.[0]).toEqual({ date: '2027-09-27', inMonth: false });
    expect(weeks[0]?.[4]).toEqual({ date: '2027-10-01', inMonth: true });
    expect(weeks.at(-1)?.at(-1)).toEqual({ date: '2027-10-31', inMonth: true });
    expect(monthWeeks('2027-11').at(-1)?.at(-1)).toEqual({ date: '2027-12-05', inMonth: false });
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    // February 2027 starts on a Monday and ends on a Sunday: exactly four weeks.
    expect(monthWeeks('2027-02')).toHaveLength(4);
  });

  it('gives the range from the first event to twelve months after the last, or after today when later', () => {
    expect(monthRange('2013-05-02', '2022-12-12', '2026-12-02')).toEqual({ first: '2013-05', last: '2027-12' });
    expect(monthRange('2013', '2029-03-01T10:00', '2026-12-02')).toEqual({ first: '2013-01', last: '2030-03' });
    // regression: a city without events linked to a month view that answered 404; today's month is always there.
    expect(monthRange(null, null, '2026-12-02')).toEqual({ first: '2026-12', last: '2027-12' });
    expect(monthRange('2027-03-01', '2027-04-01', '2026-12-02')).toEqual({ first: '2026-12', last: '2028-04' });
  });

  it('leads previous and next to the nearest months with events, else back to the first month', () => {
    const range = { first: '2013-01', last: '2027-12' };
    const shown = new Set(['2018-04', '2018-10', '2026-12']);
    expect(monthSteps('2018-10', range, shown)).toEqual({ previous: '2018-04', next: '2026-12' });
    expect(monthSteps('2018-04', range, shown)).toEqual({ previous: '2013-01', next: '2018-10' });
    expect(monthSteps('2013-01', range, shown)).toEqual({ next: '2018-04' });
    expect(monthSteps('2027-06', range, shown)).toEqual({ previous: '2026-12' });
  });

  it("marks the other country's date of a timed event where it differs", () => {
    // 05:00 in Foshan on 12 October 2027 is 23:00 on 11 October in Germany (CEST).
    const early = makeEvent({ id: 'early', precision: 'minute', start: { value: '2027-10-12T05:00', fold: 0 } });
    expect(otherSideDate(early)).toEqual({ zone: 'Europe/Berlin', date: '2027-10-11' });
    // 20:00 in Köln on 30 October 2027 (CEST) is 02:00 on 31 October in China.
    const late = makeEvent({ id: 'late', precision: 'minute', timeZone: 'Europe/Berlin', start: { value: '2027-10-30T20:00', fold: 0 } });
    expect(otherSideDate(late)).toEqual({ zone: 'Asia/Shanghai', date: '2027-10-31' });
    expect(otherSideDate(makeEvent({ id: 'noon', precision: 'minute', start: { value: '2027-10-12T12:00', fold: 0 } }))).toBeNull();
    expect(otherSideDate(makeEvent({ id: 'all-day' }))).toBeNull();
  });
});
