/**
 * @module ics-items
 * The events of an iCalendar file (RFC 5545) as Outlook, Google and Apple export them, parsed by ical.js, as
 * import items: SUMMARY, DESCRIPTION and LOCATION in the language their LANGUAGE parameter (or their script)
 * says, URL, STATUS, and DTSTART/DTEND as wall times of one IANA zone:
 * - a TZID that is a tz database name or a Windows zone name (CLDR's mapping, core/time/zones.ts);
 * - a UTC time (`…Z`) as the wall time of the import's zone, with the fold that gives the same instant;
 * - a floating time (no zone, RFC 5545 §3.3.5 form #1) in the calendar's X-WR-TIMEZONE or the zone the person
 *   chose; without either it is refused, naming `timeZone`;
 * - an all-day event (VALUE=DATE) as a day event, its exclusive DTEND turned into the inclusive last day.
 * Recurring events (RRULE, RDATE) are refused with a message: the alliance's events happen once, and a series
 * is better entered as the events it stands for. Cancelled events (STATUS:CANCELLED) are refused too: there is
 * nothing to publish.
 */
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import type { Lang, LocalizedText } from '../model.js';
import { fail, ok, type Result } from '../result.js';
import { possibleInstants } from '../time/wall-time.js';
import { zoneOfCalendarName } from '../time/zones.js';
import type { ImportFields, ImportItem } from './import-item.js';

export interface IcsImportOptions {
  /** The language of texts without a LANGUAGE parameter that are not Chinese. */
  readonly lang: Lang;
  /** The zone of floating and UTC times, when the person chose one. */
  readonly timeZone?: string;
}

/** Han characters: a text written in them is Chinese. */
const HAN = /\p{Script=Han}/u;

/** The language of a property: its LANGUAGE parameter if it is one of ours, else Chinese when written in Han, else the import's. */
function languageOf(property: ICAL.Property, text: string, fallback: Lang): Lang {
  const tag = String(property.getParameter('language') ?? '')
    .toLowerCase()
    .split('-')[0];
  if (tag === 'de' || tag === 'en' || tag === 'zh') return tag;
  return HAN.test(text) ? 'zh' : fallback;
}

/** A text property in its language, or nothing when absent or empty. */
function localized(event: ICAL.Component, name: string, fallback: Lang): LocalizedText | undefined {
  const property = event.getFirstProperty(name);
  const value = property?.getFirstValue();
  if (!property || typeof value !== 'string' || value.trim() === '') return undefined;
  return { [languageOf(property, value, fallback)]: value.trim() };
}

interface WallValue {
  readonly value: string;
  readonly zone: string;
  readonly fold: 0 | 1;
  readonly allDay: boolean;
}

/** A DTSTART or DTEND as a wall time of a zone, or the reason it cannot be one. */
function wallTimeOf(
  property: ICAL.Property,
  field: string,
  zones: { readonly calendar?: string; readonly chosen?: string },
): Result<WallValue, { field: string; message: string }> {
  const time = property.getFirstValue() as ICAL.Time;
  if (time.isDate) {
    const value = DateTime.fromObject({ year: time.year, month: time.month, day: time.day }).toISODate() ?? '';
    return ok({ value, zone: zones.chosen ?? zones.calendar ?? '', fold: 0, allDay: true });
  }
  if (time.second !== 0) return fail({ field, message: 'times are kept to the minute; this one has seconds' });
  const literal = DateTime.fromObject({ year: time.year, month: time.month, day: time.day, hour: time.hour, minute: time.minute }).toFormat(
    "yyyy-MM-dd'T'HH:mm",
  );
  const tzid = property.getParameter('tzid');
  if (typeof tzid === 'string' && tzid !== '') {
    const zone = zoneOfCalendarName(tzid);
    if (!zone) return fail({ field, message: `unknown time zone "${tzid}": use an IANA name (Europe/Berlin) or a Windows zone name` });
    return ok({ value: literal, zone, fold: 0, allDay: false });
  }
  if (time.zone?.tzid === 'UTC') {
    const zone = zones.chosen ?? zones.calendar;
    if (!zone) return fail({ field: 'timeZone', message: 'the file gives this time in UTC: choose the zone the event happens in' });
    const instant = Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute);
    const value = DateTime.fromMillis(instant, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
    // A wall time that occurs twice names the instant by its fold (the later reading is fold 1).
    return ok({ value, zone, fold: possibleInstants(value, zone).indexOf(instant) === 1 ? 1 : 0, allDay: false });
  }
  const zone = zones.chosen ?? zones.calendar;
  if (!zone) return fail({ field: 'timeZone', message: 'the file gives this time without a zone (floating): choose the zone' });
  return ok({ value: literal, zone, fold: 0, allDay: false });
}

