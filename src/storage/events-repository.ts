/**
 * @module events-repository
 * Event reads (listings by city, kind and time window with keyset pagination) and insert statements.
 * Functions take the database first.
 */
import { type Compilable, CompiledQuery, type Kysely, type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { Audience, City, EventKind, EventRecord, EventStatus, Lang, Selection } from '../core/model.js';
import { eventSpan } from '../core/time/wall-time.js';
import { memberListingInsert } from './cities-repository.js';
import { asBytes } from './renderings-repository.js';
import { eventFromRow } from './rows.js';
import type { Database, EventHistoryTable, EventRow } from './schema.js';
import { searchIndexStatements } from './search-index.js';

/** Position after which a page starts: the sort key and id of the previous page's last event. */
export interface Position {
  readonly key: number;
  readonly id: string;
}

export interface EventFilter extends Selection {
  /** A city's listing: its venue and participant events, and the alliance-wide events it was a member for. */
  readonly city?: Pick<City, 'slug'>;
  /** Inclusive instants (ms): an event matches when its span overlaps [from, to]. */
  readonly from?: number;
  readonly to?: number;
  readonly after?: Position;
  readonly limit: number;
}

export interface EventPage {
  readonly items: EventRecord[];
  /** Where the next page starts, or null on the last page. */
  readonly next: Position | null;
}

/** The event columns the domain needs (all but the derived `span`). */
const EVENT_COLUMNS = [
  'events.id',
  'events.kind',
  'events.status',
  'events.audience',
  'events.related',
  'events.revision',
  'events.title_de',
  'events.title_en',
  'events.title_zh',
  'events.description_de',
  'events.description_en',
  'events.description_zh',
  'events.time_zone',
  'events.precision',
  'events.start_value',
  'events.start_fold',
  'events.end_value',
  'events.end_fold',
  'events.start_key',
  'events.location',
  'events.url',
  'events.sources',
  'events.created_at',
  'events.updated_at',
  'events.cancelled_at',
  'events.cancel_reason',
  'events.links',
] as const;

/** Event rows with their city links, which each row holds (`role:city` items joined by spaces; slugs contain neither). */
function selectEvents<QB extends SelectQueryBuilder<Database, 'events', object>>(qb: QB) {
  return qb.select(EVENT_COLUMNS);
}

type LinkedRow = Omit<EventRow, 'span' | 'end_key' | 'alliance_wide'>;

/** `role:city` items in their order (a listing maps thousands: a plain loop). */
function linksOf(text: string): Array<{ role: string; city: string }> {
  const links: Array<{ role: string; city: string }> = [];
  if (text === '') return links;
  for (const item of text.split(' ')) {
    const colon = item.indexOf(':');
    if (colon > 0) links.push({ role: item.slice(0, colon), city: item.slice(colon + 1) });
  }
  return links;
}

function toRecord(row: LinkedRow): EventRecord {
  return eventFromRow(row, linksOf(row.links));
}

/** What a document lists: a city's listing or all events, narrowed by a selection (kinds, audience, related items). */
export type ListingScope = Pick<EventFilter, 'city' | 'kinds' | 'audience' | 'related'>;

/** One event by id, or null. */
export async function getEvent(db: Kysely<Database>, id: string): Promise<EventRecord | null> {
  const row = await selectEvents(db.selectFrom('events')).where('events.id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : null;
}

/**
 * Which events: a city's listing, kinds and a window; `after`/`take` cut one page of the order.
 * `before` keeps events that ended before an instant, latest first.
 */
type Scope = Omit<EventFilter, 'limit'> & { readonly take?: number; readonly before?: number };

/** The conditions on an event's own columns (`alias.kind` …) a scope sets, or null for none. */
export function eventConditions(scope: Selection, alias: string): RawBuilder<boolean> | null {
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  const conditions: RawBuilder<boolean>[] = [];
  if (scope.kinds?.length) conditions.push(sql<boolean>`${column('kind')} IN (${sql.join(scope.kinds)})`);
  if (scope.audience !== undefined) conditions.push(sql<boolean>`${column('audience')} = ${scope.audience}`);
  // Literals, not parameters: the shape of a listing already tells them apart.
  if (scope.related === 'exclude') conditions.push(sql<boolean>`${column('related')} = 0`);
  if (scope.related === 'only') conditions.push(sql<boolean>`${column('related')} = 1`);
  return conditions.length === 0 ? null : sql.join(conditions, sql` AND `);
}

/**
 * The ids and sort keys of the events in scope, in order: one index range, over events or over the city's
 * listing (event_listings, kept in step by every write).
 */
function scopeIds(db: Kysely<Database>, scope: Scope) {
  // An event overlapping `from` starts at most max(span) before it, so the start index can be bounded
  // (events_span makes max() one index lookup).
  const lowest = scope.from === undefined ? undefined : sql<number>`${scope.from} - coalesce((SELECT max(span) FROM events), 0)`;
  const direction = scope.before === undefined ? 'asc' : 'desc';
  const table = scope.city ? 'event_listings' : 'events';
  const column = (name: string) => sql.ref(`${table}.${name}`);
  const idColumn = column(scope.city ? 'event_id' : 'id');

  const own = eventConditions(scope, scope.city ? 'k' : 'events');
  const narrow = <QB extends SelectQueryBuilder<Database, 'events' | 'event_listings', { id: string; start_key: number }>>(qb: QB): QB => {
    let q = qb;
    if (lowest !== undefined) q = q.where(column('start_key'), '>=', lowest) as QB;
    if (scope.from !== undefined) q = q.where(column('end_key'), '>=', scope.from) as QB;
    if (scope.to !== undefined) q = q.where(column('start_key'), '<=', scope.to) as QB;
    if (scope.before !== undefined) q = q.where(column('start_key'), '<', scope.before).where(column('end_key'), '<', scope.before) as QB;
    if (scope.after) q = q.where(sql<boolean>`(${column('start_key')}, ${idColumn}) > (${scope.after.key}, ${scope.after.id})`) as QB;
    if (own) q = q.where(scope.city ? sql<boolean>`EXISTS (SELECT 1 FROM events k WHERE k.id = ${idColumn} AND ${own})` : own) as QB;
    q = q.orderBy(column('start_key'), direction).orderBy(idColumn, direction) as QB;
    return (scope.take === undefined ? q : q.limit(scope.take)) as QB;
  };
  return scope.city
    ? narrow(
        db
          .selectFrom('event_listings')
          .select(['event_listings.event_id as id', 'event_listings.start_key as start_key'])
          .where('event_listings.city', '=', scope.city.slug),
      )
    : narrow(db.selectFrom('events').select(['events.id as id', 'events.start_key as start_key']));
}

/** Events in order of their earliest possible instant (then id), one page at a time, in one statement. */
export async function listEvents(db: Kysely<Database>, filter: EventFilter): Promise<EventPage> {
  const { limit } = filter;
  const rows = (await db.executeQuery<LinkedRow>(compiledListing(db, filter))).rows;
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(toRecord),
    next: rows.length > limit && last ? { key: last.start_key, id: last.id } : null,
  };
}

/**
 * Listings are compiled once per shape (which filters are present, how many kinds) with placeholder values,
 * then bound to each request's values: building and compiling this query in Kysely costs ~100 µs, a tenth of
 * the listing itself. A placeholder is a value no request can have, so binding is a plain lookup.
 */
const listingShapes = new WeakMap<Kysely<Database>, Map<string, { sql: string; slots: ReadonlyArray<(f: EventFilter) => unknown> }>>();

function compiledListing(db: Kysely<Database>, filter: EventFilter): CompiledQuery {
  const kinds = filter.kinds ?? [];
  const shape = [
    filter.city ? 'c' : '',
    filter.audience ? 'u' : '',
    filter.related ?? '',
    filter.from !== undefined ? 'f' : '',
    filter.to !== undefined ? 't' : '',
    filter.after ? 'a' : '',
    kinds.length,
  ].join('');
  let shapes = listingShapes.get(db);
  if (!shapes) {
    shapes = new Map();
    listingShapes.set(db, shapes);
  }
  let compiled = shapes.get(shape);
  if (!compiled) {
    // Placeholders: NaN-free numbers below any instant, and strings no slug or id can hold.
    const P = { from: -9e15 - 1, to: -9e15 - 2, key: -9e15 - 4, take: -9e15 - 5 };
    const placeholder: EventFilter = {
      ...(filter.city && { city: { slug: '\u0000city' } }),
      ...(filter.audience && { audience: '\u0000audience' as Audience }),
      ...(filter.related && { related: filter.related }),
      ...(kinds.length && { kinds: kinds.map((_, i) => `\u0000kind${i}` as EventKind) }),
      ...(filter.from !== undefined && { from: P.from }),
      ...(filter.to !== undefined && { to: P.to }),
      ...(filter.after && { after: { key: P.key, id: '\u0000id' } }),
      limit: P.take,
    };
    const { limit: _, ...scope } = placeholder;
    const query = selectEvents(
      db.selectFrom(scopeIds(db, { ...scope, take: P.take }).as('page')).innerJoin('events', 'events.id', 'page.id'),
    )
      .orderBy('events.start_key')
      .orderBy('events.id')
      .compile();
    const slots = query.parameters.map((value): ((f: EventFilter) => unknown) => {
      if (value === P.from) return (f) => f.from;
      if (value === P.to) return (f) => f.to;
      if (value === P.key) return (f) => f.after?.key;
      if (value === P.take) return (f) => f.limit + 1;
      if (value === '\u0000city') return (f) => f.city?.slug;
      if (value === '\u0000audience') return (f) => f.audience;
      if (value === '\u0000id') return (f) => f.after?.id;
      if (typeof value === 'string' && value.startsWith('\u0000kind')) {
        const i = Number(value.slice(5));
        return (f) => f.kinds?.[i];
      }
      return () => value;
    });
    compiled = { sql: query.sql, slots };
    shapes.set(shape, compiled);
  }
  return CompiledQuery.raw(
    compiled.sql,
    compiled.slots.map((slot) => slot(filter)),
  );
}

/** The latest events that ended before an instant, latest first (a feed's recent past). */
export async function listRecentEvents(db: Kysely<Database>, scope: ListingScope, before: number, limit: number): Promise<EventRecord[]> {
  const page = scopeIds(db, { ...scope, before, take: limit });
  const rows = await selectEvents(db.selectFrom(page.as('page')).innerJoin('events', 'events.id', 'page.id'))
    .orderBy('events.start_key', 'desc')
    .orderBy('events.id', 'desc')
    .execute();
  return rows.map(toRecord);
}

/** What counts as a short event for the month listing's candidates: a week and a day (longer ones are few). */
const SHORT_SPAN_MS = 8 * 86_400_000;

/** A month's events by the day they are shown on (their start in their own zone, or the month's first day). */
export interface MonthListing {
  /** Up to `perDay` events a day, earliest first, and how many that day has. */
  readonly days: ReadonlyMap<string, { readonly events: EventRecord[]; readonly total: number }>;
  /** Events known only to the month (or a span of months) that include this one. */
  readonly undated: { readonly events: EventRecord[]; readonly total: number };
}

/**
 * A month of a listing for the month view: at most `perDay` events per day and per "this month" (a window
 * function counts the rest in SQL, so a month of thousands of events reads a few hundred rows).
 */
export async function listMonthEvents(
  db: Kysely<Database>,
  scope: ListingScope,
  month: { readonly key: string; readonly first: string; readonly last: string; readonly from: number; readonly to: number },
  perDay: number,
): Promise<MonthListing> {
  // What is shown: events known to the day or minute that touch the month, and month-precision ones that include it.
  const shows = sql`e.start_value IS NOT NULL AND (
      (e.precision IN ('day', 'minute') AND substr(e.start_value, 1, 10) <= ${month.last}
        AND substr(coalesce(e.end_value, e.start_value), 1, 10) >= ${month.first})
      OR (e.precision = 'month' AND e.start_value <= ${month.key} AND coalesce(e.end_value, e.start_value) >= ${month.key}))`;
  const own = eventConditions(scope, 'e');
  const where = sql`${shows}${own ? sql` AND ${own}` : sql``}`;
  const lowest = month.from - SHORT_SPAN_MS;
  const columns = sql`e.id, e.start_key, e.precision, e.start_value`;
  // What starts from SHORT_SPAN before the month to its end (one range of events_days, or of the city's listing),
  // and the few longer events still running (events_span): an overlap test would walk back over the longest
  // span there is (a year).
  const recent = scope.city
    ? sql`SELECT ${columns} FROM event_listings k CROSS JOIN events e ON e.id = k.event_id
        WHERE k.city = ${scope.city.slug} AND k.start_key >= ${lowest} AND k.start_key <= ${month.to} AND ${where}`
    : sql`SELECT ${columns} FROM events e WHERE e.start_key >= ${lowest} AND e.start_key <= ${month.to} AND ${where}`;
  const long = sql`SELECT ${columns} FROM events e WHERE e.span > ${SHORT_SPAN_MS} AND e.start_key < ${lowest}
    AND e.end_key >= ${month.from} AND ${where}${scope.city ? sql` AND e.id IN (SELECT event_id FROM event_listings WHERE city = ${scope.city.slug})` : sql``}`;
  const { rows } = await sql<{
    id: string;
    start_key: number;
    precision: string;
    start_value: string;
  }>`${recent} UNION ALL ${long}`.execute(db);
  const buckets = new Map<string, Array<{ id: string; start_key: number }>>();
  for (const row of rows) {
    // The day it is shown on: its start, or the month's first day for what began before; "month" for the undated.
    const start = row.start_value.slice(0, 10);
    // biome-ignore lint/complexity/useMathMinMax: ISO dates compare as strings; Math.max would give NaN.
    const d = row.precision === 'month' ? 'month' : start < month.first ? month.first : start;
    const bucket = buckets.get(d);
    if (bucket) bucket.push(row);
    else buckets.set(d, [row]);
  }
  const shown = new Map(
    [...buckets].map(([d, list]) => [d, list.sort((a, b) => a.start_key - b.start_key || (a.id < b.id ? -1 : 1)).slice(0, perDay)]),
  );
  const records = new Map(
    (
      await getEvents(
        db,
        [...shown.values()].flat().map((r) => r.id),
      )
    ).map((e) => [e.id, e]),
  );
  const days = new Map<string, { events: EventRecord[]; total: number }>();
  for (const [d, list] of shown) days.set(d, { events: list.flatMap((r) => records.get(r.id) ?? []), total: buckets.get(d)?.length ?? 0 });
  const undated = days.get('month') ?? { events: [], total: 0 };
  days.delete('month');
  return { days, undated };
}

/** A month as its key and the instants that hold it in any zone (core/views/month-grid.ts, monthWindow). */
export interface MonthSpan {
  readonly key: string;
  readonly from: number;
  readonly to: number;
}

/**
 * In which of the months an event of the listing starts: one statement of index lookups, one per month (an
 * overlap test would walk back over every long event; the month views link where events start).
 */
export async function monthsWithEvents(db: Kysely<Database>, scope: ListingScope, months: readonly MonthSpan[]): Promise<Set<string>> {
  if (months.length === 0) return new Set();
  const own = eventConditions(scope, 'e');
  // Over events_days (which holds the filters' columns), or the city's listing joined to it where filters apply.
  const probe = (m: MonthSpan) =>
    scope.city
      ? own
        ? sql`SELECT 1 FROM event_listings k CROSS JOIN events e ON e.id = k.event_id
            WHERE k.city = ${scope.city.slug} AND k.start_key >= ${m.from} AND k.start_key <= ${m.to} AND ${own} LIMIT 1`
        : sql`SELECT 1 FROM event_listings k WHERE k.city = ${scope.city.slug} AND k.start_key >= ${m.from} AND k.start_key <= ${m.to} LIMIT 1`
      : sql`SELECT 1 FROM events e WHERE e.start_key >= ${m.from} AND e.start_key <= ${m.to}${own ? sql` AND ${own}` : sql``} LIMIT 1`;
  // One row of one EXISTS column per month (D1 refuses a compound SELECT of more than a few terms).
  const columns = months.map((m, i) => sql`EXISTS (${probe(m)}) AS ${sql.ref(`m${i}`)}`);
  const { rows } = await sql<Record<string, number>>`SELECT ${sql.join(columns)}`.execute(db);
  const row = rows[0] ?? {};
  return new Set(months.filter((_, i) => row[`m${i}`] === 1).map((m) => m.key));
}

/** The first and the last-starting event's dates of a listing (city or all), for the months a view has. */
export async function listingBounds(
  db: Kysely<Database>,
  scope: Pick<ListingScope, 'city'>,
): Promise<{ first: string | null; last: string | null }> {
  const edge = async (direction: 'asc' | 'desc') => {
    const row = scope.city
      ? await db
          .selectFrom('event_listings')
          .innerJoin('events', 'events.id', 'event_listings.event_id')
          .select(
            sql<
              string | null
            >`coalesce(${sql.ref(direction === 'asc' ? 'events.start_value' : 'events.end_value')}, events.start_value, events.end_value)`.as(
              'value',
            ),
          )
          .where('event_listings.city', '=', scope.city.slug)
          .orderBy('event_listings.start_key', direction)
          .limit(1)
          .executeTakeFirst()
      : await db
          .selectFrom('events')
          .select(
            sql<
              string | null
            >`coalesce(${sql.ref(direction === 'asc' ? 'events.start_value' : 'events.end_value')}, events.start_value, events.end_value)`.as(
              'value',
            ),
          )
          .orderBy('events.start_key', direction)
          .limit(1)
          .executeTakeFirst();
    return row?.value ?? null;
  };
  return { first: await edge('asc'), last: await edge('desc') };
}

/** What a calendar needs to know of an event: whether it is listed today, and its stored VEVENT. */
export interface CalendarEntry {
  readonly id: string;
  readonly revision: number;
  readonly status: EventStatus;
  /** Sort key: the earliest instant of the event (ms). */
  readonly startKey: number;
  /** Latest instant of the event (ms, inclusive). */
  readonly endKey: number;
  readonly cancelledAt: string | null;
  /** Its stored VEVENT in the calendar's language when that is of this revision and stamp, else null. */
  readonly fragment: { readonly tzid: string | null; readonly bytes: Uint8Array<ArrayBuffer> } | null;
}

/**
 * One page of the calendar entries (day or minute precision) of a city or of all events, in order, each with
 * its stored VEVENT in `lang` where that is current (of the entry's revision and of `stamp`): a calendar is
 * assembled from stored bytes, and only entries without a current fragment are read in full and rendered.
 * Pages, so that reading a calendar of 10,000 events never holds up other requests for long.
 */
export async function listCalendarEntries(
  db: Kysely<Database>,
  scope: ListingScope,
  lang: Lang,
  stamp: string,
  page: { readonly after?: Position; readonly limit: number },
): Promise<CalendarEntry[]> {
  const columns = ['events.id', 'events.revision', 'events.status', 'events.start_key', 'events.end_key', 'events.cancelled_at'] as const;
  const own = eventConditions(scope, 'events');
  const base = scope.city
    ? db.selectFrom(scopeIds(db, scope).as('scope')).innerJoin('events', 'events.id', 'scope.id').select(columns)
    : db
        .selectFrom('events')
        .select(columns)
        .$if(own !== null, (q) => q.where(own as RawBuilder<boolean>));
  const current = sql<number>`fragments.revision = events.revision AND fragments.stamp = ${stamp}`;
  const rows = await base
    .leftJoin('fragments', (join) =>
      join.onRef('fragments.event_id', '=', 'events.id').on('fragments.kind', '=', sql.lit('vevent')).on('fragments.lang', '=', lang),
    )
    // Stale bytes are not read at all.
    .select([
      sql<string | null>`CASE WHEN ${current} THEN fragments.tzid END`.as('tzid'),
      sql<Uint8Array | null>`CASE WHEN ${current} THEN fragments.bytes END`.as('bytes'),
    ])
    // Literals, not parameters, so SQLite can use the partial covering index events_calendar.
    .where('events.precision', 'in', [sql.lit('day'), sql.lit('minute')])
    .where('events.start_value', 'is not', null)
    .$if(page.after !== undefined, (q) =>
      q.where(sql<boolean>`(events.start_key, events.id) > (${page.after?.key ?? 0}, ${page.after?.id ?? ''})`),
    )
    .orderBy('events.start_key')
    .orderBy('events.id')
    .limit(page.limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    revision: r.revision,
    status: r.status as EventStatus,
    startKey: r.start_key,
    endKey: r.end_key,
    cancelledAt: r.cancelled_at,
    fragment: r.bytes === null ? null : { tzid: r.tzid, bytes: asBytes(r.bytes) },
  }));
}

