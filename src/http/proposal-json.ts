/**
 * @module proposal-json
 * A stored proposal as the API answers it, and its address.
 */
import type { ProposalJson } from '../core/api/read-schemas.js';
import type { StoredProposal } from '../storage/proposals-repository.js';

/** The API path of a proposal. */
export const proposalPath = (id: string) => `/api/v1/proposals/${encodeURIComponent(id)}`;

/** A proposal as JSON (core/api/read-schemas.ts proposalSchema). */
export function proposalJson(p: StoredProposal): ProposalJson {
  return {
    id: p.id,
    action: p.action,
    status: p.status,
    event: p.eventId,
    baseRevision: p.baseRevision,
    proposed: (p.input ?? null) as Record<string, unknown> | null,
    reason: p.reason,
    proposer: p.proposer,
    created: p.created,
    decision: p.decidedAt === null ? null : { by: p.decidedBy ?? '', at: p.decidedAt, reason: p.decisionReason },
  };
}
