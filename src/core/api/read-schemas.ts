/**
 * @module api/read-schemas
 * The JSON the read API answers with, as zod schemas: the functions that build it return these schemas'
 * types, the OpenAPI document describes responses with them, and the contract tests validate real answers
 * against them.
 */
import * as z from 'zod/mini';
import { HOLIDAY_COUNTRIES } from '../holidays/holiday-keys.js';
import { AUDIENCES, END_REASONS, EVENT_KINDS, EVENT_STATUSES, LANGS, MEMBERSHIP_STATUSES, PRECISIONS } from '../model.js';

const localized = z.object(
  Object.fromEntries(LANGS.map((lang) => [lang, z.optional(z.string())])) as Record<'de' | 'en' | 'zh', z.ZodMiniOptional<z.ZodMiniString>>,
);

/** How an instant reads in one zone. */
export const zoneViewSchema = z.object({
  local: z.string().check(z.describe('Wall time, yyyy-MM-ddTHH:mm.')),
  offset: z.string().check(z.describe('UTC offset, +08:00.')),
  abbr: z.string().check(z.describe("Zone abbreviation in the reader's language (MESZ/CEST, CST) or UTC±h.")),
});

/** A time of an event at its precision: a wall time with its instant on both sides, a date, a month or a year. */
export const eventTimeSchema = z.union([
  z.object({
    local: z.string(),
    timeZone: z.string(),
    utc: z.string().check(z.describe('RFC 3339 instant in UTC.')),
    offset: z.string(),
    fold: z.optional(z.literal(1)),
    berlin: zoneViewSchema,
    shanghai: zoneViewSchema,
    display: z.optional(z.extend(zoneViewSchema, { timeZone: z.string() })),
  }),
  z.object({ date: z.string().check(z.describe("yyyy-MM-dd in the event's zone.")) }),
  z.object({ month: z.string().check(z.describe('yyyy-MM.')) }),
  z.object({ year: z.string().check(z.describe('yyyy.')) }),
]);
export type EventTimeJson = z.infer<typeof eventTimeSchema>;

/** A citation of the source catalogue. */
export const citationSchema = z.object({ ref: z.string(), note: z.optional(z.string()) });

/** A period of a city's membership (docs/interface.md, "Cities"). */
export const membershipSchema = z.object({
  status: z.enum(MEMBERSHIP_STATUSES),
  from: z.string().check(z.describe('Year, month or day: a month or year counts from the day after it ends.')),
  to: z.optional(z.string().check(z.describe('Where the period ends (that day no longer counts).'))),
  endReason: z.optional(z.enum(END_REASONS)),
  admittedAt: z.optional(z.string().check(z.describe('The event at which the city was admitted; the period includes it.'))),
  sources: z.array(citationSchema),
});

/** The first citation with its catalogue entry, as clients of the single-source shape read it. */
export const expandedCitationSchema = z.object({
  ref: z.string(),
  title: z.optional(z.string()),
  publisher: z.optional(z.string()),
  date: z.optional(z.string()),
  url: z.optional(z.string()),
  file: z.optional(z.string()),
  note: z.optional(z.string()),
});
export type ExpandedCitationJson = z.infer<typeof expandedCitationSchema>;

/** An event as read. */
/** A public holiday or shifted working day on one of an event's days (core/holidays). */
export const eventHolidaySchema = z.object({
  date: z.string().check(z.describe('The date in that country (its own zone).')),
  country: z.enum(HOLIDAY_COUNTRIES),
  subdivision: z.optional(z.string().check(z.describe('The state keeping it (ISO 3166-2, DE-NW); absent for the whole country.'))),
  name: z.string().check(z.describe("The holiday's name in the response's language.")),
  kind: z.enum(['public-holiday', 'working-day']).check(z.describe('working-day: a weekend day made a working day (调休).')),
});

export const eventSchema = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]+$/)),
  uid: z.string().check(z.describe('Calendar UID, <id>@<UID_DOMAIN>.')),
  kind: z.enum(EVENT_KINDS),
  status: z.enum(EVENT_STATUSES),
  allianceWide: z.boolean().check(z.describe('Whether it is for members (then `audience` says which); derived from `audience`.')),
  audience: z.nullable(z.enum(AUDIENCES).check(z.describe('Whom an alliance-wide event is for: all members, or those of DE or CN.'))),
  related: z.boolean().check(z.describe('Not an event of the alliance itself (a forerunner, a member’s own trip).')),
  revision: z.number().check(z.int(), z.minimum(1)),
  title: localized,
  description: localized,
  lang: z.enum(LANGS).check(z.describe('The language displayTitle is in (requested → en → de → zh).')),
  displayTitle: z.string(),
  displayDescription: z.optional(z.string()),
  cities: z.array(z.string()).check(z.describe('Slugs of the cities where it takes place.')),
  participants: z.array(z.string()).check(z.describe('Slugs of other cities taking part.')),
  timeZone: z.string(),
  precision: z.enum(PRECISIONS),
  allDay: z.boolean(),
  start: z.nullable(eventTimeSchema),
  end: z.nullable(eventTimeSchema),
  location: z.nullable(z.string()),
  url: z.nullable(z.string()),
  sources: z.array(citationSchema),
  source: z.nullable(expandedCitationSchema),
  cancelledAt: z.optional(z.string()),
  cancelReason: z.optional(z.string()),
  updated: z.string(),
  holidays: z
    .array(eventHolidaySchema)
    .check(z.describe("Holidays on the event's days in its cities' and participants' countries and states.")),
  holidaysKnownUntil: z
    .partialRecord(z.enum(HOLIDAY_COUNTRIES), z.string())
    .check(
      z.describe(
        'Per country: the last day its holidays are known completely. After it China lists the statutory days by rule only: its shifted working days are unknown, not absent.',
      ),
    ),
});
export type EventJson = z.infer<typeof eventSchema>;

