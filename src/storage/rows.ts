/**
 * @module rows
 * Row ⇄ domain mapping: 0/1 → boolean, per-language columns → LocalizedText, literal + fold → WallTime.
 */

import type { Selectable } from 'kysely';
import type {
  Citation,
  City,
  EventKind,
  EventRecord,
  EventStatus,
  LocalizedText,
  Membership,
  Precision,
  SourceEntry,
  WallTime,
} from '../core/model.js';
import type { CityRow, EventRow, MembershipsTable, SourcesTable } from './schema.js';

function text(de: string | null, en: string | null, zh: string | null): LocalizedText {
  const out: { de?: string; en?: string; zh?: string } = {};
  if (de !== null) out.de = de;
  if (en !== null) out.en = en;
  if (zh !== null) out.zh = zh;
  return out;
}

function wallTime(value: string | null, fold: number): WallTime | null {
  return value === null ? null : { value, fold: fold === 1 ? 1 : 0 };
}

/** A city row, its alias spellings and its periods as a City. */
export function cityFromRow(row: CityRow, aliases: readonly string[], memberships: readonly Membership[]): City {
  return {
    slug: row.slug,
    name: { de: row.name_de, en: row.name_en, zh: row.name_zh },
    nameZhUncertain: row.name_zh_uncertain === 1,
    aliases,
    country: row.country,
    subdivision: row.subdivision,
    timeZone: row.time_zone,
    memberships,
    parent: row.parent,
    note: row.note,
    revision: row.revision,
  };
}

/** A membership row as a period. */
export function membershipFromRow(row: Selectable<MembershipsTable>): Membership {
  return {
    status: row.status,
    from: row.from_value,
    ...(row.to_value !== null && { to: row.to_value }),
    ...(row.end_reason !== null && { endReason: row.end_reason }),
    ...(row.admitted_at !== null && { admittedAt: row.admitted_at }),
    sources: citationsFromJson(row.sources),
  };
}

/** The cities of the links with a role, in the links' order. */
function citiesOf(links: ReadonlyArray<{ city: string; role: string }>, role: string): string[] {
  const cities: string[] = [];
  for (const link of links) if (link.role === role) cities.push(link.city);
  return cities;
}

/** An event row and its city links (in stored order) as an EventRecord. */
export function eventFromRow(
  row: Omit<EventRow, 'span' | 'end_key' | 'alliance_wide'>,
  links: ReadonlyArray<{ city: string; role: string }>,
): EventRecord {
  return {
    id: row.id,
    kind: row.kind as EventKind,
    status: row.status as EventStatus,
    audience: row.audience,
    related: row.related === 1,
    revision: row.revision,
    title: text(row.title_de, row.title_en, row.title_zh),
    description: text(row.description_de, row.description_en, row.description_zh),
    cities: citiesOf(links, 'venue'),
    participants: citiesOf(links, 'participant'),
    timeZone: row.time_zone,
    precision: row.precision as Precision,
    start: wallTime(row.start_value, row.start_fold),
    end: wallTime(row.end_value, row.end_fold),
    location: row.location,
    url: row.url,
    sources: citationsFromJson(row.sources),
    created: row.created_at,
    updated: row.updated_at,
    cancelledAt: row.cancelled_at,
    ...(row.cancel_reason !== null && { cancelReason: row.cancel_reason }),
  };
}

/** The citations of an event row; a malformed value (which no write produces) reads as none. */
export function citationsFromJson(json: string): Citation[] {
  // Most events cite their sources; a listing of generated or imported ones may cite none.
  if (json === '[]') return [];
  try {
    const parsed: unknown = JSON.parse(json);
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((c: unknown) => {
      if (typeof c !== 'object' || c === null || typeof (c as { ref?: unknown }).ref !== 'string') return [];
      const { ref, note } = c as { ref: string; note?: unknown };
      return [{ ref, ...(typeof note === 'string' && note !== '' && { note }) }];
    });
  } catch {
    return [];
  }
}

/** A source catalogue row as an entry. */
export function sourceFromRow(row: Omit<Selectable<SourcesTable>, 'revision'>): SourceEntry {
  return { id: row.id, title: row.title, publisher: row.publisher, date: row.date, url: row.url, file: row.file, note: row.note };
}

/**
 * An event record as a history row keeps it (JSON written by this or an older version, whose records lacked
 * fields added since), with those fields filled in; null when the JSON is not an event at all.
 */
export function recordFromHistory(json: string): EventRecord | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const r = value as Partial<Record<keyof EventRecord, unknown>>;
  if (typeof r.id !== 'string' || typeof r.timeZone !== 'string') return null;
  const text = (v: unknown): LocalizedText => (typeof v === 'object' && v !== null ? (v as LocalizedText) : {});
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const time = (v: unknown): WallTime | null =>
    typeof v === 'object' && v !== null && typeof (v as WallTime).value === 'string'
      ? { value: (v as WallTime).value, fold: (v as WallTime).fold === 1 ? 1 : 0 }
      : null;
  const start = time(r.start);
  const end = time(r.end);
  const str = (v: unknown, fallback: string): string => (typeof v === 'string' ? v : fallback);
  return {
    id: r.id,
    kind: str(r.kind, 'other') as EventKind,
    status: str(r.status, 'confirmed') as EventStatus,
    audience:
      r.audience === 'all' || r.audience === 'DE' || r.audience === 'CN'
        ? r.audience
        : (r as { allianceWide?: unknown }).allianceWide === true
          ? 'all'
          : null,
    related: r.related === true,
    revision: typeof r.revision === 'number' ? r.revision : 1,
    title: text(r.title),
    description: text(r.description),
    cities: list(r.cities),
    participants: list(r.participants),
    timeZone: r.timeZone,
    precision: str(r.precision, 'day') as Precision,
    start,
    end,
    location: typeof r.location === 'string' ? r.location : null,
    url: typeof r.url === 'string' ? r.url : null,
    sources: Array.isArray(r.sources) ? citationsFromJson(JSON.stringify(r.sources)) : [],
    created: str(r.created, ''),
    updated: str(r.updated, ''),
    cancelledAt: typeof r.cancelledAt === 'string' ? r.cancelledAt : null,
  };
}
