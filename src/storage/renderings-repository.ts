/**
 * @module renderings-repository
 * What the renderers wrote, stored: each event's pieces per language (fragments) and whole documents per
 * content encoding (documents), so they are rendered once per change and not again after a restart. Functions
 * take the database first.
 */
import { type Compilable, type Kysely, sql } from 'kysely';
import { concatBytes } from '../core/bytes.js';
import type { Lang } from '../core/model.js';
import type { Database, DocumentsTable } from './schema.js';

/** A rendered piece of one event in one language, as stored. */
export interface StoredFragment {
  readonly eventId: string;
  readonly lang: Lang;
  readonly revision: number;
  /** What else the bytes show (render version, reference version, settings). */
  readonly stamp: string;
  readonly tzid: string | null;
  readonly bytes: Uint8Array<ArrayBuffer>;
}

/** D1 binds at most 100 parameters: 7 columns, 14 rows per statement. */
const FRAGMENT_ROWS_PER_STATEMENT = 14;

/** Statements storing VEVENT fragments, replacing what an event had in that language. */
export function storeFragmentStatements(db: Kysely<Database>, fragments: readonly StoredFragment[]): Compilable[] {
  const statements: Compilable[] = [];
  for (let i = 0; i < fragments.length; i += FRAGMENT_ROWS_PER_STATEMENT) {
    const rows = fragments.slice(i, i + FRAGMENT_ROWS_PER_STATEMENT).map((f) => ({
      event_id: f.eventId,
      kind: 'vevent' as const,
      lang: f.lang,
      revision: f.revision,
      stamp: f.stamp,
      tzid: f.tzid,
      bytes: f.bytes,
    }));
    statements.push(
      db
        .insertInto('fragments')
        .values(rows)
        .onConflict((oc) =>
          oc.columns(['event_id', 'kind', 'lang']).doUpdateSet({
            revision: (eb) => eb.ref('excluded.revision'),
            stamp: (eb) => eb.ref('excluded.stamp'),
            tzid: (eb) => eb.ref('excluded.tzid'),
            bytes: (eb) => eb.ref('excluded.bytes'),
          }),
        ),
    );
  }
  return statements;
}

/** The stored VEVENT of an event in a language, of whatever revision and stamp, or null. */
export async function readFragment(db: Kysely<Database>, eventId: string, lang: Lang): Promise<StoredFragment | null> {
  const row = await db
    .selectFrom('fragments')
    .select(['revision', 'stamp', 'tzid', 'bytes'])
    .where('event_id', '=', eventId)
    .where('kind', '=', 'vevent')
    .where('lang', '=', lang)
    .executeTakeFirst();
  return row ? { eventId, lang, revision: row.revision, stamp: row.stamp, tzid: row.tzid, bytes: asBytes(row.bytes) } : null;
}

/** A BLOB as read: better-sqlite3 gives a Buffer (a Uint8Array), D1 an ArrayBuffer or an array of numbers. */
export function asBytes(value: Uint8Array | ArrayBuffer | readonly number[]): Uint8Array<ArrayBuffer> {
  return (value instanceof Uint8Array ? value : new Uint8Array(value as ArrayBuffer)) as Uint8Array<ArrayBuffer>;
}

/**
 * Ids of calendar entries (day or minute precision) whose VEVENT in `lang` is missing, of an older revision or
 * of another stamp, at most `limit`.
 */
