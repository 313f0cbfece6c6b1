/**
 * @module history-repository
 * The change history of events: one row per revision, written in the same batch as the change.
 */
import type { Compilable, Kysely, Selectable } from 'kysely';
import type { EventRecord } from '../core/model.js';
import { recordFromHistory } from './rows.js';
import type { Database, EventHistoryTable } from './schema.js';

export type ChangeAction = EventHistoryTable['action'];

/** A recorded change of an event's content. */
export interface Change {
  readonly seq: number;
  readonly eventId: string;
  readonly revision: number;
  readonly action: Exclude<ChangeAction, 'purged'>;
  readonly actor: string;
  readonly at: string;
  readonly before: EventRecord | null;
  readonly after: EventRecord;
}

/** A purge: the event is gone, and the history keeps only that, when and by whom. */
export interface Removal {
  readonly seq: number;
  readonly eventId: string;
  readonly revision: number;
  readonly action: 'purged';
  readonly actor: string;
  readonly at: string;
}

/** Changes recorded after an instant (ISO), oldest first, at most `limit`; `afterSeq` pages on. */
export async function listChanges(db: Kysely<Database>, since: string, limit: number, afterSeq = 0): Promise<Array<Change | Removal>> {
  const rows = await db
    .selectFrom('event_history')
    .selectAll()
    .where('at', '>', since)
    .where('seq', '>', afterSeq)
    // In the order they were recorded; `afterSeq` (the cursor) pages on in the same order.
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.flatMap(toRecorded);
}

/** A history row as a change or a removal; none for the emptied rows of a purged event. */
function toRecorded(r: Selectable<EventHistoryTable>): Array<Change | Removal> {
  if (r.action === 'purged') return [{ seq: r.seq, eventId: r.event_id, revision: r.revision, action: 'purged', actor: r.actor, at: r.at }];
  return toChange(r);
}

/** A history row as a change; none when its `after` is not an event (an emptied row of a purged event). */
function toChange(r: Selectable<EventHistoryTable>): Change[] {
  if (r.action === 'purged') return [];
  const after = recordFromHistory(r.after);
  if (!after) return [];
  const before = r.before === null ? null : recordFromHistory(r.before);
  return [{ seq: r.seq, eventId: r.event_id, revision: r.revision, action: r.action, actor: r.actor, at: r.at, before, after }];
}

/** What a purged event's history rows keep in place of its content. */
const PURGED = JSON.stringify({ purged: true });

/**
 * Statements that empty an event's history of its content and record the purge (who and when) as its last
 * revision; the purged event's proposals lose their content too, and open ones are closed.
 */
export function purgeHistoryStatements(
  db: Kysely<Database>,
  purge: { eventId: string; revision: number; actor: string; at: string },
): Compilable[] {
  return [
    db.updateTable('event_history').set({ before: null, after: PURGED }).where('event_id', '=', purge.eventId),
    db.insertInto('event_history').values({
      event_id: purge.eventId,
      revision: purge.revision,
      action: 'purged',
      actor: purge.actor,
      at: purge.at,
      before: null,
      after: PURGED,
    }),
    db
      .updateTable('proposals')
      .set({ status: 'rejected', decided_by: purge.actor, decided_at: purge.at })
      .where('event_id', '=', purge.eventId)
      .where('status', '=', 'open'),
    db.updateTable('proposals').set({ input: null, reason: null }).where('event_id', '=', purge.eventId),
  ];
}

/** When and by whom an event was purged, or null when it was not. */
export async function purgeOf(db: Kysely<Database>, eventId: string): Promise<{ at: string; actor: string } | null> {
  const row = await db
    .selectFrom('event_history')
    .select(['at', 'actor'])
    .where('event_id', '=', eventId)
    .where('action', '=', 'purged')
    .executeTakeFirst();
  return row ?? null;
}

/** Whether an error is the history's uniqueness failing: another write took this revision first. */
export function isLostRace(error: unknown): boolean {
  return (
    error instanceof Error &&
    /UNIQUE constraint failed: event_history\./.test(`${error.message} ${String((error as { cause?: unknown }).cause ?? '')}`)
  );
}

/** The latest changes, newest first. */
export async function listRecentChanges(db: Kysely<Database>, limit: number): Promise<Array<Change | Removal>> {
  const rows = await db.selectFrom('event_history').selectAll().orderBy('seq', 'desc').limit(limit).execute();
  return rows.flatMap(toRecorded);
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
