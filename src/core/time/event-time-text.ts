/**
 * @module event-time-text
 * The one formatter for human-facing event times (calendars, feeds, pages): the time in the event's own
 * zone and on the other side, each labelled with country, zone abbreviation and UTC offset, in the
 * reader's language — e.g. "24.10.2027 09:00 China (CST, UTC+8) · 03:00 Deutschland (MESZ, UTC+2)".
 * Month- and year-precision items read "Juli 2018" / "2013"; nothing is made more precise than stored.
 */
import { DateTime } from 'luxon';
import { words } from '../i18n/catalogue.js';
import type { EventRecord, Lang, WallTime } from '../model.js';
import { utcLabel, zoneAbbreviation } from './dual-time.js';
import { zoneFor } from './intl-offset-zone.js';
import { earliestInstant, precisionOf } from './wall-time.js';
import { BERLIN, SHANGHAI } from './zones.js';

/** The country a home zone stands for ("Deutschland", "China", "德国"), or the zone name. */
export function placeName(zone: string, lang: Lang): string {
  const w = words(lang).time;
  return zone === BERLIN ? w.germany : zone === SHANGHAI ? w.china : zone;
}

/** "bis 02.11.2018": a date the item lasts until, its start unknown. */
export function untilText(text: string, lang: Lang): string {
  return `${words(lang).time.until} ${text}`;
}

/** The zones a reader sees an event in: its own first, then the other country (both, for a third zone). */
export function sidesOf(zone: string): string[] {
  if (zone === SHANGHAI) return [SHANGHAI, BERLIN];
  if (zone === BERLIN) return [BERLIN, SHANGHAI];
  return [zone, BERLIN, SHANGHAI];
}

/** "CST, UTC+8": the zone's abbreviation and offset at that time ("UTC−4" once where it has no abbreviation). */
function zoneLabel(dt: DateTime, lang: Lang): string {
  const abbreviation = zoneAbbreviation(dt.zoneName ?? '', dt.offset, lang);
  const offset = utcLabel(dt.offset);
  return abbreviation === offset ? offset : `${abbreviation}${words(lang).time.comma}${offset}`;
}

/** "China (CST, UTC+8)", with an optional note inside the parentheses ("−1 Tag"). */
function label(dt: DateTime, lang: Lang, note = ''): string {
  const w = words(lang).time;
  return `${placeName(dt.zoneName ?? '', lang)}${w.open}${zoneLabel(dt, lang)}${note}${w.close}`;
}

/** Calendar days from `a` to `b` (their local dates). */
function dayDifference(a: DateTime, b: DateTime): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

/** The localised date (`24.10.2027`, `24 Oct 2027`, `2027年10月24日`) of a luxon DateTime. */
export function formatDate(dt: DateTime, lang: Lang): string {
  return dt.setLocale(lang).toFormat(words(lang).time.dateFormat);
}

/** A stored literal at its own precision: "24.10.2018", "Juli 2018", "2013" (no zone conversion). */
export function formatLiteral(time: WallTime, lang: Lang): string {
  const precision = precisionOf(time.value);
  // A literal is formatted as written: calendar fields need no zone (and UTC costs no offset lookups).
  const dt = DateTime.fromISO(time.value, { zone: 'UTC' }).setLocale(lang);
  const w = words(lang).time;
  if (precision === 'year') return dt.toFormat(w.yearFormat);
  if (precision === 'month') return dt.toFormat(w.monthFormat);
  if (precision === 'day') return dt.toFormat(w.dateFormat);
  return `${dt.toFormat(w.dateFormat)} ${time.value.slice(11)}`;
}

function timedText(event: EventRecord, start: WallTime, lang: Lang): string {
  const w = words(lang).time;
  const startInstant = earliestInstant(start, event.timeZone);
  const endInstant = event.end ? earliestInstant(event.end, event.timeZone) : null;
  let own: DateTime | undefined;
  return sidesOf(event.timeZone)
    .map((zone, i) => {
      const s = DateTime.fromMillis(startInstant, { zone: zoneFor(zone) });
      own ??= s;
      const e = endInstant === null ? null : DateTime.fromMillis(endInstant, { zone: zoneFor(zone) });
      // The first side carries the date; others show it only where it differs (+1/−1 day).
      const shift = dayDifference(own, s);
      const startText = i === 0 || shift !== 0 ? `${formatDate(s, lang)} ${s.toFormat('HH:mm')}` : s.toFormat('HH:mm');
      const endText = e && (dayDifference(s, e) === 0 ? e.toFormat('HH:mm') : `${formatDate(e, lang)} ${e.toFormat('HH:mm')}`);
      const startLabel = label(s, lang, i > 0 && shift !== 0 ? `${w.comma}${w.dayShift(shift)}` : '');
      if (!e || endText === null) return `${startText} ${startLabel}`;
      // A span across a change of offset (DST) gives each end its own: "00:00 Deutschland (MESZ, UTC+2) – 05:00 (MEZ, UTC+1)".
      if (e.offset !== s.offset) return `${startText} ${startLabel} – ${endText}${w.open}${zoneLabel(e, lang)}${w.close}`;
      return `${startText}${dayDifference(s, e) === 0 ? '–' : ' – '}${endText} ${startLabel}`;
    })
    .join(' · ');
}

