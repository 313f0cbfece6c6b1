/**
 * @module event-holidays
 * What an event collides with: the public holidays and shifted working days on its days in the countries and
 * states of its cities and participants. The days are counted in each country's own zone — an evening in
 * Köln may be the next morning in Foshan — and only for events dated to the day or the minute (a month is
 * too coarse to collide with a day).
 */
import { DateTime } from 'luxon';
import { words } from '../i18n/catalogue.js';
import type { City, EventRecord, Lang } from '../model.js';
import { formatDate } from '../time/event-time-text.js';
import { eventSpan, precisionOf } from '../time/wall-time.js';
import { BERLIN, SHANGHAI } from '../time/zones.js';
import type { HolidayCountry } from './holiday-keys.js';
import { addDays, type HolidayDay, type HolidayPlace, holidaysKnownUntil, holidaysOn } from './holidays.js';

/** The zone a country's days are counted in. */
export const HOME_ZONES: Readonly<Record<HolidayCountry, string>> = { CN: SHANGHAI, DE: BERLIN };

/** An event longer than this is not checked day by day beyond it (a season, not a meeting). */
const MAX_DAYS = 62;

type Dated = Pick<EventRecord, 'precision' | 'start' | 'end' | 'timeZone'>;

/** The dates an event covers in a zone: an all-day event's own dates; a timed one's dates there. */
export function eventDates(event: Dated, zone: string): string[] {
  const first = event.start ?? event.end;
  if (!first || (event.precision !== 'day' && event.precision !== 'minute')) return [];
  let from: string;
  let to: string;
  if (precisionOf(first.value) === 'day') {
    from = first.value;
    to = event.end && precisionOf(event.end.value) === 'day' ? event.end.value : from;
  } else {
    const span = eventSpan(event.start, event.end, event.timeZone);
    // An end at midnight ends the day before.
    const last = Math.max(span.start, span.end - 1);
    from = DateTime.fromMillis(span.start, { zone }).toISODate() ?? '';
    to = DateTime.fromMillis(last, { zone }).toISODate() ?? from;
  }
  const cap = addDays(from, MAX_DAYS - 1);
  return datesBetween(from, to < cap ? to : cap);
}

/** The holidays an event falls on, and per country how far they are known. */
export interface EventHolidays {
  readonly holidays: readonly HolidayDay[];
  readonly knownUntil: Readonly<Partial<Record<HolidayCountry, string>>>;
}

/** The holidays on an event's days at its places (its cities' and participants' countries and states). */
export function eventHolidays(event: Dated, places: Iterable<HolidayPlace>): EventHolidays {
  const unique = new Map<string, HolidayPlace>();
  for (const place of places) unique.set(`${place.country}|${place.subdivision ?? ''}`, place);
  const seen = new Set<string>();
  const holidays: HolidayDay[] = [];
  const knownUntil: Partial<Record<HolidayCountry, string>> = {};
  for (const place of unique.values()) {
    knownUntil[place.country] = holidaysKnownUntil(place.country);
    for (const day of holidaysOn(eventDates(event, HOME_ZONES[place.country]), place)) {
      const key = `${day.date}|${day.country}|${day.subdivision ?? ''}|${day.key}|${day.kind}`;
      if (seen.has(key)) continue;
      seen.add(key);
      holidays.push(day);
    }
  }
  holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.country < b.country ? -1 : a.country > b.country ? 1 : 0));
  return { holidays, knownUntil };
}

/** Whether some of the event's days in a country lie after the day its holidays are known to. */
export function pastKnown(event: Dated, country: HolidayCountry): string | null {
  const until = holidaysKnownUntil(country);
  const last = eventDates(event, HOME_ZONES[country]).at(-1);
  return last !== undefined && last > until ? until : null;
}

/** Where a holiday is kept, named in a language: the state, else the country. */
export function holidayPlaceName(day: Pick<HolidayDay, 'country' | 'subdivision'>, lang: Lang): string {
  const w = words(lang);
  if (day.subdivision) return w.subdivisions[day.subdivision] ?? day.subdivision;
  return day.country === 'CN' ? w.time.china : w.time.germany;
}

/** A holiday's name in a language; a shifted working day says so. */
export function holidayName(day: Pick<HolidayDay, 'key' | 'kind'>, lang: Lang): string {
  const w = words(lang).holidays;
  const name = w.names[day.key];
  return day.kind === 'working-day' ? w.workingDay(name) : name;
}

/** A holiday as a reader sees it: "Fronleichnam in Nordrhein-Westfalen", "中国：国庆节". */
export function holidayText(day: HolidayDay, lang: Lang): string {
  return words(lang).holidays.at(holidayName(day, lang), holidayPlaceName(day, lang));
}

/**
 * What a reader is told of an event's holidays, one line each: "01.10.2027: Nationalfeiertag in China", and
 * for a country whose schedule is not yet known for the event's days, that its shifted working days are not.
 */
export function holidayNotes(
  event: Dated,
  places: readonly HolidayPlace[],
  lang: Lang,
  { holidays }: EventHolidays = eventHolidays(event, places),
): string[] {
  const date = (iso: string) => formatDate(DateTime.fromISO(iso, { zone: 'UTC' }), lang);
  const colon = words(lang).time.colon;
  const lines = holidays.map((day) => `${date(day.date)}${colon}${holidayText(day, lang)}`);
  for (const country of new Set(places.map((p) => p.country))) {
    const until = pastKnown(event, country);
    if (until) lines.push(words(lang).holidays.unknownAfter(holidayPlaceName({ country }, lang), date(until)));
  }
  return lines;
}

/**
 * The holidays of each date at the places, as short labels for a month grid: a holiday of the whole country
 * as "Tag der Deutschen Einheit in Deutschland", one of some states once with their codes ("Fronleichnam in
 * BY, NW").
 */
export function holidayLabels(dates: readonly string[], places: readonly HolidayPlace[], lang: Lang): Map<string, string[]> {
  const labels = new Map<string, string[]>();
  for (const date of dates) {
    const byHoliday = new Map<string, { day: HolidayDay; states: Set<string> }>();
    for (const place of places) {
      for (const day of holidaysOn([date], place)) {
        const key = `${day.country}|${day.key}|${day.kind}`;
        const entry = byHoliday.get(key) ?? { day, states: new Set<string>() };
        if (day.subdivision) entry.states.add(day.subdivision.slice(3));
        byHoliday.set(key, entry);
      }
    }
    if (byHoliday.size === 0) continue;
    labels.set(
      date,
      [...byHoliday.values()].map(({ day, states }) =>
        states.size > 0 ? words(lang).holidays.at(holidayName(day, lang), [...states].sort().join(', ')) : holidayText(day, lang),
      ),
    );
  }
  return labels;
}

/**
 * The places whose holidays a view shows, both sides always: for a city's view its own country and state and
 * the other country; for all events both countries and every state with a member city.
 */
export function viewHolidayPlaces(
  cities: readonly Pick<City, 'country' | 'subdivision'>[],
  city?: Pick<City, 'country' | 'subdivision'>,
): HolidayPlace[] {
  const both: HolidayPlace[] = [
    { country: 'CN', subdivision: null },
    { country: 'DE', subdivision: null },
  ];
  const states = city ? [city] : cities.filter((c) => c.country === 'DE' && c.subdivision !== null);
  return [...both, ...states.map((c) => ({ country: c.country, subdivision: c.subdivision }))];
}

/** Every date from `first` to `last`, both included. */
export function datesBetween(first: string, last: string): string[] {
  const dates: string[] = [];
  for (let date = first; date <= last; date = addDays(date, 1)) dates.push(date);
  return dates;
}
