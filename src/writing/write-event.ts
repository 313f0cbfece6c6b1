/**
 * @module write-event
 * The one way an event is written, whoever writes it (the JSON API, the editor): the record resolved from a
 * valid input, then one atomic batch with the event, its city and listing rows, its VEVENT fragments in every
 * language (rendered now, so that no read renders them), the catalogue entries its sources add, a history row
 * and the data version. A write that lost a race to another (same revision) rolls back whole. Expected
 * failures come back as values; callers translate them.
 */

import type { Compilable } from 'kysely';
import type { Account, EventRecord, SourceEntry } from '../core/model.js';
import { fail, ok, type Result } from '../core/result.js';
import type { DocumentDeps } from '../documents/deps.js';
import type { DocumentCache } from '../documents/document-cache.js';
import { writtenFragmentStatements } from '../documents/fragments.js';
import { referenceData } from '../documents/reference-data.js';
import { bumpDataVersion } from '../storage/data-version.js';
import { getEvent, insertEventStatements, updateEventStatements } from '../storage/events-repository.js';
import { storageFailure } from '../storage/failures.js';
import { type ChangeAction, isLostRace, recordChange } from '../storage/history-repository.js';
import { addSourceStatement } from '../storage/sources-repository.js';
import { mayEdit } from './accounts.js';
import { type EventInput, inputOf, recordFromInput, type WriteFailure } from './event-input.js';

export interface WriteContext {
  readonly deps: DocumentDeps & { readonly newId?: () => string };
  readonly cache: DocumentCache;
  /** Told how each commit went: `null` when it went through, the storage failure (a full disk …) when not. */
  readonly onCommit?: (failure: string | null) => void;
}

/** Why a write was not stored. */
export type WriteError =
  | WriteFailure
  | { readonly code: 'not_found'; readonly field: 'id'; readonly message: string }
  /** Another write changed the event between reading and storing it. */
  | { readonly code: 'precondition_failed'; readonly message: string }
  /** The account may not change this event directly (a city editor's event of other cities, or alliance-wide). */
  | { readonly code: 'forbidden'; readonly message: string };

export interface Written {
  readonly event: EventRecord;
  /** False when the input changed nothing: no new revision, no history row. */
  readonly changed: boolean;
}

const now = (ctx: WriteContext) => new Date(ctx.deps.clock()).toISOString();

/** The stored event with `id`. */
export async function findEvent(ctx: WriteContext, id: string): Promise<Result<EventRecord, WriteError>> {
  const event = await getEvent(ctx.deps.store.db, id);
  return event ? ok(event) : fail({ code: 'not_found', field: 'id', message: `no event with id "${id}"` });
}

/** Refuses a change by an account that may not make it directly. */
function permitted(account: Account, ...events: EventRecord[]): Result<null, WriteError> {
  if (events.every((event) => mayEdit(account, event))) return ok(null);
  return fail({
    code: 'forbidden',
    message: 'a city editor changes events in which one of their cities takes place or takes part, and none for the whole alliance',
  });
}

/** Applies a write's statements in one atomic batch; a lost race and a storage failure are reported. */
async function commit(ctx: WriteContext, statements: readonly Compilable[]): Promise<Result<null, WriteError>> {
  try {
    await ctx.deps.store.batch(statements);
    ctx.onCommit?.(null);
    return ok(null);
  } catch (error) {
    if (isLostRace(error))
      return fail({ code: 'precondition_failed', message: 'the event was changed by another write meanwhile; fetch it and try again' });
    const failure = storageFailure(error);
    if (failure) ctx.onCommit?.(failure);
    throw error;
  }
}