/** The day before an ISO date: the inclusive last day of an all-day event whose DTEND is exclusive. */
const dayBefore = (date: string) => DateTime.fromISO(date, { zone: 'UTC' }).minus({ days: 1 }).toISODate() ?? date;

/** One VEVENT as an import item. */
function itemOf(event: ICAL.Component, options: IcsImportOptions, calendarZone: string | undefined): ImportItem {
  const uid = String(event.getFirstPropertyValue('uid') ?? '').trim();
  const key = { uid };
  const summary = event.getFirstPropertyValue('summary');
  const named = typeof summary === 'string' && summary.trim() !== '' ? { title: summary.trim() } : {};
  const refuse = (field: string, message: string): ImportItem => ({ key, ok: false, field, message, ...named });
  if (uid === '') return refuse('UID', 'the event has no UID');
  if (event.hasProperty('rrule') || event.hasProperty('rdate'))
    return refuse(
      'RRULE',
      'a recurring event: enter each meeting it stands for as an event of its own (recurring events are not imported)',
    );
  if (event.hasProperty('recurrence-id')) return refuse('RECURRENCE-ID', 'an exception of a recurring event is not imported');
  const status = String(event.getFirstPropertyValue('status') ?? 'CONFIRMED').toUpperCase();
  if (status === 'CANCELLED') return refuse('STATUS', 'the event is cancelled in the file; there is nothing to publish');
  const title = localized(event, 'summary', options.lang);
  if (!title) return refuse('SUMMARY', 'the event has no title (SUMMARY)');
  const dtstart = event.getFirstProperty('dtstart');
  if (!dtstart) return refuse('DTSTART', 'the event has no start (DTSTART)');
  const zones = { ...(calendarZone && { calendar: calendarZone }), ...(options.timeZone && { chosen: options.timeZone }) };
  const start = wallTimeOf(dtstart, 'DTSTART', zones);
  if (!start.ok) return refuse(start.error.field, start.error.message);
  const dtend = event.getFirstProperty('dtend');
  const end = dtend ? wallTimeOf(dtend, 'DTEND', zones) : null;
  if (end && !end.ok) return refuse(end.error.field, end.error.message);
  const endValue = end?.ok ? (start.value.allDay ? dayBefore(end.value.value) : end.value.value) : null;
  if (end?.ok && !start.value.allDay && end.value.zone !== start.value.zone)
    return refuse('DTEND', 'the start and the end are in different zones; an event has one');
  const url = event.getFirstPropertyValue('url');
  const description = localized(event, 'description', options.lang);
  const location = event.getFirstPropertyValue('location');
  const fields: ImportFields = {
    uid,
    title,
    ...(description && { description }),
    ...(typeof location === 'string' && location.trim() !== '' && { location: location.trim() }),
    ...(typeof url === 'string' && url !== '' && { url }),
    status: status === 'TENTATIVE' ? 'tentative' : 'confirmed',
    start: start.value.value,
    // A one-day event ends the day it starts; it has no end of its own.
    end: endValue === start.value.value ? null : endValue,
    ...(start.value.zone !== '' && { timeZone: start.value.zone }),
    ...(start.value.fold === 1 && { fold: 1 as const }),
    ...(end?.ok && end.value.fold === 1 && { endFold: 1 as const }),
  };
  return { key, ok: true, fields };
}

/** The VEVENTs of an iCalendar text as import items, or why the text is not iCalendar. */
export function icsItems(text: string, options: IcsImportOptions): Result<ImportItem[], { field: string; message: string }> {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text) as unknown[]);
  } catch (error) {
    return fail({ field: 'body', message: `not an iCalendar file: ${error instanceof Error ? error.message : String(error)}` });
  }
  if (root.name !== 'vcalendar') return fail({ field: 'body', message: 'not an iCalendar file: it holds no VCALENDAR' });
  const named = root.getFirstPropertyValue('x-wr-timezone');
  const calendarZone = typeof named === 'string' ? (zoneOfCalendarName(named) ?? undefined) : undefined;
  return ok(root.getAllSubcomponents('vevent').map((event) => itemOf(event, options, calendarZone)));
}