/** Zone abbreviation and offset of a span's ends, once when they agree: "MESZ, UTC+2". */
function spanZone(a: DateTime, b: DateTime, lang: Lang): string {
  return a.offset === b.offset ? zoneLabel(a, lang) : `${zoneLabel(a, lang)} / ${zoneLabel(b, lang)}`;
}

/**
 * Dates of an all-day item in its zone; for day precision also the span on the other side, whose calendar
 * differs: "23.10.2018 – 26.10.2018, ganztägig, China (CST, UTC+8) · Deutschland: 22.10.2018 18:00 – …".
 */
function allDayText(event: EventRecord, lang: Lang): string {
  const w = words(lang).time;
  const startText = event.start ? formatLiteral(event.start, lang) : '';
  const endText = event.end && event.end.value !== event.start?.value ? formatLiteral(event.end, lang) : '';
  const dates = startText && endText ? `${startText} – ${endText}` : startText || untilText(endText, lang);
  const place = placeName(event.timeZone, lang);
  if (!event.start || precisionOf(event.start.value) !== 'day') return `${dates}${w.open}${place}${w.close}`;
  const from = earliestInstant(event.start, event.timeZone);
  // The exclusive end (next midnight) reads better on the other side: 18:00, not 17:59.
  const nextDay =
    DateTime.fromISO((event.end ?? event.start).value, { zone: 'UTC' })
      .plus({ days: 1 })
      .toISODate() ?? '';
  const to = earliestInstant({ value: nextDay, fold: 0 }, event.timeZone);
  const sides = sidesOf(event.timeZone).map((zone, i) => {
    const a = DateTime.fromMillis(from, { zone: zoneFor(zone) });
    const b = DateTime.fromMillis(to, { zone: zoneFor(zone) });
    if (i === 0) return `${dates}${w.comma}${w.allDay}${w.comma}${place}${w.open}${spanZone(a, b, lang)}${w.close}`;
    return `${placeName(zone, lang)}${w.colon}${formatDate(a, lang)} ${a.toFormat('HH:mm')} – ${formatDate(b, lang)} ${b.toFormat('HH:mm')}${w.open}${spanZone(a, b, lang)}${w.close}`;
  });
  return sides.join(' · ');
}

/** The event's time for people, in the reader's language, on both sides. */
export function describeEventTime(event: EventRecord, lang: Lang): string {
  if (event.start && precisionOf(event.start.value) === 'minute') return timedText(event, event.start, lang);
  return allDayText(event, lang);
}

/**
 * A timed event in a zone the reader chose (`?tz=`), for the "your time" line of pages: "24.10.2027 21:00–05:00
 * (UTC−4 / UTC−5)" with the zone's offsets; null for events known only to the day or coarser, whose dates
 * depend on no zone.
 */
export function describeInZone(event: EventRecord, zone: string, lang: Lang): string | null {
  if (!event.start || precisionOf(event.start.value) !== 'minute') return null;
  const w = words(lang).time;
  const s = DateTime.fromMillis(earliestInstant(event.start, event.timeZone), { zone: zoneFor(zone) });
  const e = event.end ? DateTime.fromMillis(earliestInstant(event.end, event.timeZone), { zone: zoneFor(zone) }) : null;
  const start = `${formatDate(s, lang)} ${s.toFormat('HH:mm')}`;
  if (!e) return `${start}${w.open}${zoneLabel(s, lang)}${w.close}`;
  const sameDay = dayDifference(s, e) === 0;
  const end = sameDay ? e.toFormat('HH:mm') : `${formatDate(e, lang)} ${e.toFormat('HH:mm')}`;
  if (e.offset !== s.offset) return `${start}${w.open}${zoneLabel(s, lang)}${w.close} – ${end}${w.open}${zoneLabel(e, lang)}${w.close}`;
  return `${start}${sameDay ? '–' : ' – '}${end}${w.open}${zoneLabel(s, lang)}${w.close}`;
}

/**
 * The clock times of a timed event on each side, for the cells of a month view: "09:00 China · 03:00
 * Deutschland"; "ganztägig" for an item known to the day; nothing coarser (the cell's day says it).
 */
export function clockTimes(event: EventRecord, lang: Lang): string {
  if (!event.start) return '';
  const precision = precisionOf(event.start.value);
  if (precision === 'day') return words(lang).time.allDay;
  if (precision !== 'minute') return '';
  const instant = earliestInstant(event.start, event.timeZone);
  return sidesOf(event.timeZone)
    .map((zone) => `${DateTime.fromMillis(instant, { zone: zoneFor(zone) }).toFormat('HH:mm')} ${placeName(zone, lang)}`)
    .join(' · ');
}
