/**
 * @module holiday-calendar
 * The overlay calendars of public holidays (`/holidays/cn.ics`, `/holidays/de.ics`, `/holidays/de-nw.ics` …):
 * one all-day VEVENT per run of days of a holiday, and one per shifted working day, rendered by `ics` like the
 * event calendars — VALUE=DATE with an exclusive DTEND (RFC 5545 §3.6.1), TRANSP:TRANSPARENT and Outlook's
 * free/all-day marks, so an overlay never blocks anyone's time; UIDs from the holiday and its first day, so
 * a day the announcement moves is updated in place rather than doubled.
 */
import { createEvents, type EventAttributes } from 'ics';
import { holidayName, holidayPlaceName } from '../holidays/event-holidays.js';
import { GERMAN_STATES } from '../holidays/holiday-keys.js';
import { type HolidayPlace, type HolidaySpan, holidaySpans, holidaysKnownUntil } from '../holidays/holidays.js';
import { words } from '../i18n/catalogue.js';
import type { Lang } from '../model.js';
import { fail, ok, type Result } from '../result.js';
import { foldLine, unfold } from './fold.js';
import { CALENDAR_FOOTER, calendarPreamble, dateArray, PRODUCT_ID } from './render-ics.js';

/** The overlay calendars: China, Germany as a whole, and each German state (`de-nw`). */
export const HOLIDAY_REGIONS = ['cn', 'de', ...GERMAN_STATES.map((s) => s.toLowerCase())] as const;
export type HolidayRegion = (typeof HOLIDAY_REGIONS)[number];

export const isHolidayRegion = (value: string): value is HolidayRegion => (HOLIDAY_REGIONS as readonly string[]).includes(value);

/** The place a region's calendar is for. */
export function regionPlace(region: HolidayRegion): HolidayPlace {
  if (region === 'cn') return { country: 'CN', subdivision: null };
  return { country: 'DE', subdivision: region === 'de' ? null : region.toUpperCase() };
}

/** The region whose overlay calendar fits a place: its state's, else its country's. */
export function regionOf(place: HolidayPlace): HolidayRegion {
  if (place.country === 'CN') return 'cn';
  const state = place.subdivision?.toLowerCase() ?? 'de';
  return isHolidayRegion(state) ? state : 'de';
}

/** The overlay calendars a page offers: a city's own region and the other country's; both countries for all. */
export function holidayRegionsFor(city?: Pick<HolidayPlace, 'country' | 'subdivision'>): HolidayRegion[] {
  if (!city) return ['cn', 'de'];
  return [regionOf(city), city.country === 'CN' ? 'de' : 'cn'];
}

/** The address of a region's calendar in a language (the file-style name a static host serves too). */
export const holidayCalendarPath = (region: HolidayRegion, lang: Lang) => `/holidays/${region}.${lang}.ics`;

/** The spans a region's calendar shows: the whole country's, and for a state its own. */
export function regionSpans(region: HolidayRegion): HolidaySpan[] {
  const place = regionPlace(region);
  return holidaySpans().filter(
    (s) => s.country === place.country && (s.states === null || (place.subdivision !== null && s.states.includes(place.subdivision))),
  );
}

/** A region's calendar name in a language: "Feiertage in Nordrhein-Westfalen". */
export function holidayCalendarName(region: HolidayRegion, lang: Lang): string {
  const place = regionPlace(region);
  return words(lang).holidays.calendarName(
    holidayPlaceName({ country: place.country, ...(place.subdivision && { subdivision: place.subdivision }) }, lang),
  );
}

/** The `ics` attributes of one span. */
function spanAttributes(span: HolidaySpan, lang: Lang, uidDomain: string): EventAttributes {
  const known = holidaysKnownUntil(span.country);
  const byRule = span.start > known;
  return {
    uid: `${span.kind === 'working-day' ? 'workday' : 'holiday'}-${span.key}-${span.start}@${uidDomain}`,
    title: holidayName(span, lang),
    start: dateArray(span.start),
    end: dateArray(span.start, span.days),
    // DTSTAMP from the data, not the clock: the same tables render the same bytes.
    timestamp: Date.parse(`${span.start}T00:00:00Z`),
    ...(byRule && { description: words(lang).holidays.byRule }),
    categories: [words(lang).holidays.calendarName(span.country === 'CN' ? words(lang).time.china : words(lang).time.germany)],
    busyStatus: 'FREE',
    transp: 'TRANSPARENT',
  } as unknown as EventAttributes;
}

/** A region's overlay calendar, whole. */
export function renderHolidayCalendar(region: HolidayRegion, lang: Lang, uidDomain: string): Result<string, string> {
  const preamble = calendarPreamble({ name: holidayCalendarName(region, lang), lang });
  if (!preamble.ok) return preamble;
  const spans = regionSpans(region);
  const { error, value } = createEvents(
    spans.map((s) => spanAttributes(s, lang, uidDomain)),
    { productId: PRODUCT_ID },
  );
  if (error || !value) return fail(error?.message ?? 'ics rendered nothing');
  const lines: string[] = [];
  let inEvent = false;
  for (const line of unfold(value).split('\r\n')) {
    if (line === 'BEGIN:VEVENT') inEvent = true;
    if (!inEvent || line === '') continue;
    if (line.startsWith('SUMMARY:')) lines.push(foldLine(`SUMMARY;LANGUAGE=${lang}${line.slice(7)}`));
    else if (line === 'END:VEVENT') {
      lines.push('X-MICROSOFT-CDO-ALLDAYEVENT:TRUE', line);
      inEvent = false;
    } else lines.push(foldLine(line));
  }
  // Days are dates in the country's own zone: floating DATE values, as Outlook and Google show holidays.
  return ok(`${preamble.value}${lines.join('\r\n')}\r\n${CALENDAR_FOOTER}`);
}