export async function staleFragmentIds(db: Kysely<Database>, lang: Lang, stamp: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('events')
    .leftJoin('fragments', (join) =>
      join.onRef('fragments.event_id', '=', 'events.id').on('fragments.kind', '=', sql.lit('vevent')).on('fragments.lang', '=', lang),
    )
    .select('events.id')
    .where('events.precision', 'in', [sql.lit('day'), sql.lit('minute')])
    .where('events.start_value', 'is not', null)
    .where((eb) =>
      eb.or([
        eb('fragments.event_id', 'is', null),
        eb('fragments.revision', '!=', eb.ref('events.revision')),
        eb('fragments.stamp', '!=', stamp),
      ]),
    )
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export type Encoding = DocumentsTable['encoding'];

/** A whole document as stored: its bodies by encoding, with what it was built from and its validators. */
export interface StoredDocument {
  readonly stamp: string;
  readonly etag: string;
  readonly lastModified: string;
  readonly bodies: ReadonlyMap<Encoding, Uint8Array<ArrayBuffer>>;
}

/** D1 stores at most 2 MB in a row; a part is half of that. */
export const DOCUMENT_PART_BYTES = 1_000_000;

/** What is stored of a document besides its bodies (one small row), or null. */
export async function readStoredDocumentHead(
  db: Kysely<Database>,
  key: string,
): Promise<{ readonly stamp: string; readonly etag: string } | null> {
  return (await db.selectFrom('documents').select(['stamp', 'etag']).where('key', '=', key).limit(1).executeTakeFirst()) ?? null;
}

/** The stored document under a key, in the given encodings (all when none are given), or null. */
export async function readStoredDocument(
  db: Kysely<Database>,
  key: string,
  encodings?: readonly Encoding[],
): Promise<StoredDocument | null> {
  const rows = await db
    .selectFrom('documents')
    .select(['encoding', 'part', 'stamp', 'etag', 'last_modified', 'bytes'])
    .where('key', '=', key)
    .$if(encodings !== undefined, (q) => q.where('encoding', 'in', encodings ?? []))
    .orderBy('encoding')
    .orderBy('part')
    .execute();
  const first = rows[0];
  if (!first) return null;
  const parts = new Map<Encoding, Array<Uint8Array<ArrayBuffer>>>();
  for (const row of rows) {
    // Parts of one build only: a document half replaced by a concurrent store reads as none.
    if (row.stamp !== first.stamp || row.etag !== first.etag) return null;
    const list = parts.get(row.encoding) ?? [];
    if (row.part !== list.length) return null;
    list.push(asBytes(row.bytes));
    parts.set(row.encoding, list);
  }
  const bodies = new Map<Encoding, Uint8Array<ArrayBuffer>>();
  for (const [encoding, list] of parts) bodies.set(encoding, list.length === 1 ? (list[0] as Uint8Array<ArrayBuffer>) : concatBytes(list));
  return { stamp: first.stamp, etag: first.etag, lastModified: first.last_modified, bodies };
}

/** Statements replacing the stored document under a key with these bodies, in parts. */
export function storeDocumentStatements(db: Kysely<Database>, key: string, document: StoredDocument): Compilable[] {
  const statements: Compilable[] = [db.deleteFrom('documents').where('key', '=', key)];
  for (const [encoding, body] of document.bodies) {
    for (let part = 0; part * DOCUMENT_PART_BYTES < Math.max(body.byteLength, 1); part++) {
      statements.push(
        db.insertInto('documents').values({
          key,
          encoding,
          part,
          stamp: document.stamp,
          etag: document.etag,
          last_modified: document.lastModified,
          bytes: body.subarray(part * DOCUMENT_PART_BYTES, (part + 1) * DOCUMENT_PART_BYTES),
        }),
      );
    }
  }
  return statements;
}

/** The statement marking a stored document as current for a newer stamp (its bytes did not change). */
export function restampDocumentStatement(db: Kysely<Database>, key: string, etag: string, stamp: string): Compilable {
  return db.updateTable('documents').set({ stamp }).where('key', '=', key).where('etag', '=', etag);
}

/** How many fragments and documents are stored (for tests and benchmarks). */
export async function countRenderings(db: Kysely<Database>): Promise<{ fragments: number; documents: number }> {
  const row = await db
    .selectNoFrom([
      sql<number>`(SELECT count(*) FROM fragments)`.as('fragments'),
      sql<number>`(SELECT count(DISTINCT key) FROM documents)`.as('documents'),
    ])
    .executeTakeFirstOrThrow();
  return row;
}

/** The statement forgetting every stored document (a purge must leave no copy of what it removed). */
export function forgetDocumentsStatement(db: Kysely<Database>): Compilable {
  return db.deleteFrom('documents');
}
