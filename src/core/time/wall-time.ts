/**
 * @module wall-time
 * An event time is a wall-time literal in an IANA zone. This module parses literals, turns them into UTC
 * instants with luxon, and detects DST gaps (nonexistent wall times) and folds (ambiguous ones).
 */
import { DateTime } from 'luxon';
import type { Precision, WallTime } from '../model.js';
import { zoneFor } from './intl-offset-zone.js';

const PATTERNS: ReadonlyArray<readonly [Precision, RegExp]> = [
  ['minute', /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/],
  ['day', /^(\d{4})-(\d{2})-(\d{2})$/],
  ['month', /^(\d{4})-(\d{2})$/],
  ['year', /^(\d{4})$/],
];

/**
 * The years a time may fall in. Outside them the tz data is guesswork (before 1900 many zones are local mean
 * time) and dates stop fitting the formats calendars and feeds write (a day after 9999-12-31 has no
 * four-digit year).
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

/** Why a wall time was rejected; the HTTP layer maps this to an error code. */
export type WallTimeError =
  | { readonly code: 'invalid_time'; readonly message: string }
  | { readonly code: 'nonexistent_time'; readonly message: string };

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: WallTimeError };

interface Fields {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

/** The precision of a time literal, or `null` when it is none of the four forms. */
export function precisionOf(value: string): Precision | null {
  for (const [precision, pattern] of PATTERNS) if (pattern.test(value)) return precision;
  return null;
}

function fieldsOf(value: string): Fields | null {
  for (const [, pattern] of PATTERNS) {
    const m = pattern.exec(value);
    if (!m) continue;
    const [year, month = 1, day = 1, hour = 0, minute = 0] = m.slice(1).map(Number);
    return { year: year ?? 0, month, day, hour, minute };
  }
  return null;
}

function invalid(message: string): Parsed<never> {
  return { ok: false, error: { code: 'invalid_time', message } };
}

/**
 * Checks a literal against the calendar and the zone's rules: `2018-02-30` is invalid, and a minute
 * skipped by a DST change (`2019-03-31T02:30` in Europe/Berlin) is `nonexistent_time`.
 */
export function checkWallTime(value: string, zone: string): Parsed<Precision> {
  const precision = precisionOf(value);
  const f = fieldsOf(value);
  if (!precision || !f) {
    return invalid(`"${value}" is not a time of the forms 2027-04-12T10:00, 2018-10-24, 2018-07 or 2013 (no offset)`);
  }
  if (f.year < MIN_YEAR || f.year > MAX_YEAR) return invalid(`"${value}" is outside the years ${MIN_YEAR}–${MAX_YEAR}`);
  // Validate the calendar fields without a zone, so a DST gap is not mistaken for an invalid date.
  const plain = DateTime.fromObject(f, { zone: 'UTC' });
  if (!plain.isValid || plain.day !== f.day || plain.hour !== f.hour) return invalid(`"${value}" is not a valid calendar time`);
  if (precision === 'minute' || precision === 'day') {
    // luxon moves a wall time the zone skipped forward; any field that moved means it never existed there —
    // a DST hour, or a whole day a zone skipped (Pacific/Apia left out 2011-12-30 when it crossed the date line).
    const local = DateTime.fromObject(f, { zone: zoneFor(zone) });
    const moved = local.year !== f.year || local.month !== f.month || local.day !== f.day;
    if (moved || (precision === 'minute' && (local.hour !== f.hour || local.minute !== f.minute))) {
      const what = moved ? 'the zone skipped that day' : 'the clocks skip it (DST change)';
      return { ok: false, error: { code: 'nonexistent_time', message: `${value} does not exist in ${zone}: ${what}` } };
    }
  }
  return { ok: true, value: precision };
}

/**
 * For a minute-precision wall time the clocks skip (a DST gap), the nearest wall times that exist: the last
 * minute before the change and the first after it (2027-03-28T02:30 Europe/Berlin → 01:59 and 03:00); null
 * for a time that exists.
 */
export function gapEdges(value: string, zone: string): { before: string; after: string } | null {
  if (precisionOf(value) !== 'minute' || possibleInstants(value, zone).length > 0) return null;
  const f = fieldsOf(value);
  if (!f) return null;
  const tz = zoneFor(zone);
  // luxon moves a skipped wall time forward across the change; the change lies within the three hours before.
  let high = DateTime.fromObject(f, { zone: tz }).toMillis();
  const offsetAfter = tz.offset(high);
  let low = high - 3 * 3_600_000;
  if (tz.offset(low) === offsetAfter) return null;
  while (high - low > 60_000) {
    const mid = low + Math.floor((high - low) / 120_000) * 60_000;
    if (tz.offset(mid) === offsetAfter) high = mid;
    else low = mid;
  }
  const literal = (ms: number) => DateTime.fromMillis(ms, { zone: tz }).toFormat("yyyy-MM-dd'T'HH:mm");
  return { before: literal(high - 60_000), after: literal(high) };
}

/**
 * The instants a minute-precision wall time may denote, earliest first: one normally, two in a fold
 * (e.g. 2018-10-28T02:30 Europe/Berlin is 00:30Z in CEST and 01:30Z in CET), none in a gap.
 */
export function possibleInstants(value: string, zone: string): number[] {
  const f = fieldsOf(value);
  if (!f) return [];
  const local = DateTime.fromObject(f, { zone: zoneFor(zone) });
  if (!local.isValid || local.hour !== f.hour || local.minute !== f.minute) return [];
  // Fast path: the same offset three hours either side means no DST change near, so one instant
  // (DST changes shift clocks by at most two hours).
  const ts = local.toMillis();
  const hours3 = 3 * 3_600_000;
  if (local.zone.offset(ts - hours3) === local.offset && local.zone.offset(ts + hours3) === local.offset) return [ts];
  return local
    .getPossibleOffsets()
    .map((dt) => dt.toMillis())
    .sort((a, b) => a - b);
}

const UNIT: Record<Exclude<Precision, 'minute'>, 'day' | 'month' | 'year'> = { day: 'day', month: 'month', year: 'year' };

/** The earliest instant (ms since the epoch) a wall time can denote: its minute, or the start of its day/month/year. */
export function earliestInstant(time: WallTime, zone: string): number {
  const precision = precisionOf(time.value);
  if (precision === 'minute') {
    const candidates = possibleInstants(time.value, zone);
    const instant = candidates[Math.min(time.fold, candidates.length - 1)];
    if (instant === undefined) throw new RangeError(`${time.value} does not exist in ${zone}`);
    return instant;
  }
  if (!precision) throw new RangeError(`not a time literal: ${time.value}`);
  // Midnight of the first day; where a DST change skips midnight, luxon moves to the first valid minute.
  const f = fieldsOf(time.value) as Fields;
  return DateTime.fromObject({ year: f.year, month: f.month, day: f.day }, { zone: zoneFor(zone) }).toMillis();
}

/** The latest instant (inclusive, ms) a wall time can denote: its minute, or the last millisecond of its day/month/year. */
export function latestInstant(time: WallTime, zone: string): number {
  const precision = precisionOf(time.value);
  if (precision === 'minute' || !precision) return earliestInstant(time, zone);
  return DateTime.fromISO(time.value, { zone: zoneFor(zone) })
    .endOf(UNIT[precision])
    .toMillis();
}

/**
 * The span an event may occupy, as inclusive instants: from the earliest possible start to the latest
 * possible end. Without an end, a timed event is a point and a date/month/year covers its whole period;
 * without a start (known end only) the span is the end's period. These are the stored sort and filter keys.
 */
export function eventSpan(start: WallTime | null, end: WallTime | null, zone: string): { start: number; end: number } {
  const first = start ?? end;
  if (!first) throw new RangeError('an event needs a start or an end');
  return { start: earliestInstant(first, zone), end: latestInstant(end ?? first, zone) };
}