/** A proposal as the API answers it (GET /api/v1/proposals/{id}). */
export const proposalSchema = z.object({
  id: z.string(),
  action: z.enum(['create', 'change', 'cancel']),
  status: z.enum(['open', 'approved', 'rejected']),
  event: z.nullable(z.string()).check(z.describe('The event it is about (the new one, once a create is approved).')),
  baseRevision: z.nullable(z.number()).check(z.describe('The revision of the event it was made against.')),
  proposed: z.nullable(z.record(z.string(), z.unknown())).check(z.describe('The EventInput proposed; null for a cancel.')),
  reason: z.nullable(z.string()).check(z.describe('Why a cancel was proposed.')),
  proposer: z.string(),
  created: z.string(),
  decision: z.nullable(z.object({ by: z.string(), at: z.string(), reason: z.nullable(z.string()) })),
});
export type ProposalJson = z.infer<typeof proposalSchema>;

/** One item of an import's dry run or commit. */
export const importItemSchema = z.object({
  uid: z.optional(z.string().check(z.describe('The UID of an iCalendar item (or a spreadsheet row’s source key).'))),
  row: z.optional(z.number().check(z.int(), z.describe('The spreadsheet row, the header being row 1.'))),
  outcome: z.enum(['new', 'update', 'unchanged', 'error']),
  id: z.optional(z.string().check(z.describe('The event it creates or updates.'))),
  title: z.optional(z.string()),
  field: z.optional(z.string().check(z.describe('The field at fault, in the file’s terms (DTSTART, start, cities …).'))),
  message: z.optional(z.string()),
});

/** A stored dry run (`POST /api/v1/imports`), or a commit's outcomes. */
export const dryRunSchema = z.object({
  id: z.string(),
  expires: z.string().check(z.describe('Until when it can be committed (24 hours).')),
  items: z.array(importItemSchema),
  commit: z.optional(z.string().check(z.describe('The path to POST to commit it.'))),
  committed: z.optional(z.union([z.boolean(), z.nullable(z.string())])),
});

/** A city as read. */
export const citySchema = z.object({
  slug: z.string(),
  name: z.object({ de: z.string(), en: z.string(), zh: z.string() }),
  displayName: z.string(),
  nameZhUncertain: z.boolean(),
  aliases: z.array(z.string()),
  country: z.enum(['DE', 'CN']),
  subdivision: z.nullable(z.string().check(z.describe('ISO 3166-2: DE-NW, CN-GD …'))),
  timeZone: z.string(),
  memberships: z.array(membershipSchema),
  status: z.nullable(
    z
      .enum([...MEMBERSHIP_STATUSES, 'former'])
      .check(z.describe('The standing the sources last show; null for a venue that never belonged.')),
  ),
  member: z.boolean().check(z.describe('Whether it is a member now (derived from memberships).')),
  memberSince: z.nullable(z.string().check(z.describe('The start of its first member period (derived from memberships).'))),
  parent: z.nullable(z.string()),
  note: z.nullable(z.string()),
  links: z.object({ events: z.string(), page: z.string(), calendar: z.string() }),
});
export type CityJson = z.infer<typeof citySchema>;

/** An entry of the source catalogue. */
export const sourceSchema = z.object({
  id: z.string(),
  title: z.string(),
  publisher: z.optional(z.string()),
  date: z.optional(z.string()),
  url: z.optional(z.string()),
  file: z.optional(z.string()),
  note: z.optional(z.string()),
});

/** One side of a change: the times as they were or are. */
export const changeSideSchema = z.object({
  status: z.enum(EVENT_STATUSES),
  timeZone: z.string(),
  precision: z.enum(PRECISIONS),
  start: z.nullable(eventTimeSchema),
  end: z.nullable(eventTimeSchema),
  text: z.string().check(z.describe('The time on both sides, for people.')),
});

/** A recorded change, or an event removed for good (only when: nothing of its content). */
export const changeSchema = z.union([
  z.object({
    seq: z.number().check(z.int()),
    id: z.string(),
    revision: z.number().check(z.int()),
    action: z.enum(['created', 'moved', 'changed', 'cancelled', 'reinstated']),
    at: z.string(),
    event: eventSchema,
    before: z.nullable(changeSideSchema),
    after: changeSideSchema,
  }),
  z.object({
    seq: z.number().check(z.int()),
    id: z.string(),
    revision: z.number().check(z.int()),
    action: z.literal('deleted'),
    at: z.string(),
  }),
]);

/** A page of a listing: its items and the cursor of the next page. */
export function pageOf<T extends z.ZodMiniType>(item: T) {
  return z.object({ items: z.array(item), next: z.nullable(z.string()).check(z.describe('Opaque cursor of the next page, or null.')) });
}

/** A whole list. */
export function listOf<T extends z.ZodMiniType>(item: T) {
  return z.object({ items: z.array(item) });
}

/** `/healthz`: whether the database answers and how writes went. */
export const healthSchema = z.object({
  ok: z.boolean(),
  writes: z.enum(['ok', 'disabled', 'failing']).check(z.describe('From real writes of this instance, never a probe.')),
  reason: z.optional(z.string().check(z.describe('Why writes fail, while they do.'))),
});
