/**
 * @module render-ics
 * iCalendar rendering (RFC 5545) over the `ics` package: pure, with UID, DTSTAMP and the date passed in.
 * `ics` writes only UTC or floating times and folds by characters; small adapters here add what it lacks:
 * TZID parameters with their VTIMEZONEs (RFC 5545 §3.2.19, §3.6.5), octet folding (§3.1), LANGUAGE
 * (§3.2.10), RFC 7986 NAME/REFRESH-INTERVAL, and Outlook's all-day and busy-status properties.
 */
import { createEvents, type EventAttributes } from 'ics';
import { DateTime } from 'luxon';
import { citationText } from '../events/citations.js';
import { eventUid } from '../events/identity.js';
import { pickText } from '../events/localize.js';
import { eventCategories, eventNotes, statusPrefix } from '../events/names.js';
import { words } from '../i18n/catalogue.js';
import type { EventRecord, Lang, SourceCatalogue, WallTime } from '../model.js';
import { fail, ok, type Result } from '../result.js';
import { eventPagePath } from '../site-paths.js';
import { withoutUnsafeCharacters } from '../text/safe-text.js';
import { describeEventTime } from '../time/event-time-text.js';
import { latestInstant, possibleInstants, precisionOf } from '../time/wall-time.js';
import { foldLine, unfold } from './fold.js';
import { tzidFits, vtimezone } from './vtimezone.js';

export const PRODUCT_ID = '-//ISA Chinese-German Industrial Cities Alliance//isa-calendar//EN';

/** How long clients should wait between polls (RFC 7986 REFRESH-INTERVAL, Microsoft X-PUBLISHED-TTL). */
export const REFRESH_INTERVAL = 'PT1H';

/** A cancelled event stays in calendars this long after the later of its end and its cancellation. */
export const CANCELLED_GRACE_DAYS = 30;

const DAY_MS = 86_400_000;

export interface IcsOptions {
  readonly lang: Lang;
  readonly uidDomain: string;
  /** Base of the event page links, without a trailing slash. */
  readonly publicUrl: string;
  /** The source catalogue, for the citations in descriptions. */
  readonly sources: SourceCatalogue;
}

/** One rendered VEVENT (CRLF lines, folded) and the TZID it refers to, if any. */
export interface VeventFragment {
  readonly text: string;
  readonly tzid: string | null;
}

/** Whether an event can be a calendar entry at all: a day or minute start (RFC 5545 needs DTSTART). */
export function isCalendarPrecision(event: Pick<EventRecord, 'precision' | 'start'>): boolean {
  return event.start !== null && (event.precision === 'day' || event.precision === 'minute');
}

/**
 * The first UTC day (ms at 00:00Z) on which a cancelled event is no longer listed: the day after the
 * later of its end (`lastInstant`, inclusive) and its cancellation plus the grace period.
 */
export function dropDayOf(lastInstant: number, cancelledAt: string | null): number {
  const leaves = Math.max(lastInstant, cancelledAt ? Date.parse(cancelledAt) : 0) + CANCELLED_GRACE_DAYS * DAY_MS;
  return Math.floor(leaves / DAY_MS) * DAY_MS + DAY_MS;
}

/** dropDayOf for an event; null for events that are not cancelled. */
export function dropDay(event: Pick<EventRecord, 'status' | 'cancelledAt' | 'start' | 'end' | 'timeZone'>): number | null {
  if (event.status !== 'cancelled') return null;
  const last = event.end ?? event.start;
  return dropDayOf(last ? latestInstant(last, event.timeZone) : 0, event.cancelledAt);
}

/** The UTC day (ms at 00:00Z) of an instant: calendars change at most once a day through the clock. */
export function utcDay(instant: number): number {
  return Math.floor(instant / DAY_MS) * DAY_MS;
}

/**
 * TEXT values (RFC 5545 §3.3.11) may hold no control characters but HTAB; `ics` escapes backslash,
 * newline, comma and semicolon, but leaves a lone CR, which some parsers take for a line break.
 */