/** The statements adding the catalogue entries a write cites and storing its event's fragments in every language. */
async function renderedWith(ctx: WriteContext, event: EventRecord, addedSources: readonly SourceEntry[]): Promise<Compilable[]> {
  const { db } = ctx.deps.store;
  const { sources } = await referenceData(ctx.deps, ctx.cache);
  const catalogue = addedSources.length === 0 ? sources : new Map([...sources, ...addedSources.map((e) => [e.id, e] as const)]);
  return [
    ...addedSources.map((entry) => addSourceStatement(db, entry)),
    ...(await writtenFragmentStatements(ctx.deps, [event], catalogue)),
  ];
}

/** Stores a changed event atomically with its history row, fragments and added catalogue entries. */
async function storeChange(
  ctx: WriteContext,
  before: EventRecord,
  after: EventRecord,
  action: ChangeAction,
  actor: string,
  addedSources: readonly SourceEntry[] = [],
): Promise<Result<Written, WriteError>> {
  const { db } = ctx.deps.store;
  const committed = await commit(ctx, [
    ...updateEventStatements(db, after),
    ...(await renderedWith(ctx, after, addedSources)),
    recordChange(db, { eventId: after.id, revision: after.revision, action, actor, at: after.updated, before, after }),
    bumpDataVersion(db, after.updated),
  ]);
  return committed.ok ? ok({ event: after, changed: true }) : committed;
}

/** Creates an event from a valid input, as revision 1. */
export async function createEvent(ctx: WriteContext, input: EventInput, account: Account): Promise<Result<Written, WriteError>> {
  const at = now(ctx);
  const id = (ctx.deps.newId ?? (() => crypto.randomUUID()))();
  const resolved = await recordFromInput(
    await referenceData(ctx.deps, ctx.cache),
    input,
    { id, revision: 1, created: at, status: 'confirmed', cancelledAt: null },
    at,
  );
  if (!resolved.ok) return resolved;
  const { record: event, addedSources } = resolved.value;
  const allowed = permitted(account, event);
  if (!allowed.ok) return allowed;
  const { db } = ctx.deps.store;
  const actor = account.label;
  const committed = await commit(ctx, [
    ...insertEventStatements(db, event),
    ...(await renderedWith(ctx, event, addedSources)),
    recordChange(db, { eventId: id, revision: 1, action: 'created', actor, at, before: null, after: event }),
    bumpDataVersion(db, at),
  ]);
  return committed.ok ? ok({ event, changed: true }) : committed;
}

/** JSON with object keys sorted, to compare documents whose keys came in different orders. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/**
 * Replaces the event `before` (as read by the caller, who checked the revision it expected) with a valid
 * input, as the next revision; an input that changes nothing stores nothing.
 */
export async function changeEvent(
  ctx: WriteContext,
  before: EventRecord,
  input: EventInput,
  account: Account,
): Promise<Result<Written, WriteError>> {
  const resolved = await recordFromInput(
    await referenceData(ctx.deps, ctx.cache),
    input,
    { ...before, revision: before.revision + 1 },
    now(ctx),
  );
  if (!resolved.ok) return resolved;
  const { record: after, addedSources } = resolved.value;
  if (canonicalJson({ ...inputOf(before), status: before.status }) === canonicalJson({ ...inputOf(after), status: after.status }))
    return ok({ event: before, changed: false });
  const allowed = permitted(account, before, after);
  if (!allowed.ok) return allowed;
  const action = before.status === 'cancelled' && after.status !== 'cancelled' ? 'reinstated' : 'changed';
  return storeChange(ctx, before, after, action, account.label, addedSources);
}

/** Cancels the event `before` (kept and shown as cancelled); an event already cancelled stays as it is. */
export async function cancelEvent(ctx: WriteContext, before: EventRecord, account: Account): Promise<Result<Written, WriteError>> {
  const allowed = permitted(account, before);
  if (!allowed.ok) return allowed;
  if (before.status === 'cancelled') return ok({ event: before, changed: false });
  const at = now(ctx);
  const after: EventRecord = { ...before, status: 'cancelled', cancelledAt: at, revision: before.revision + 1, updated: at };
  return storeChange(ctx, before, after, 'cancelled', account.label);
}
