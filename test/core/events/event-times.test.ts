import { describe, expect, it } from 'vitest';
import { resolveEventTimes } from '../../../src/core/events/event-times.js';

describe('resolveEventTimes', () => {
  it('resolves aliases and defaults to the first city zone', () => {
    const cst = resolveEventTimes({ start: '2019-10-24T09:00', timeZone: 'CST' }, 'Europe/Berlin');
    expect(cst).toMatchObject({ ok: true, value: { timeZone: 'Asia/Shanghai', precision: 'minute' } });
    expect(cst.ok && new Date(cst.value.span.start).toISOString()).toBe('2019-10-24T01:00:00.000Z');
    expect(resolveEventTimes({ start: '2019-10-24' }, 'Asia/Shanghai')).toMatchObject({
      ok: true,
      value: { timeZone: 'Asia/Shanghai', precision: 'day' },
    });
  });

  it('names the field at fault', () => {
    expect(resolveEventTimes({ start: '2019-03-31T02:30', timeZone: 'Europe/Berlin' }, 'Europe/Berlin')).toMatchObject({
      ok: false,
      error: { code: 'nonexistent_time', field: 'start' },
    });
    expect(resolveEventTimes({ start: '2019-03-30T10:00', end: '2019-03-31T02:30', timeZone: 'MEZ' }, 'UTC')).toMatchObject({
      ok: false,
      error: { code: 'nonexistent_time', field: 'end' },
    });
    expect(resolveEventTimes({ start: '2018-10-24', timeZone: 'PST' }, 'UTC')).toMatchObject({
      ok: false,
      error: { code: 'unknown_zone', field: 'timeZone' },
    });
    expect(resolveEventTimes({ start: '2018-10-24', end: '2018-10-23' }, 'UTC')).toMatchObject({
      ok: false,
      error: { code: 'invalid_time', field: 'end' },
    });
    expect(resolveEventTimes({ start: '2018-10-24', end: '2018-10-25T10:00' }, 'UTC')).toMatchObject({
      ok: false,
      error: { code: 'invalid_time', field: 'end' },
    });
    expect(resolveEventTimes({ start: null, end: null }, 'UTC')).toMatchObject({ ok: false, error: { field: 'start' } });
  });

  it('keeps an inclusive one-day end and a fold', () => {
    expect(resolveEventTimes({ start: '2018-10-24', end: '2018-10-24' }, 'UTC').ok).toBe(true);
    const fold = resolveEventTimes({ start: '2018-10-28T02:30', fold: 1, timeZone: 'Europe/Berlin' }, 'UTC');
    expect(fold.ok && new Date(fold.value.span.start).toISOString()).toBe('2018-10-28T01:30:00.000Z');
    // end 02:10 (fold 1, CET) is after start 02:40 (fold 0, CEST).
    const across = resolveEventTimes({ start: '2018-10-28T02:40', end: '2018-10-28T02:10', endFold: 1, timeZone: 'Europe/Berlin' }, 'UTC');
    expect(across.ok).toBe(true);
  });
});
