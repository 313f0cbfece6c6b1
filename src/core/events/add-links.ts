/**
 * @module add-links
 * Links that add one event to Google Calendar, Outlook.com or Microsoft 365 (their "compose" pages): a one-off
 * copy, not a subscription. Timed events go as UTC instants (with the event's zone for Google), all-day
 * events as dates with the exclusive end of RFC 5545 §3.6.1.
 */
import { DateTime } from 'luxon';
import { isCalendarPrecision } from '../calendar/render-ics.js';
import type { EventRecord, Lang } from '../model.js';
import { earliestInstant } from '../time/wall-time.js';
import { pickText } from './localize.js';

export interface AddLinks {
  readonly google: string;
  readonly outlookCom: string;
  readonly office365: string;
}

/** The add links of an event of day or minute precision; `details` goes into the event's body. */
export function addLinks(event: EventRecord, lang: Lang, details: string): AddLinks | null {
  if (!isCalendarPrecision(event) || !event.start) return null;
  const title = pickText(event.title, lang)?.text ?? event.id;
  const location = event.location ?? '';
  if (event.precision === 'day') {
    const start = event.start.value;
    const end =
      DateTime.fromISO((event.end ?? event.start).value, { zone: 'UTC' })
        .plus({ days: 1 })
        .toISODate() ?? start;
    const compose = (host: string) =>
      `https://${host}/calendar/0/deeplink/compose?${new URLSearchParams({ path: '/calendar/action/compose', rru: 'addevent', subject: title, body: details, location, startdt: start, enddt: end, allday: 'true' })}`;
    return {
      google: `https://calendar.google.com/calendar/render?${new URLSearchParams({ action: 'TEMPLATE', text: title, dates: `${start.replace(/-/g, '')}/${end.replace(/-/g, '')}`, details, location, ctz: event.timeZone })}`,
      outlookCom: compose('outlook.live.com'),
      office365: compose('outlook.office.com'),
    };
  }
  const startMs = earliestInstant(event.start, event.timeZone);
  const endMs = event.end ? earliestInstant(event.end, event.timeZone) : startMs;
  const utc = (ms: number, format: 'basic' | 'iso') =>
    format === 'basic'
      ? DateTime.fromMillis(ms, { zone: 'UTC' }).toFormat("yyyyMMdd'T'HHmmss'Z'")
      : (DateTime.fromMillis(ms, { zone: 'UTC' }).toISO({ suppressMilliseconds: true }) ?? '');
  const compose = (host: string) =>
    `https://${host}/calendar/0/deeplink/compose?${new URLSearchParams({ path: '/calendar/action/compose', rru: 'addevent', subject: title, body: details, location, startdt: utc(startMs, 'iso'), enddt: utc(endMs, 'iso') })}`;
  return {
    google: `https://calendar.google.com/calendar/render?${new URLSearchParams({ action: 'TEMPLATE', text: title, dates: `${utc(startMs, 'basic')}/${utc(endMs, 'basic')}`, details, location, ctz: event.timeZone })}`,
    outlookCom: compose('outlook.live.com'),
    office365: compose('outlook.office.com'),
  };
}
