/**
 * @module month-grid
 * The calendar arithmetic of the month view and the agenda: months as `YYYY-MM`, the weeks of a month grid
 * (Monday first, ISO 8601, as calendars are printed in Germany and China), the range of months a view has, and
 * the day an event is shown on — the day it happens in its own zone, with the other country's date where it
 * differs. Pure: dates are strings, instants come from the event.
 */
import { DateTime } from 'luxon';
import type { EventRecord } from '../model.js';
import { zoneFor } from '../time/intl-offset-zone.js';
import { earliestInstant, precisionOf } from '../time/wall-time.js';
import { BERLIN, SHANGHAI } from '../time/zones.js';

/** A month: `2027-10`. */
export type MonthKey = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DAY_MS = 86_400_000;

/** A `YYYY-MM` text as a month, or null. */
export function parseMonth(text: string): MonthKey | null {
  const m = MONTH.exec(text);
  return m && Number(m[1]) >= 1900 && Number(m[1]) <= 2100 ? text : null;
}

/** The month `n` months after (or before) a month. */
export function addMonths(month: MonthKey, n: number): MonthKey {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The month a wall time or date falls in (`2027-10-01T09:00` → `2027-10`; a year → its January). */
export function monthOf(value: string): MonthKey {
  return value.length === 4 ? `${value}-01` : value.slice(0, 7);
}

/** The first and last day of a month (`2027-10-01`, `2027-10-31`). */
export function monthDays(month: MonthKey): { first: string; last: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  // Day 0 of the next month is the last of this one.
  return { first: `${month}-01`, last: `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}` };
}

/**
 * Instants that hold every moment of a month in any zone (UTC−12 to UTC+14): the listing's window, narrowed
 * afterwards by each event's own dates.
 */
export function monthWindow(month: MonthKey): { from: number; to: number } {
  const { first, last } = monthDays(month);
  return { from: Date.parse(`${first}T00:00:00Z`) - 14 * 3_600_000, to: Date.parse(`${last}T23:59:59Z`) + 12 * 3_600_000 };
}

/** One day of the grid. */
export interface GridDay {
  /** `2027-10-01`. */
  readonly date: string;
  readonly inMonth: boolean;
}

/** The weeks of a month's grid, Monday to Sunday, with the days of the months before and after that fill them. */
export function monthWeeks(month: MonthKey): GridDay[][] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const first = Date.UTC(y, m - 1, 1);
  // ISO weekday (Monday 1 … Sunday 7) of the first: the grid starts that many days minus one before it.
  const weekday = new Date(first).getUTCDay() || 7;
  const end = Date.UTC(y, m, 0);
  const weeks: GridDay[][] = [];
  for (let day = first - (weekday - 1) * DAY_MS; day <= end; ) {
    const week: GridDay[] = [];
    for (let i = 0; i < 7; i++, day += DAY_MS) {
      const date = new Date(day).toISOString().slice(0, 10);
      week.push({ date, inMonth: date.startsWith(month) });
    }
    weeks.push(week);
  }
  return weeks;
}

/** The months of a year, January to December. */
export function yearMonths(year: number): MonthKey[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/** Months a view has: from the month of the first event to twelve months after the last or after today (docs/interface.md). */
export interface MonthRange {
  readonly first: MonthKey;
  readonly last: MonthKey;
}

/**
 * The range of months from the first and last event's dates, and today's: a view always has today's month and
 * the twelve after the later of it and the last event, so "this month" is never missing — neither from a
 * calendar whose events are all past or all ahead, nor from a city that has none yet.
 */
export function monthRange(firstValue: string | null, lastValue: string | null, today: string): MonthRange {
  const now = monthOf(today);
  const first = firstValue && monthOf(firstValue) < now ? monthOf(firstValue) : now;
  const last = lastValue && monthOf(lastValue) > now ? monthOf(lastValue) : now;
  return { first, last: addMonths(last, 12) };
}

/** Whether a month is in a range. */
export const inRange = (month: MonthKey, range: MonthRange): boolean => month >= range.first && month <= range.last;

/**
 * The other country's date of a timed event where it is not the date in the event's own zone: a Foshan
 * meeting at 08:00 on 12 October is still 11 October in Germany. Null for events known to the day or coarser,
 * whose date depends on no zone, and where both sides share the date.
 */
export function otherSideDate(event: EventRecord): { zone: string; date: string } | null {
  if (!event.start || precisionOf(event.start.value) !== 'minute') return null;
  const other = event.timeZone === SHANGHAI ? BERLIN : SHANGHAI;
  const date = DateTime.fromMillis(earliestInstant(event.start, event.timeZone), { zone: zoneFor(other) }).toISODate();
  return date && date !== event.start.value.slice(0, 10) ? { zone: other, date } : null;
}

/** The months from `first` to `last`, both included. */
export function monthsBetween(first: MonthKey, last: MonthKey): MonthKey[] {
  const months: MonthKey[] = [];
  for (let m = first; m <= last; m = addMonths(m, 1)) months.push(m);
  return months;
}

/** How far the month view looks for the previous or next month with events. */
export const NAV_REACH = 12;

/**
 * Where previous and next lead: the nearest month with events (or today's month) within NAV_REACH months on
 * each side; past that, back to the range's first month (an event's) — so every link leads to a month that
 * shows something, and a static export of those months has no dead link.
 */
export function monthSteps(month: MonthKey, range: MonthRange, shown: ReadonlySet<MonthKey>): { previous?: MonthKey; next?: MonthKey } {
  const earlier = [...shown].filter((m) => m < month && m >= range.first).sort();
  const later = [...shown].filter((m) => m > month && m <= range.last).sort();
  const previous = earlier.at(-1) ?? (range.first < month ? range.first : undefined);
  const next = later[0];
  return { ...(previous && { previous }), ...(next && { next }) };
}
