/**
 * @module events-repository
 * Event reads (listings by city, kind and time window with keyset pagination) and insert statements.
 * Functions take the database first.
 */
import { type Compilable, type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { EventRecord } from '../core/model.js';
import { eventSpan } from '../core/time/wall-time.js';
import type { CityRef } from './cities-repository.js';
import { eventFromRow } from './rows.js';
import type { Database, EventRow } from './schema.js';

/** Position after which a page starts: the sort key and id of the previous page's last event. */
export interface Position {
  readonly key: number;
  readonly id: string;
}

export interface EventFilter {
  /** A city's listing: its venue and participant events, and alliance-wide events from its membership on. */
  readonly city?: CityRef;
  readonly kinds?: readonly string[];
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

/** Attaches venue and participant cities to rows, in one query. */
async function withCities(db: Kysely<Database>, rows: EventRow[]): Promise<EventRecord[]> {
  if (rows.length === 0) return [];
  const links = await db
    .selectFrom('event_cities')
    .select(['event_id', 'city', 'role'])
    .where(
      'event_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('event_id')
    .orderBy('position')
    .execute();
  return rows.map((row) => eventFromRow(row, links.filter((l) => l.event_id === row.id)));
}

/** One event by id, or null. */
export async function getEvent(db: Kysely<Database>, id: string): Promise<EventRecord | null> {
  const row = await db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? ((await withCities(db, [row]))[0] ?? null) : null;
}

/**
 * Events in order of their earliest possible instant (then id), one page at a time. A city listing is the
 * union of two index ranges — the city's links, and alliance-wide events since its membership — each cut
 * to the page size before they are merged.
 */
export async function listEvents(db: Kysely<Database>, filter: EventFilter): Promise<EventPage> {
  const take = filter.limit + 1;
  // An event overlapping `from` starts at most max(span) before it, so the start index can be bounded.
  const lowest =
    filter.from === undefined
      ? undefined
      : filter.from - ((await db.selectFrom('events').select((eb) => eb.fn.max('span').as('span')).executeTakeFirst())?.span ?? 0);

  const window = <QB extends SelectQueryBuilder<Database, 'events', object>>(qb: QB, keyColumn: string, idColumn: string): QB => {
    let q = qb;
    if (lowest !== undefined) q = q.where(sql.ref(keyColumn), '>=', lowest) as QB;
    if (filter.from !== undefined) q = q.where('events.end_key', '>=', filter.from) as QB;
    if (filter.to !== undefined) q = q.where(sql.ref(keyColumn), '<=', filter.to) as QB;
    if (filter.kinds?.length) q = q.where('events.kind', 'in', filter.kinds) as QB;
    if (filter.after) {
      const { key, id } = filter.after;
      q = q.where(sql<boolean>`(${sql.ref(keyColumn)}, ${sql.ref(idColumn)}) > (${key}, ${id})`) as QB;
    }
    return q.orderBy(sql.ref(keyColumn)).orderBy(sql.ref(idColumn)).limit(take) as QB;
  };

  let rows: EventRow[];
  if (!filter.city) {
    rows = await window(db.selectFrom('events').selectAll('events'), 'events.start_key', 'events.id').execute();
  } else {
    const { city, memberSinceKey } = filter.city;
    const linked = window(
      db
        .selectFrom('events')
        .innerJoin('event_cities', 'event_cities.event_id', 'events.id')
        .select(['events.id as id', 'events.start_key as start_key'])
        .where('event_cities.city', '=', city.slug),
      'event_cities.start_key',
      'event_cities.event_id',
    );
    let ids = db.selectFrom(linked.as('linked')).selectAll();
    if (memberSinceKey !== null) {
      // A member's listing holds the alliance-wide events from its membership on (literal 1: partial index).
      const allianceWide = window(
        db
          .selectFrom('events')
          .select(['events.id as id', 'events.start_key as start_key'])
          .where('events.alliance_wide', '=', sql.lit(1))
          .where('events.start_key', '>=', memberSinceKey),
        'events.start_key',
        'events.id',
      );
      ids = ids.union(db.selectFrom(allianceWide.as('alliance')).selectAll());
    }
    rows = await db
      .selectFrom(ids.as('page'))
      .innerJoin('events', 'events.id', 'page.id')
      .selectAll('events')
      .orderBy('events.start_key')
      .orderBy('events.id')
      .limit(take)
      .execute();
  }

  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    items: await withCities(db, page),
    next: rows.length > filter.limit && last ? { key: last.start_key, id: last.id } : null,
  };
}

/** Statements that add an event and its city links unless the id exists (seeds never overwrite edits). */
export function insertEventStatements(db: Kysely<Database>, event: EventRecord): Compilable[] {
  const span = eventSpan(event.start, event.end, event.timeZone);
  const links = [
    ...event.cities.map((city) => ({ city, role: 'venue' as const })),
    ...event.participants.map((city) => ({ city, role: 'participant' as const })),
  ];
  return [
    db
      .insertInto('events')
      .values({
        id: event.id,
        kind: event.kind,
        status: event.status,
        alliance_wide: event.allianceWide ? 1 : 0,
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
        source_file: event.source?.file ?? null,
        source_quote: event.source?.quote ?? null,
        source_note: event.source?.note ?? null,
        created_at: event.created,
        updated_at: event.updated,
        cancelled_at: event.cancelledAt,
      })
      .onConflict((oc) => oc.doNothing()),
    ...links.map((link, position) =>
      db
        .insertInto('event_cities')
        .values({ event_id: event.id, ...link, position, start_key: span.start, end_key: span.end })
        .onConflict((oc) => oc.doNothing()),
    ),
  ];
}
