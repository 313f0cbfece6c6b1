/**
 * @module proposals
 * The secretariat's side of moderation: who may see a proposal, what it would change (the event now and as
 * proposed), and approving it (applied through the one write path, recorded as the proposer's change approved by
 * the secretariat, in the same batch as the decision) or rejecting it with a reason the proposer sees.
 */
import type { Account, EventRecord } from '../core/model.js';
import { fail, ok, type Result } from '../core/result.js';
import { referenceData } from '../documents/reference-data.js';
import { getEvent } from '../storage/events-repository.js';
import { decideProposalStatement, getProposal, listProposals, type StoredProposal } from '../storage/proposals-repository.js';
import { eventInputSchema, recordFromInput } from './event-input.js';
import { cancelEvent, changeEvent, createEvent, type WriteContext, type WriteError, type Written } from './write-event.js';

/** Whether an account may read a proposal: the secretariat and the person who made it. */
const mayRead = (account: Account, proposal: StoredProposal) => account.role === 'secretariat' || account.id === proposal.proposerId;

/** The proposal with `id`, if the account may read it. */
export async function findProposal(ctx: WriteContext, account: Account, id: string): Promise<Result<StoredProposal, WriteError>> {
  const proposal = await getProposal(ctx.deps.store.db, id);
  if (!proposal || !mayRead(account, proposal)) return fail({ code: 'not_found', field: 'id', message: `no proposal with id "${id}"` });
  return ok(proposal);
}

/** The proposals an account sees (all for the secretariat, their own for a city editor), open ones first. */
export function proposalsFor(ctx: WriteContext, account: Account, limit = 200): Promise<StoredProposal[]> {
  return listProposals(ctx.deps.store.db, { limit, ...(account.role !== 'secretariat' && { proposerId: account.id }) });
}

/** A proposal's event as it is now (null for a new one or one that is gone) and as it would be once approved. */
export interface ProposalChange {
  readonly current: EventRecord | null;
  readonly proposed: EventRecord | null;
}

/** What a proposal would change; `proposed` is null when its input no longer resolves (a city renamed …). */
export async function proposalChange(ctx: WriteContext, proposal: StoredProposal): Promise<ProposalChange> {
  const current = proposal.eventId === null ? null : await getEvent(ctx.deps.store.db, proposal.eventId);
  if (proposal.action === 'cancel')
    return { current, proposed: current && { ...current, status: 'cancelled', ...(proposal.reason && { cancelReason: proposal.reason }) } };
  const input = eventInputSchema.safeParse(proposal.input);
  if (!input.success) return { current, proposed: null };
  const base = current ?? { id: proposal.id, revision: 1, created: proposal.created, status: 'confirmed' as const, cancelledAt: null };
  const resolved = await recordFromInput(await referenceData(ctx.deps, ctx.cache), input.data, base, proposal.created);
  return { current, proposed: resolved.ok ? resolved.value.record : null };
}

const onlySecretariat = (account: Account): Result<null, WriteError> =>
  account.role === 'secretariat' ? ok(null) : fail({ code: 'forbidden', message: 'only the secretariat decides proposals' });

/** An open proposal the secretariat may decide, or why not. */
async function decidable(ctx: WriteContext, account: Account, id: string): Promise<Result<StoredProposal, WriteError>> {
  const allowed = onlySecretariat(account);
  if (!allowed.ok) return allowed;
  const found = await findProposal(ctx, account, id);
  if (!found.ok) return found;
  if (found.value.status !== 'open')
    return fail({ code: 'precondition_failed', message: `the proposal was ${found.value.status} already` });
  return found;
}

/**
 * Approves an open proposal: its write, as the proposer's, approved by the account, together with the decision.
 * A proposal about an event that changed since it was made is not applied over that change (412): the
 * secretariat rejects it and the proposer proposes again on the current version.
 */
export async function approveProposal(
  ctx: WriteContext,
  account: Account,
  id: string,
): Promise<Result<{ proposal: StoredProposal; written: Written }, WriteError>> {
  const found = await decidable(ctx, account, id);
  if (!found.ok) return found;
  const proposal = found.value;
  const at = new Date(ctx.deps.clock()).toISOString();
  const { db } = ctx.deps.store;
  const options = {
    actor: `${proposal.proposer} ✓ ${account.label}`,
    also: [decideProposalStatement(db, id, { status: 'approved', by: account.label, at, reason: null, eventId: proposal.eventId ?? id })],
  };
  const input = proposal.action === 'cancel' ? null : eventInputSchema.safeParse(proposal.input);
  if (input && !input.success) return fail({ code: 'invalid_input', field: 'input', message: 'the proposed event is no longer valid' });
  let result: Awaited<ReturnType<typeof createEvent>>;
  if (input && proposal.action === 'create') {
    // The new event takes the proposal's id: a second approval finds it taken and changes nothing.
    result = await createEvent(ctx, input.data, account, { ...options, id });
  } else {
    const current = proposal.eventId === null ? null : await getEvent(db, proposal.eventId);
    if (!current) return fail({ code: 'not_found', field: 'id', message: 'the event of this proposal no longer exists' });
    if (current.revision !== proposal.baseRevision)
      return fail({
        code: 'precondition_failed',
        stale: true,
        message: `the event changed since the proposal (revision ${proposal.baseRevision} then, ${current.revision} now)`,
      });
    result = input
      ? await changeEvent(ctx, current, input.data, account, options)
      : await cancelEvent(ctx, current, account, proposal.reason, options);
  }
  if (!result.ok) return result;
  if (!('event' in result.value)) throw new Error('a secretariat write became a proposal');
  const written = result.value;
  // A proposal that changes nothing stores no revision, so nothing carried the decision: it is stored alone.
  if (!written.changed) await ctx.deps.store.batch(options.also);
  return ok({ proposal: { ...proposal, status: 'approved', decidedBy: account.label, decidedAt: at }, written });
}

/** Rejects an open proposal with a reason (checked by rejectInputSchema) the proposer sees. */
export async function rejectProposal(
  ctx: WriteContext,
  account: Account,
  id: string,
  reason: string,
): Promise<Result<StoredProposal, WriteError>> {
  const why = reason.trim();
  const found = await decidable(ctx, account, id);
  if (!found.ok) return found;
  const at = new Date(ctx.deps.clock()).toISOString();
  await ctx.deps.store.batch([decideProposalStatement(ctx.deps.store.db, id, { status: 'rejected', by: account.label, at, reason: why })]);
  return ok({ ...found.value, status: 'rejected', decidedBy: account.label, decidedAt: at, decisionReason: why });
}