function icsText(text: string): string {
  return withoutUnsafeCharacters(text);
}

/** A text as an escaped TEXT value (RFC 5545 §3.3.11), escaped by `ics` itself (as it writes a SUMMARY). */
function textValue(text: string): Result<string, string> {
  const { error, value } = createEvents([{ title: text, start: [2000, 1, 1], duration: { days: 1 }, uid: 'text', productId: PRODUCT_ID }]);
  const summary = value
    ? unfold(value)
        .split('\r\n')
        .find((line) => line.startsWith('SUMMARY:'))
    : undefined;
  return summary === undefined ? fail(error?.message ?? 'ics wrote no SUMMARY') : ok(summary.slice('SUMMARY:'.length));
}

/** `[y, m, d]` of a date literal plus `days`. */
export function dateArray(value: string, days = 0): [number, number, number] {
  const d = DateTime.fromISO(value, { zone: 'UTC' }).plus({ days });
  return [d.year, d.month, d.day];
}

/**
 * A wall time as an ics DATE-TIME string: local (`20271024T090000`, given a TZID below) where a VTIMEZONE of
 * that exact name is right for the date (vtimezone.ts), else the UTC instant (`…Z`). The instant is written
 * also where the wall time is ambiguous (DST fold): with a TZID, RFC 5545 §3.3.5 reads an ambiguous time as
 * its first occurrence, so the second cannot be written that way, and clients disagree even on the first.
 */
function dateTime(time: WallTime, zone: string): string {
  const instants = possibleInstants(time.value, zone);
  const instant = instants[time.fold] ?? instants[0];
  if (instant === undefined) throw new RangeError(`${time.value} does not exist in ${zone}`);
  if (instants.length > 1 || !tzidFits(zone, instant))
    return DateTime.fromMillis(instant, { zone: 'UTC' }).toFormat("yyyyMMdd'T'HHmmss'Z'");
  return `${time.value.replace(/[-:]/g, '')}00`;
}

/** The attributes `ics` renders an event from (before the adapters below). */
export function icsAttributes(event: EventRecord, options: IcsOptions): EventAttributes {
  const { lang } = options;
  const title = pickText(event.title, lang);
  const w = words(lang).event;
  const prefix = statusPrefix(event.status, lang);
  const page = eventPage(event, options);
  const description = pickText(event.description, lang);
  const sources = event.sources.map((c) => citationText(c, options.sources)).filter((t): t is string => t !== null);
  const body = [
    describeEventTime(event, lang),
    ...eventNotes(event, lang),
    description?.text,
    event.url ? `${w.more}${event.url}` : null,
    ...sources.map((text) => `${w.source}${text}`),
    `${w.details}${page}`,
  ].filter((part): part is string => Boolean(part));
  const start = event.start as WallTime;
  const timed = precisionOf(start.value) === 'minute';
  const times = timed
    ? { start: dateTime(start, event.timeZone), ...(event.end && { end: dateTime(event.end, event.timeZone) }) }
    : // All-day: VALUE=DATE with an exclusive DTEND, the day after the inclusive last day (RFC 5545 §3.6.1).
      { start: dateArray(start.value), end: dateArray((event.end ?? start).value, 1) };
  return {
    uid: eventUid(event.id, options.uidDomain),
    title: icsText(`${prefix}${title?.text ?? event.id}`),
    // DTSTAMP is the event's last change, so the same data renders the same bytes.
    timestamp: Date.parse(event.updated),
    created: Date.parse(event.created),
    lastModified: Date.parse(event.updated),
    sequence: event.revision,
    ...times,
    description: icsText(body.join('\n\n')),
    ...(event.location && { location: icsText(event.location) }),
    status: event.status === 'cancelled' ? 'CANCELLED' : event.status === 'tentative' ? 'TENTATIVE' : 'CONFIRMED',
    // People read categories (Outlook shows them): the kind in the calendar's language, and a related item's mark.
    categories: eventCategories(event, lang).map((c) => c.name),
    // Subscribed events must not block anyone's schedule.
    busyStatus: 'FREE',
    transp: 'TRANSPARENT',
    // ics's type declarations omit `timestamp` (DTSTAMP), which its schema accepts, and demand an end,
    // which RFC 5545 does not (a timed event without DTEND has no duration).
  } as unknown as EventAttributes;
}

