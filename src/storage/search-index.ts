/**
 * @module search-index
 * What the search index (FTS5 table `event_search`, migration 0014) holds for an event, and the statements
 * that keep it in step: the event writer (events-repository.ts) adds them to every write's batch.
 */
import { type Compilable, type Kysely, sql } from 'kysely';
import { words } from '../core/i18n/catalogue.js';
import { type EventKind, type EventRecord, LANGS } from '../core/model.js';
import { searchIndexText } from '../core/text/search-text.js';
import type { Database } from './schema.js';

/** Raised whenever what the index holds for an event changes (the fields or their normalisation): a rebuild follows. */
export const SEARCH_INDEX_VERSION = 2;

/**
 * What the index holds for an event: its titles, descriptions and place (de, en, zh; then the place), then its
 * kind's names in the three languages (people search "全体大会" or "Plenum" for a plenary whose title says
 * "全体会议"), normalised.
 */
export function searchBody(texts: ReadonlyArray<string | null | undefined>): string {
  return searchIndexText(texts.filter(Boolean).join('\n'));
}

/** The names of a kind in the three languages. */
export const kindNames = (kind: EventKind): string[] => LANGS.map((lang) => words(lang).kinds[kind]);

/** An event's searchable texts, in the order searchBody takes them. */
const eventTexts = (e: EventRecord) => [
  e.title.de,
  e.title.en,
  e.title.zh,
  e.description.de,
  e.description.en,
  e.description.zh,
  e.location,
  ...kindNames(e.kind),
];

/** The statement that inserts index rows (`{id, body}`) in one set. */
export function searchRowsInsert(db: Kysely<Database>, rows: ReadonlyArray<{ id: string; body: string }>): Compilable {
  const statement = sql`INSERT INTO event_search (event_id, body)
    SELECT json_extract(value, '$.id'), json_extract(value, '$.body') FROM json_each(${JSON.stringify(rows)})`;
  return { compile: () => statement.compile(db) };
}

/** Statements that put events' index rows in place of their old ones. */
export function searchIndexStatements(db: Kysely<Database>, events: readonly EventRecord[]): Compilable[] {
  const ids = JSON.stringify(events.map((e) => e.id));
  const remove = sql`DELETE FROM event_search WHERE event_id IN (SELECT value FROM json_each(${ids}))`;
  return [
    { compile: () => remove.compile(db) },
    searchRowsInsert(
      db,
      events.map((e) => ({ id: e.id, body: searchBody(eventTexts(e)) })),
    ),
  ];
}
