/**
 * @module holidays
 * Public holidays and China's shifted working days (调休) from the generated tables (holiday-table.json,
 * `npm run generate:holidays`): which fall on given dates in a country or state, how far each country is
 * known, and the spans an overlay calendar shows.
 */
import type { HolidayCountry, HolidayKey } from './holiday-keys.js';
import tableFile from './holiday-table.json' with { type: 'json' };

/** The generated tables: China's days off and working days as spans, Germany's dates by the states keeping them. */
export interface HolidayTable {
  /** The packages (and versions) the tables come from. */
  readonly source: string;
  readonly firstYear: number;
  readonly lastYear: number;
  /** The last day of China's announced schedule; after it, only the statutory days by rule are known. */
  readonly scheduleUntil: string;
  /** Per holiday: the days off (`YYYY-MM-DD` or `YYYY-MM-DD+n` for n days) and the shifted working days. */
  readonly CN: Readonly<Record<string, { readonly off: readonly string[]; readonly work?: readonly string[] }>>;
  /** Per holiday: its dates, under the states keeping them (`DE-BY DE-NW`, or `*` for all 16). */
  readonly DE: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
}

export type HolidayKind = 'public-holiday' | 'working-day';

/** A place holidays apply to: a country, and its state or province where known (ISO 3166-2). */
export interface HolidayPlace {
  readonly country: HolidayCountry;
  readonly subdivision: string | null;
}

/** A run of consecutive days of one holiday (or one shifted working day) in a country, or only in some states. */
export interface HolidaySpan {
  readonly key: HolidayKey;
  readonly kind: HolidayKind;
  readonly country: HolidayCountry;
  /** The states keeping it; null where the whole country does. */
  readonly states: readonly string[] | null;
  readonly start: string;
  readonly days: number;
}

/** One holiday or shifted working day on one date, in a country or (with `subdivision`) one of its states. */
export interface HolidayDay {
  readonly date: string;
  readonly country: HolidayCountry;
  readonly subdivision?: string;
  readonly key: HolidayKey;
  readonly kind: HolidayKind;
}

const table = tableFile as HolidayTable;

/** The date `days` after a date literal. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Every span of the tables, China's then Germany's, each in date order. */
function allSpans(): HolidaySpan[] {
  const out: HolidaySpan[] = [];
  for (const [key, { off, work = [] }] of Object.entries(table.CN)) {
    for (const span of off) {
      const [start = '', days = '1'] = span.split('+');
      out.push({ key: key as HolidayKey, kind: 'public-holiday', country: 'CN', states: null, start, days: Number(days) });
    }
    for (const start of work) out.push({ key: key as HolidayKey, kind: 'working-day', country: 'CN', states: null, start, days: 1 });
  }
  for (const [key, byStates] of Object.entries(table.DE)) {
    for (const [where, dates] of Object.entries(byStates)) {
      const states = where === '*' ? null : where.split(' ');
      for (const start of dates) out.push({ key: key as HolidayKey, kind: 'public-holiday', country: 'DE', states, start, days: 1 });
    }
  }
  return out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

let spansMemo: HolidaySpan[] | null = null;
let byDateMemo: Map<string, HolidaySpan[]> | null = null;

/** The spans, read from the table once. */
export function holidaySpans(): readonly HolidaySpan[] {
  spansMemo ??= allSpans();
  return spansMemo;
}

/** Spans by each date they cover. */
function byDate(): Map<string, HolidaySpan[]> {
  if (byDateMemo) return byDateMemo;
  const map = new Map<string, HolidaySpan[]>();
  for (const span of holidaySpans()) {
    for (let i = 0; i < span.days; i++) {
      const date = addDays(span.start, i);
      const list = map.get(date);
      if (list) list.push(span);
      else map.set(date, [span]);
    }
  }
  byDateMemo = map;
  return map;
}

/** Whether a span applies to a place: the whole country's, or its state's. */
const appliesTo = (span: HolidaySpan, place: HolidayPlace) =>
  span.country === place.country && (span.states === null || (place.subdivision !== null && span.states.includes(place.subdivision)));

/** The holidays and shifted working days on the dates at the place, in date order, each once. */
export function holidaysOn(dates: Iterable<string>, place: HolidayPlace): HolidayDay[] {
  const out: HolidayDay[] = [];
  for (const date of new Set(dates)) {
    for (const span of byDate().get(date) ?? []) {
      if (!appliesTo(span, place)) continue;
      out.push({
        date,
        country: span.country,
        ...(span.states !== null && place.subdivision !== null && { subdivision: place.subdivision }),
        key: span.key,
        kind: span.kind,
      });
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * The last day up to which a country's holidays are known completely: for China the end of the announced
 * schedule (after it the statutory days are known by rule, the shifted working days not yet), for Germany the
 * end of the tables.
 */
export function holidaysKnownUntil(country: HolidayCountry): string {
  return country === 'CN' ? table.scheduleUntil : `${table.lastYear}-12-31`;
}

/** The first and last year the tables cover, and where they come from. */
export const HOLIDAY_COVERAGE = { firstYear: table.firstYear, lastYear: table.lastYear, source: table.source } as const;
