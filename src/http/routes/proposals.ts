/**
 * @module routes/proposals
 * Proposals for scripts: `GET /api/v1/proposals` (the secretariat's all, a city editor's own),
 * `GET /api/v1/proposals/{id}`, and the secretariat's `POST /api/v1/proposals/{id}/approve` and
 * `POST /api/v1/proposals/{id}/reject` (`{"reason"}`), through writing/proposals.ts.
 */
import { Hono } from 'hono';
import { eventJson } from '../../core/events/event-json.js';
import { revisionEtag } from '../../core/events/identity.js';
import { referenceData } from '../../documents/reference-data.js';
import { rejectInputSchema } from '../../writing/event-input.js';
import { approveProposal, findProposal, proposalsFor, rejectProposal } from '../../writing/proposals.js';
import { authorize } from '../auth.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { proposalJson } from '../proposal-json.js';
import { jsonResponse } from '../responses.js';
import { parseInput } from '../validate.js';
import { writeContextOf } from '../write-context.js';
import { jsonBody, limitBody, writeFailure } from './event-writes.js';

export const proposalsRoutes = new Hono<AppEnv>()
  .get('/api/v1/proposals', async (c) => {
    const account = await authorize(c.get('deps'), c.req.raw, c.env);
    const items = await proposalsFor(writeContextOf(c), account);
    return jsonResponse({ items: items.map(proposalJson) }, { 'Cache-Control': 'no-store' });
  })
  .get('/api/v1/proposals/:id', async (c) => {
    const account = await authorize(c.get('deps'), c.req.raw, c.env);
    const found = await findProposal(writeContextOf(c), account, c.req.param('id'));
    if (!found.ok) throw new ApiError('not_found', found.error.message, 'id');
    return jsonResponse(proposalJson(found.value), { 'Cache-Control': 'no-store' });
  })
  .post('/api/v1/proposals/:id/approve', async (c) => {
    const deps = c.get('deps');
    const account = await authorize(deps, c.req.raw, c.env);
    const result = await approveProposal(writeContextOf(c), account, c.req.param('id'));
    if (!result.ok) writeFailure(result.error);
    const { event } = result.value.written;
    const { sources, citiesBySlug } = await referenceData(deps, c.get('cache'));
    return jsonResponse(
      {
        proposal: proposalJson(result.value.proposal),
        event: eventJson(event, { lang: 'de', uidDomain: deps.config.uidDomain, sources, cities: citiesBySlug }),
      },
      { ETag: revisionEtag(event.revision), 'Content-Location': `${deps.config.publicUrl}/api/v1/events/${event.id}` },
    );
  })
  .post('/api/v1/proposals/:id/reject', limitBody, async (c) => {
    const account = await authorize(c.get('deps'), c.req.raw, c.env);
    const { reason } = parseInput(rejectInputSchema, await jsonBody(c.req.raw, ['application/json']), 'body');
    const result = await rejectProposal(writeContextOf(c), account, c.req.param('id'), reason);
    if (!result.ok) writeFailure(result.error);
    return jsonResponse(proposalJson(result.value));
  });
