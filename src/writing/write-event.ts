/**
 * @module write-event
 * The one way an event is written, whoever writes it (the JSON API, the editor): the record resolved from a
 * valid input, then one atomic batch with the event, its city and listing rows, its VEVENT fragments in every
 * language (rendered now, so that no read renders them), the catalogue entries its sources add, a history row
 * and the data version. A write that lost a race to another (same revision) rolls back whole. What a city editor
 * may not write directly (writing/accounts.ts mayEdit) is stored as a proposal instead, out of every public
 * output until the secretariat decides it (writing/proposals.ts). Expected failures come back as values; callers
 * translate them.
 */

import type { Compilable } from 'kysely';
import { canonicalJson } from '../core/canonical-json.js';
import type { Account, EventRecord, SourceEntry } from '../core/model.js';
import { fail, ok, type Result } from '../core/result.js';
import type { DocumentDeps } from '../documents/deps.js';
import type { DocumentCache } from '../documents/document-cache.js';
import { writtenFragmentStatements } from '../documents/fragments.js';
import { referenceData } from '../documents/reference-data.js';
import { bumpDataVersion } from '../storage/data-version.js';
import { deleteEventStatements, eventWriteStatements, getEvent } from '../storage/events-repository.js';
import { storageFailure } from '../storage/failures.js';
import { type Change, isLostRace, purgeHistoryStatements, purgeOf } from '../storage/history-repository.js';
import { insertProposalsStatement, openProposal, type ProposalAction, type StoredProposal } from '../storage/proposals-repository.js';
import { forgetDocumentsStatement } from '../storage/renderings-repository.js';
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
  /** The event was purged. */
  | { readonly code: 'gone'; readonly field: 'id'; readonly message: string }
  /** Another write changed the event between reading and storing it (`stale`: since a proposal was made). */
  | { readonly code: 'precondition_failed'; readonly message: string; readonly stale?: true }
  /** The account's role may never take this action. */
  | { readonly code: 'forbidden'; readonly message: string };

export interface Written {
  readonly event: EventRecord;
  /** False when the input changed nothing: no new revision, no history row. */
  readonly changed: boolean;
}

/** A write stored as a proposal for the secretariat, nothing public changed. */
export interface Proposed {
  readonly proposal: StoredProposal;
}

/** How an approval applies a proposal: as whom it is recorded, the new event's id, what else the batch holds. */
export interface ApplyOptions {
  readonly actor?: string;
  readonly id?: string;
  readonly also?: readonly Compilable[];
}

const now = (ctx: WriteContext) => new Date(ctx.deps.clock()).toISOString();

/** A new id: the deps' (tests pass one) or a random UUID. */
export const newIdOf = (ctx: WriteContext) => (ctx.deps.newId ?? (() => crypto.randomUUID()))();

/** The stored event with `id`; `gone` when it was purged. */
export async function findEvent(ctx: WriteContext, id: string): Promise<Result<EventRecord, WriteError>> {
  const event = await getEvent(ctx.deps.store.db, id);
  if (event) return ok(event);
  const purged = await purgeOf(ctx.deps.store.db, id);
  if (purged) return fail({ code: 'gone', field: 'id', message: `the event "${id}" was removed for good on ${purged.at.slice(0, 10)}` });
  return fail({ code: 'not_found', field: 'id', message: `no event with id "${id}"` });
}

/** Whether the account writes this directly; otherwise the write becomes a proposal. */
const direct = (account: Account, ...events: EventRecord[]) => events.every((event) => mayEdit(account, event));

/** Stores a write the account may not make directly as an open proposal. */
async function propose(
  ctx: WriteContext,
  account: Account,
  proposal: { action: ProposalAction; before: EventRecord | null; input: EventInput | null; reason?: string | null },
): Promise<Result<Proposed, WriteError>> {
  const stored = openProposal({
    id: newIdOf(ctx),
    action: proposal.action,
    eventId: proposal.before?.id ?? null,
    baseRevision: proposal.before?.revision ?? null,
    input: proposal.input,
    reason: proposal.reason ?? null,
    proposerId: account.id,
    proposer: account.label,
    created: now(ctx),
  });
  const committed = await commit(ctx, [insertProposalsStatement(ctx.deps.store.db, [stored])]);
  return committed.ok ? ok({ proposal: stored }) : committed;
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
  action: Change['action'],
  actor: string,
  addedSources: readonly SourceEntry[],
  also: readonly Compilable[],
): Promise<Result<Written, WriteError>> {
  const { db } = ctx.deps.store;
  const committed = await commit(ctx, [
    ...eventWriteStatements(db, [{ before, after, action }], { actor }),
    ...(await renderedWith(ctx, after, addedSources)),
    ...also,
    bumpDataVersion(db, after.updated),
  ]);
  return committed.ok ? ok({ event: after, changed: true }) : committed;
}