/** The event page, the VEVENT's URL (RFC 5545 §3.8.4.6). */
function eventPage(event: EventRecord, options: IcsOptions): string {
  return `${options.publicUrl}${eventPagePath(event.id, options.lang)}`;
}

/**
 * Rewrites one ics VEVENT: TZID on local DTSTART/DTEND, LANGUAGE on SUMMARY, URL (written here because
 * `ics` rejects valid URLs its own pattern does not know, such as a single-digit port), Outlook all-day,
 * octet folding.
 */
function adaptVevent(raw: string, event: EventRecord, options: IcsOptions): VeventFragment {
  const { lang } = options;
  const summaryLang = pickText(event.title, lang)?.lang ?? lang;
  const allDay = event.precision === 'day';
  let tzid: string | null = null;
  const lines: string[] = [];
  for (const line of unfold(raw).split('\r\n')) {
    if (line === '') continue;
    if ((line.startsWith('DTSTART:') || line.startsWith('DTEND:')) && !line.endsWith('Z')) {
      tzid = event.timeZone;
      const colon = line.indexOf(':');
      lines.push(foldLine(`${line.slice(0, colon)};TZID=${tzid}${line.slice(colon)}`));
    } else if (line.startsWith('SUMMARY:')) {
      lines.push(foldLine(`SUMMARY;LANGUAGE=${summaryLang}${line.slice(7)}`));
    } else if (line === 'END:VEVENT') {
      lines.push(foldLine(`URL:${eventPage(event, options)}`));
      if (allDay) lines.push('X-MICROSOFT-CDO-ALLDAYEVENT:TRUE');
      lines.push(line);
    } else {
      lines.push(foldLine(line));
    }
  }
  return { text: `${lines.join('\r\n')}\r\n`, tzid };
}

/** VEVENTs rendered by id, and the events that could not be rendered (each left out of the calendar). */
export interface RenderedVevents {
  readonly fragments: ReadonlyMap<string, VeventFragment>;
  readonly failed: ReadonlyArray<{ readonly id: string; readonly message: string }>;
}

/** The VEVENTs of a batch of attributes by one `ics` call, or why `ics` refused the batch. */
function renderBatch(
  batch: ReadonlyArray<{ event: EventRecord; attributes: EventAttributes }>,
  options: IcsOptions,
): Result<VeventFragment[], string> {
  const { error, value } = createEvents(
    batch.map((b) => b.attributes),
    { productId: PRODUCT_ID },
  );
  if (error || !value) return fail(error?.message ?? 'ics rendered nothing');
  const raw = value.split('BEGIN:VEVENT\r\n').slice(1);
  if (raw.length !== batch.length) return fail(`ics rendered ${raw.length} events for ${batch.length}`);
  return ok(
    raw.map((text, i) => {
      const body = text.slice(0, text.indexOf('END:VEVENT\r\n') + 'END:VEVENT\r\n'.length);
      return adaptVevent(`BEGIN:VEVENT\r\n${body}`, (batch[i] as { event: EventRecord }).event, options);
    }),
  );
}

/**
 * VEVENTs for the events of day or minute precision, rendered by one `ics` call. Total: an event that cannot
 * be rendered (a stored row no write would produce today) is left out and named in `failed`, and the others
 * are rendered one by one when `ics` refuses the batch.
 */
