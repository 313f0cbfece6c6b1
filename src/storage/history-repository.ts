/**
 * @module history-repository
 * The change history of events: one row per revision, written in the same batch as the change.
 */
import type { Compilable, Kysely, Selectable } from 'kysely';
import type { EventRecord } from '../core/model.js';
import { recordFromHistory } from './rows.js';
import type { Database, EventHistoryTable } from './schema.js';

export type ChangeAction = EventHistoryTable['action'];

export interface Change {
  readonly seq: number;
  readonly eventId: string;
  readonly revision: number;
  readonly action: ChangeAction;
  readonly actor: string;
  readonly at: string;
  readonly before: EventRecord | null;
  readonly after: EventRecord;
}

/** The statement recording a change; it fails when the revision was recorded already (a lost race). */
export function recordChange(db: Kysely<Database>, change: Omit<Change, 'seq'>): Compilable {
  return db.insertInto('event_history').values({
    event_id: change.eventId,
    revision: change.revision,
    action: change.action,
    actor: change.actor,
    at: change.at,
    before: change.before === null ? null : JSON.stringify(change.before),
    after: JSON.stringify(change.after),
  });
}

/** Changes recorded after an instant (ISO), oldest first, at most `limit`; `afterSeq` pages on. */
export async function listChanges(db: Kysely<Database>, since: string, limit: number, afterSeq = 0): Promise<Change[]> {
  const rows = await db
    .selectFrom('event_history')
    .selectAll()
    .where('at', '>', since)
    .where('seq', '>', afterSeq)
    // In the order they were recorded; `afterSeq` (the cursor) pages on in the same order.
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.flatMap(toChange);
}

/** A history row as a change; none when its `after` is not an event (a row no version writes). */
function toChange(r: Selectable<EventHistoryTable>): Change[] {
  const after = recordFromHistory(r.after);
  if (!after) return [];
  const before = r.before === null ? null : recordFromHistory(r.before);
  return [{ seq: r.seq, eventId: r.event_id, revision: r.revision, action: r.action, actor: r.actor, at: r.at, before, after }];
}

/** Whether an error is the history's uniqueness failing: another write took this revision first. */
export function isLostRace(error: unknown): boolean {
  return (
    error instanceof Error &&
    /UNIQUE constraint failed: event_history\./.test(`${error.message} ${String((error as { cause?: unknown }).cause ?? '')}`)
  );
}

/** The latest changes, newest first. */
export async function listRecentChanges(db: Kysely<Database>, limit: number): Promise<Change[]> {
  const rows = await db.selectFrom('event_history').selectAll().orderBy('seq', 'desc').limit(limit).execute();
  return rows.flatMap(toChange);
}

/** The changes of one event after a revision, oldest first. */
export async function listEventChanges(db: Kysely<Database>, eventId: string, afterRevision = 0): Promise<Change[]> {
  const rows = await db
    .selectFrom('event_history')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('revision', '>', afterRevision)
    .orderBy('revision')
    .execute();
  return rows.flatMap(toChange);
}