/** D1 binds at most 100 parameters per statement. */
const MAX_IDS_PER_QUERY = 90;

/** Events by id (any order; missing ids are left out), in statements of at most 90 ids. */
export async function getEvents(db: Kysely<Database>, ids: readonly string[]): Promise<EventRecord[]> {
  const records: EventRecord[] = [];
  for (let i = 0; i < ids.length; i += MAX_IDS_PER_QUERY) {
    const chunk = ids.slice(i, i + MAX_IDS_PER_QUERY);
    const rows = await selectEvents(db.selectFrom('events')).where('events.id', 'in', chunk).execute();
    records.push(...rows.map(toRecord));
  }
  return records;
}

/** An event as its row in `events`. */
export function eventRow(event: EventRecord) {
  const span = eventSpan(event.start, event.end, event.timeZone);
  return {
    id: event.id,
    kind: event.kind,
    status: event.status,
    // Kept for databases read by an older version during a rolling deploy.
    alliance_wide: event.audience === null ? 0 : 1,
    audience: event.audience,
    related: event.related ? 1 : 0,
    revision: event.revision,
    title_de: event.title.de ?? null,
    title_en: event.title.en ?? null,
    title_zh: event.title.zh ?? null,
    description_de: event.description.de ?? null,
    description_en: event.description.en ?? null,
    description_zh: event.description.zh ?? null,
    time_zone: event.timeZone,
    precision: event.precision,
    start_value: event.start?.value ?? null,
    start_fold: event.start?.fold ?? 0,
    end_value: event.end?.value ?? null,
    end_fold: event.end?.fold ?? 0,
    start_key: span.start,
    end_key: span.end,
    location: event.location,
    url: event.url,
    sources: JSON.stringify(event.sources),
    created_at: event.created,
    updated_at: event.updated,
    cancelled_at: event.cancelledAt,
    cancel_reason: event.cancelReason ?? null,
    links: [...event.cities.map((city) => `venue:${city}`), ...event.participants.map((city) => `participant:${city}`)].join(' '),
  };
}

