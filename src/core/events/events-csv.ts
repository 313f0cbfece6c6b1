/**
 * @module events-csv
 * Events as a spreadsheet (the editor's download, `GET /api/v1/events.csv`): one row per event in the columns of
 * the import template, headers in the reader's language. Machine values (kind, audience, status, zone) stay as
 * the API writes them, so a file can go back in; cities are named in the reader's language, times are the wall
 * times of the event's zone, and one column says the time on both sides for people. RFC 4180 quoting by
 * csv-stringify; a UTF-8 byte order mark and CRLF line ends, which is how Excel recognises UTF-8 (Chinese and
 * German text) in a .csv.
 */
import { stringify } from 'csv-stringify/sync';
import { words } from '../i18n/catalogue.js';
import type { EventRecord, Lang } from '../model.js';
import { describeEventTime } from '../time/event-time-text.js';

/** The template's columns, in order; the import reads the same keys. */
export const EVENT_TABLE_COLUMNS = [
  'id',
  'kind',
  'title_de',
  'title_en',
  'title_zh',
  'start',
  'end',
  'time_zone',
  'cities',
  'participants',
  'audience',
  'related',
  'status',
  'location',
  'url',
  'description_de',
  'description_en',
  'description_zh',
  'sources',
  'revision',
  'both_sides',
] as const;

export type EventTableColumn = (typeof EVENT_TABLE_COLUMNS)[number];

/** A wall-time literal as spreadsheets show it: `2027-10-24 09:00`. */
const literal = (value: string | undefined) => (value ?? '').replace('T', ' ');

/** One event's cells. */
function cells(event: EventRecord, lang: Lang, cityName: (slug: string) => string): Record<EventTableColumn, string> {
  return {
    id: event.id,
    kind: event.kind,
    title_de: event.title.de ?? '',
    title_en: event.title.en ?? '',
    title_zh: event.title.zh ?? '',
    start: literal(event.start?.value),
    end: literal(event.end?.value),
    time_zone: event.timeZone,
    cities: event.cities.map(cityName).join(', '),
    participants: event.participants.map(cityName).join(', '),
    audience: event.audience ?? '',
    related: event.related ? 'yes' : '',
    status: event.status,
    location: event.location ?? '',
    url: event.url ?? '',
    description_de: event.description.de ?? '',
    description_en: event.description.en ?? '',
    description_zh: event.description.zh ?? '',
    sources: event.sources.map((c) => c.ref).join(', '),
    revision: String(event.revision),
    both_sides: describeEventTime(event, lang),
  };
}

/** The events as CSV text, headers in `lang`, with a byte order mark. */
export function renderEventsCsv(events: readonly EventRecord[], lang: Lang, cityName: (slug: string) => string): string {
  const headers = words(lang).table;
  const rows = events.map((event) => {
    const row = cells(event, lang, cityName);
    return EVENT_TABLE_COLUMNS.map((column) => row[column]);
  });
  return `\uFEFF${stringify([EVENT_TABLE_COLUMNS.map((column) => headers[column]), ...rows], { record_delimiter: 'windows' })}`;
}