/** Creates an event from a valid input, as revision 1 (or proposes it). */
export async function createEvent(
  ctx: WriteContext,
  input: EventInput,
  account: Account,
  options: ApplyOptions = {},
): Promise<Result<Written | Proposed, WriteError>> {
  const at = now(ctx);
  const id = options.id ?? newIdOf(ctx);
  const resolved = await recordFromInput(
    await referenceData(ctx.deps, ctx.cache),
    input,
    { id, revision: 1, created: at, status: 'confirmed', cancelledAt: null },
    at,
  );
  if (!resolved.ok) return resolved;
  const { record: event, addedSources } = resolved.value;
  if (!direct(account, event)) return propose(ctx, account, { action: 'create', before: null, input });
  const { db } = ctx.deps.store;
  const actor = options.actor ?? account.label;
  const committed = await commit(ctx, [
    ...eventWriteStatements(db, [{ before: null, after: event }], { actor }),
    ...(await renderedWith(ctx, event, addedSources)),
    ...(options.also ?? []),
    bumpDataVersion(db, at),
  ]);
  return committed.ok ? ok({ event, changed: true }) : committed;
}

/** Whether two versions of an event say the same (revision and dates aside). */
export function sameEvent(a: EventRecord, b: EventRecord): boolean {
  return canonicalJson({ ...inputOf(a), status: a.status }) === canonicalJson({ ...inputOf(b), status: b.status });
}

/**
 * Replaces the event `before` (as read by the caller, who checked the revision it expected) with a valid
 * input, as the next revision (or proposes it); an input that changes nothing stores nothing.
 */
export async function changeEvent(
  ctx: WriteContext,
  before: EventRecord,
  input: EventInput,
  account: Account,
  options: ApplyOptions = {},
): Promise<Result<Written | Proposed, WriteError>> {
  const resolved = await recordFromInput(
    await referenceData(ctx.deps, ctx.cache),
    input,
    { ...before, revision: before.revision + 1 },
    now(ctx),
  );
  if (!resolved.ok) return resolved;
  const { record: after, addedSources } = resolved.value;
  if (sameEvent(before, after)) return ok({ event: before, changed: false });
  if (!direct(account, before, after)) return propose(ctx, account, { action: 'change', before, input });
  // A reinstated event no longer gives a reason for a cancellation: recordFromInput keeps one only while cancelled.
  const action = before.status === 'cancelled' && after.status !== 'cancelled' ? 'reinstated' : 'changed';
  return storeChange(ctx, before, after, action, options.actor ?? account.label, addedSources, options.also ?? []);
}

/**
 * Cancels the event `before` (kept and shown as cancelled, with the reason given) or proposes it; an event
 * already cancelled stays as it is.
 */
export async function cancelEvent(
  ctx: WriteContext,
  before: EventRecord,
  account: Account,
  reason: string | null = null,
  options: ApplyOptions = {},
): Promise<Result<Written | Proposed, WriteError>> {
  const why = reason?.trim() || null;
  if (before.status === 'cancelled') return ok({ event: before, changed: false });
  if (!direct(account, before)) return propose(ctx, account, { action: 'cancel', before, input: null, reason: why });
  const at = now(ctx);
  const after: EventRecord = {
    ...before,
    status: 'cancelled',
    cancelledAt: at,
    ...(why !== null && { cancelReason: why }),
    revision: before.revision + 1,
    updated: at,
  };
  return storeChange(ctx, before, after, 'cancelled', options.actor ?? account.label, [], options.also ?? []);
}

/**
 * Removes an event for good (secretariat only): it leaves every output and every stored rendering; its history
 * keeps that it was purged, by whom and when, and nothing of its content.
 */
export async function purgeEvent(ctx: WriteContext, before: EventRecord, account: Account): Promise<Result<null, WriteError>> {
  if (account.role !== 'secretariat') return fail({ code: 'forbidden', message: 'only the secretariat purges events' });
  const { db } = ctx.deps.store;
  const at = now(ctx);
  return commit(ctx, [
    ...deleteEventStatements(db, before.id),
    ...purgeHistoryStatements(db, { eventId: before.id, revision: before.revision + 1, actor: account.label, at }),
    forgetDocumentsStatement(db),
    bumpDataVersion(db, at),
  ]);
}