/** One event a write stores: new (`before` null) or the next revision of a stored one. */
export interface EventWrite {
  readonly before: EventRecord | null;
  readonly after: EventRecord;
  /** What the history records; derived from before and after when left out. */
  readonly action?: EventHistoryTable['action'];
}

/** Events per statement: keeps each JSON parameter far below D1's 2 MB limit for a value. */
const EVENTS_PER_STATEMENT = 250;

/** `json_extract(value, '$.column')` for each column, as a select list. */
const extracted = (columns: readonly string[]) => sql.join(columns.map((c) => sql`json_extract(value, ${`$.${c}`})`));

/** What a history row says a write did. */
function actionOf(write: EventWrite): EventHistoryTable['action'] {
  if (write.action) return write.action;
  if (write.before === null) return 'created';
  if (write.before.status === 'cancelled' && write.after.status !== 'cancelled') return 'reinstated';
  return write.after.status === 'cancelled' && write.before.status !== 'cancelled' ? 'cancelled' : 'changed';
}

/** The set-based statements of one chunk of event writes. */
function chunkStatements(db: Kysely<Database>, writes: readonly EventWrite[], history: { actor: string } | null): Compilable[] {
  const rows = writes.map((w) => eventRow(w.after));
  const eventColumns = Object.keys(rows[0] ?? {});
  const columns = sql.join(eventColumns.map((c) => sql.ref(c)));
  const updates = sql.join(
    eventColumns.filter((c) => c !== 'id' && c !== 'created_at').map((c) => sql`${sql.ref(c)} = excluded.${sql.ref(c)}`),
  );
  const added = JSON.stringify(rows.filter((_, i) => writes[i]?.before === null));
  const changed = JSON.stringify(rows.filter((_, i) => writes[i]?.before !== null));
  const links = writes.flatMap((w, i) =>
    [
      ...w.after.cities.map((city) => ({ city, role: 'venue' })),
      ...w.after.participants.map((city) => ({ city, role: 'participant' })),
    ].map((link, position) => ({ event_id: w.after.id, ...link, position, start_key: rows[i]?.start_key, end_key: rows[i]?.end_key })),
  );
  const ids = JSON.stringify(writes.map((w) => w.after.id));
  const raw = (statement: ReturnType<typeof sql>): Compilable => ({ compile: () => statement.compile(db) });
  return [
    // A new event's id must be new: a plain insert fails the batch on one that exists.
    ...(added === '[]' ? [] : [raw(sql`INSERT INTO events (${columns}) SELECT ${extracted(eventColumns)} FROM json_each(${added})`)]),
    // A new revision applies only over the one before it; the history's uniqueness fails the batch when another
    // write took that revision meanwhile (history-repository.ts isLostRace).
    ...(changed === '[]'
      ? []
      : [
          raw(sql`INSERT INTO events (${columns}) SELECT ${extracted(eventColumns)} FROM json_each(${changed}) WHERE true
      ON CONFLICT (id) DO UPDATE SET ${updates} WHERE events.revision = excluded.revision - 1`),
        ]),
    raw(sql`DELETE FROM event_cities WHERE event_id IN (SELECT value FROM json_each(${ids}))`),
    raw(sql`DELETE FROM event_listings WHERE event_id IN (SELECT value FROM json_each(${ids}))`),
    ...(links.length === 0
      ? []
      : [
          raw(sql`INSERT INTO event_cities (event_id, city, role, position, start_key, end_key)
      SELECT ${extracted(['event_id', 'city', 'role', 'position', 'start_key', 'end_key'])} FROM json_each(${JSON.stringify(links)})`),
          raw(sql`INSERT OR IGNORE INTO event_listings (city, event_id, via, start_key, end_key)
      SELECT ${extracted(['city', 'event_id', 'role', 'start_key', 'end_key'])} FROM json_each(${JSON.stringify(links)})`),
        ]),
    ...searchIndexStatements(
      db,
      writes.map((w) => w.after),
    ),
    // The members an alliance-wide event reaches on its date, including cities admitted at it.
    ...(writes.some((w) => w.after.audience !== null)
      ? [memberListingInsert(db, sql<boolean>`e.id IN (SELECT value FROM json_each(${ids}))`)]
      : []),
    ...(history === null
      ? []
      : [
          raw(sql`INSERT INTO event_history (event_id, revision, action, actor, at, before, after)
      SELECT ${extracted(['event_id', 'revision', 'action', 'actor', 'at', 'before', 'after'])} FROM json_each(${JSON.stringify(
        writes.map((w) => ({
          event_id: w.after.id,
          revision: w.after.revision,
          action: actionOf(w),
          actor: history.actor,
          at: w.after.updated,
          before: w.before === null ? null : JSON.stringify(w.before),
          after: JSON.stringify(w.after),
        })),
      )})`),
        ]),
  ];
}

