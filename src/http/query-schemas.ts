/**
 * @module query-schemas
 * One schema per query string: the routes validate with them and the OpenAPI document lists their
 * parameters from them, descriptions included.
 */
import * as z from 'zod/mini';
import { CSV_CHARSETS } from '../core/import/csv-items.js';
import { AUDIENCES, EVENT_KINDS, LANGS, RELATED_FILTERS } from '../core/model.js';

const lang = z.optional(z.enum(LANGS).check(z.describe('Language: de (default), en, zh; text falls back requested → en → de → zh.')));
const kind = z.optional(z.string().check(z.maxLength(2000), z.describe(`Kinds, comma-separated: ${EVENT_KINDS.join(', ')}.`)));
const audience = z.optional(z.enum(AUDIENCES).check(z.describe('Only alliance-wide events for all members, or for those of DE or CN.')));
const related = z.optional(
  z.enum(RELATED_FILTERS).check(z.describe('Items that are not ISA events themselves: include (default, marked), exclude, only.')),
);
const limit = (fallback: number) =>
  z.optional(z.string().check(z.regex(/^[0-9]{1,3}$/, 'limit is a whole number from 1 to 500'), z.describe(`1–500, default ${fallback}.`)));
const tz = z.optional(z.string().check(z.maxLength(64), z.describe('IANA zone or alias (CET, MESZ, CST, Beijing Time …).')));

/** `?lang=` alone. */
export const langQuery = z.object({ lang });

/** `GET /api/v1/events`. */
export const eventListQuery = z.object({
  city: z.optional(
    z
      .string()
      .check(
        z.minLength(1),
        z.maxLength(200),
        z.describe('A city (any spelling): its venue and participant events, and the alliance-wide events of its member periods.'),
      ),
  ),
  kind,
  audience,
  related,
  from: z.optional(
    z
      .string()
      .check(
        z.maxLength(64),
        z.describe(
          'RFC 3339 instant or date (the whole day in tz, else the city zone, else UTC); events overlapping [from, to]. Default: now.',
        ),
      ),
  ),
  to: z.optional(z.string().check(z.maxLength(64), z.describe('RFC 3339 instant or date (inclusive).'))),
  tz: z.optional(
    z.string().check(z.maxLength(64), z.describe('IANA zone or alias (CET, MESZ, CST, Beijing Time …) for bare dates and a display time.')),
  ),
  lang,
  limit: limit(50),
  cursor: z.optional(z.string().check(z.maxLength(400), z.describe('Opaque cursor from `next`.'))),
});

/** `GET /api/v1/events/{id}`. */
export const eventQuery = z.object({ lang, tz });

/** `GET /api/v1/events.csv`. */
export const eventsCsvQuery = z.object({
  lang,
  city: z.optional(z.string().check(z.minLength(1), z.maxLength(200), z.describe('A city (any spelling): its listing only.'))),
});

/** `POST /api/v1/imports`: how to read the file, and the defaults of items that do not say. */
export const importQuery = z.object({
  lang,
  charset: z.optional(z.enum(CSV_CHARSETS).check(z.describe('CSV only: the encoding (default: UTF-8 when valid, else detected).'))),
  delimiter: z.optional(z.enum([',', ';']).check(z.describe('CSV only: the delimiter (default: detected from the header row).'))),
  timeZone: z.optional(
    z.string().check(z.maxLength(64), z.describe('The zone of floating and UTC times, and of new events that name none.')),
  ),
  cities: z.optional(
    z
      .string()
      .check(z.maxLength(1000), z.describe('Comma-separated cities (any spelling) of items that name none (iCalendar files name none).')),
  ),
  kind: z.optional(z.enum(EVENT_KINDS).check(z.describe('The kind of items that give none (default: other).'))),
});

/** `GET /api/v1/changes`. */
export const changesQuery = z.object({
  since: z.optional(z.string().check(z.maxLength(64), z.describe('RFC 3339 instant or date (UTC). Default: the beginning.'))),
  lang,
  limit: limit(100),
  cursor: z.optional(z.string().check(z.regex(/^[0-9]{1,15}$/, 'cursor is not one this API returned'), z.describe('From `next`.'))),
});

/** Calendars and feeds (what their file-style name leaves open); `tz` is checked, and changes nothing. */
export const documentQuery = z.object({
  lang,
  kind,
  audience,
  related,
  tz: z.optional(
    z.string().check(z.maxLength(64), z.describe('Checked (400 unknown_zone when it is none) and otherwise ignored: clients convert.')),
  ),
});

/** The month view, the agenda, search and the embeds (filters as in documentQuery; a form's empty fields count as absent). */
export const viewQuery = z.object({
  kind,
  audience,
  related,
  tz,
  city: z.optional(z.string().check(z.maxLength(200), z.describe('A city (any spelling): its own address, to which the view redirects.'))),
  from: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'from is a date, YYYY-MM-DD'), z.describe('The agenda from this day.'))),
  q: z.optional(z.string().check(z.maxLength(200, 'q is at most 200 characters'), z.describe('Search text.'))),
});
