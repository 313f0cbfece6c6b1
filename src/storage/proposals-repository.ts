/**
 * @module proposals-repository
 * Proposals waiting for the secretariat: what a city editor wrote beyond their cities, kept apart from the
 * events (so no public output sees it) until it is approved or rejected.
 */
import { type Compilable, type Kysely, type Selectable, sql } from 'kysely';
import type { Database, ProposalsTable } from './schema.js';

export type ProposalAction = ProposalsTable['action'];
export type ProposalStatus = Selectable<ProposalsTable>['status'];

/** A proposal as stored; `input` is the proposed event input (JSON, checked again when applied). */
export interface StoredProposal {
  readonly id: string;
  readonly action: ProposalAction;
  readonly eventId: string | null;
  readonly baseRevision: number | null;
  readonly input: unknown;
  readonly reason: string | null;
  readonly proposerId: string;
  readonly proposer: string;
  readonly created: string;
  readonly status: ProposalStatus;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  readonly decisionReason: string | null;
}

function toProposal(row: Selectable<ProposalsTable>): StoredProposal {
  return {
    id: row.id,
    action: row.action,
    eventId: row.event_id,
    baseRevision: row.base_revision,
    input: row.input === null ? null : (JSON.parse(row.input) as unknown),
    reason: row.reason,
    proposerId: row.proposer_id,
    proposer: row.proposer,
    created: row.created_at,
    status: row.status,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    decisionReason: row.decision_reason,
  };
}

/** A new proposal, open and undecided. */
export function openProposal(p: Omit<StoredProposal, 'status' | 'decidedBy' | 'decidedAt' | 'decisionReason'>): StoredProposal {
  return { ...p, status: 'open', decidedBy: null, decidedAt: null, decisionReason: null };
}

/** One statement storing new, open proposals (a write's one, an import's many), whatever their number. */
export function insertProposalsStatement(db: Kysely<Database>, proposals: readonly StoredProposal[]): Compilable {
  const rows = proposals.map((p) => ({
    id: p.id,
    action: p.action,
    event_id: p.eventId,
    base_revision: p.baseRevision,
    input: p.input === null ? null : JSON.stringify(p.input),
    reason: p.reason,
    proposer_id: p.proposerId,
    proposer: p.proposer,
    created_at: p.created,
  }));
  const columns = ['id', 'action', 'event_id', 'base_revision', 'input', 'reason', 'proposer_id', 'proposer', 'created_at'];
  const statement = sql`INSERT INTO proposals (${sql.join(columns.map((c) => sql.ref(c)))})
    SELECT ${sql.join(columns.map((c) => sql`json_extract(value, ${`$.${c}`})`))} FROM json_each(${JSON.stringify(rows)})`;
  return { compile: () => statement.compile(db) };
}

/**
 * The statement deciding an open proposal (nothing when it was decided meanwhile). Applying one twice cannot
 * happen even so: an approved event write takes the next revision (or, for a new event, the proposal's id), which
 * a second approval finds taken, and its batch rolls back.
 */
export function decideProposalStatement(
  db: Kysely<Database>,
  id: string,
  decision: { status: 'approved' | 'rejected'; by: string; at: string; reason: string | null; eventId?: string },
): Compilable {
  return db
    .updateTable('proposals')
    .set({
      status: decision.status,
      decided_by: decision.by,
      decided_at: decision.at,
      decision_reason: decision.reason,
      ...(decision.eventId !== undefined && { event_id: decision.eventId }),
    })
    .where('id', '=', id)
    .where('status', '=', 'open');
}

/** The proposal with `id`. */
export async function getProposal(db: Kysely<Database>, id: string): Promise<StoredProposal | null> {
  const row = await db.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toProposal(row) : null;
}

/** Proposals, open ones first then newest first, at most `limit`; only one proposer's when `proposerId` is given. */
export async function listProposals(db: Kysely<Database>, options: { proposerId?: string; limit: number }): Promise<StoredProposal[]> {
  let query = db.selectFrom('proposals').selectAll();
  if (options.proposerId !== undefined) query = query.where('proposer_id', '=', options.proposerId);
  const rows = await query
    .orderBy((eb) => eb.case().when('status', '=', 'open').then(0).else(1).end())
    .orderBy('created_at', 'desc')
    .limit(options.limit)
    .execute();
  return rows.map(toProposal);
}

/** The open proposals about one event. */
export async function openProposalsOf(db: Kysely<Database>, eventId: string): Promise<StoredProposal[]> {
  const rows = await db
    .selectFrom('proposals')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('status', '=', 'open')
    .orderBy('created_at')
    .execute();
  return rows.map(toProposal);
}