export function renderVevents(events: readonly EventRecord[], options: IcsOptions): RenderedVevents {
  const fragments = new Map<string, VeventFragment>();
  const failed: Array<{ id: string; message: string }> = [];
  const batch: Array<{ event: EventRecord; attributes: EventAttributes }> = [];
  for (const event of events.filter(isCalendarPrecision)) {
    try {
      batch.push({ event, attributes: icsAttributes(event, options) });
    } catch (error) {
      failed.push({ id: event.id, message: error instanceof Error ? error.message : String(error) });
    }
  }
  if (batch.length === 0) return { fragments, failed };
  const all = renderBatch(batch, options);
  if (all.ok) {
    batch.forEach(({ event }, i) => {
      const fragment = all.value[i];
      if (fragment) fragments.set(event.id, fragment);
    });
    return { fragments, failed };
  }
  for (const one of batch) {
    const single = renderBatch([one], options);
    if (single.ok && single.value[0]) fragments.set(one.event.id, single.value[0]);
    else failed.push({ id: one.event.id, message: single.ok ? 'ics rendered nothing' : single.error });
  }
  return { fragments, failed };
}

export interface CalendarMeta {
  /** Calendar name for subscriptions; null for a single-event download, which must not create a calendar. */
  readonly name: string | null;
  readonly lang: Lang;
}

export const CALENDAR_FOOTER = 'END:VCALENDAR\r\n';

/** The VCALENDAR lines before the VTIMEZONEs: properties, and for a subscription its name and refresh interval. */
export function calendarPreamble(meta: CalendarMeta): Result<string, string> {
  const { error, value } = createEvents([], { productId: PRODUCT_ID, method: 'PUBLISH' });
  if (error || !value) return fail(error?.message ?? 'ics rendered no header');
  const header: string[] = [];
  for (const line of unfold(value).split('\r\n')) {
    if (line === '' || line === 'END:VCALENDAR' || line.startsWith('X-PUBLISHED-TTL:')) continue;
    header.push(foldLine(line));
  }
  if (meta.name) {
    // ics writes X-WR-CALNAME without escaping commas and semicolons; both names are TEXT (RFC 5545 §3.3.11).
    const name = textValue(icsText(meta.name));
    if (!name.ok) return name;
    header.push(foldLine(`X-WR-CALNAME:${name.value}`), foldLine(`NAME;LANGUAGE=${meta.lang}:${name.value}`));
    header.push(`X-PUBLISHED-TTL:${REFRESH_INTERVAL}`, `REFRESH-INTERVAL;VALUE=DURATION:${REFRESH_INTERVAL}`);
  }
  return ok(`${header.join('\r\n')}\r\n`);
}

/** One VTIMEZONE per TZID used, in order of name; every TZID written has its VTIMEZONE. */
export function timezoneBlocks(tzids: Iterable<string | null>): Result<string, string> {
  const zones = [...new Set(tzids)].filter((z): z is string => z !== null).sort();
  const timezones: string[] = [];
  for (const zone of zones) {
    const block = vtimezone(zone);
    if (!block) return fail(`no VTIMEZONE for ${zone}`);
    timezones.push(block);
  }
  return ok(timezones.join(''));
}

/** The VCALENDAR header and one VTIMEZONE per TZID used; the VEVENTs and CALENDAR_FOOTER follow it. */
export function calendarHeader(meta: CalendarMeta, tzids: Iterable<string | null>): Result<string, string> {
  const preamble = calendarPreamble(meta);
  if (!preamble.ok) return preamble;
  const blocks = timezoneBlocks(tzids);
  return blocks.ok ? ok(`${preamble.value}${blocks.value}`) : blocks;
}

/** The whole VCALENDAR around rendered VEVENTs. */
export function assembleCalendar(meta: CalendarMeta, fragments: readonly VeventFragment[]): Result<string, string> {
  const header = calendarHeader(
    meta,
    fragments.map((f) => f.tzid),
  );
  return header.ok ? ok(`${header.value}${fragments.map((f) => f.text).join('')}${CALENDAR_FOOTER}`) : header;
}