/**
 * The statements of every event write (the write module's, the import's and the seed loader's): the rows, their
 * city links, the listings (where it takes place, who takes part, the members an alliance-wide event reaches)
 * and, with `history`, one history row each — a fixed number per 250 events, whatever their number. The caller
 * raises `revision` and `updated` and adds bumpDataVersion to the same batch.
 */
export function eventWriteStatements(db: Kysely<Database>, writes: readonly EventWrite[], history: { actor: string } | null): Compilable[] {
  const statements: Compilable[] = [];
  for (let i = 0; i < writes.length; i += EVENTS_PER_STATEMENT)
    statements.push(...chunkStatements(db, writes.slice(i, i + EVENTS_PER_STATEMENT), history));
  return statements;
}

/** Statements that add an event with its links and listings, without a history row (seeds, fixtures). */
export function insertEventStatements(db: Kysely<Database>, event: EventRecord): Compilable[] {
  return eventWriteStatements(db, [{ before: null, after: event }], null);
}

/** Statements that store the next revision of an event with its links and listings, without a history row. */
export function updateEventStatements(db: Kysely<Database>, event: EventRecord): Compilable[] {
  // `before` says only that the event exists: without a history row nothing records it.
  return eventWriteStatements(db, [{ before: event, after: event }], null);
}

/**
 * Statements that remove an event and everything stored from it (links, listings, fragments, its import UID).
 * The caller records the purge in the history (purgeHistoryStatements) in the same batch.
 */
export function deleteEventStatements(db: Kysely<Database>, id: string): Compilable[] {
  return [
    db.deleteFrom('fragments').where('event_id', '=', id),
    db.deleteFrom('event_listings').where('event_id', '=', id),
    db.deleteFrom('event_cities').where('event_id', '=', id),
    db.deleteFrom('event_uids').where('event_id', '=', id),
    db.deleteFrom('event_search').where('event_id', '=', id),
    db.deleteFrom('events').where('id', '=', id),
  ];
}
