/**
 * @module routes/event-writes
 * `POST /api/v1/events`, `PATCH /api/v1/events/{id}` (JSON merge patch, RFC 7396, with `If-Match`) and
 * `DELETE /api/v1/events/{id}` (cancels, with an optional `{"reason"}`; erases nothing) and
 * `POST /api/v1/events/{id}/purge` (removes for good), translated to and from the one write path
 * (writing/write-event.ts); a write that lost a race to another answers 412, a write stored as a proposal 202.
 */
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import jsonMergePatch from 'json-merge-patch';
import { eventJson } from '../../core/events/event-json.js';
import { revisionEtag } from '../../core/events/identity.js';
import type { EventRecord } from '../../core/model.js';
import type { Result } from '../../core/result.js';
import { referenceData } from '../../documents/reference-data.js';
import { cancelInputSchema, eventInputSchema, inputOf } from '../../writing/event-input.js';
import {
  cancelEvent,
  changeEvent,
  createEvent,
  findEvent,
  type Proposed,
  purgeEvent,
  type WriteError,
  type Written,
} from '../../writing/write-event.js';
import { authorize } from '../auth.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { proposalJson, proposalPath } from '../proposal-json.js';
import { jsonResponse } from '../responses.js';
import { parseInput } from '../validate.js';
import { writeContextOf } from '../write-context.js';

/** Largest accepted body: a generous event with long descriptions in three languages. */
export const MAX_BODY_BYTES = 64 * 1024;

/** Refuses bodies over MAX_BODY_BYTES with 413. */
export const limitBody = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw new ApiError('payload_too_large', `the body is larger than ${MAX_BODY_BYTES} bytes`, 'body');
  },
});

/** An event is at most three levels deep (event → title → de); a deeper body is not an event or a patch of one. */
const MAX_BODY_DEPTH = 8;

/**
 * Object keys that JSON merge patch libraries refuse to copy (json-merge-patch stops merging at them, silently),
 * and that no event field uses.
 */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Refuses bodies nested deeper than an event can be (json-merge-patch recurses once per level and overflows
 * the stack at a few thousand), and keys a merge would silently drop, naming the field.
 */
function checkShape(value: unknown, path: string[] = []): void {
  if (typeof value !== 'object' || value === null) return;
  if (path.length >= MAX_BODY_DEPTH)
    throw new ApiError('invalid_input', `the body is nested deeper than ${MAX_BODY_DEPTH} levels`, path.join('.'));
  for (const [key, child] of Object.entries(value)) {
    if (RESERVED_KEYS.has(key)) throw new ApiError('invalid_input', `unknown field "${key}"`, [...path, key].join('.'));
    checkShape(child, [...path, key]);
  }
}

/** The JSON body of a write, or 415/400 naming what is wrong. */
export async function jsonBody(request: Request, types: readonly string[]): Promise<unknown> {
  const type = (request.headers.get('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!types.includes(type)) throw new ApiError('unsupported_media_type', `send the body as ${types.join(' or ')}`, 'headers.content-type');
  const text = await request.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError('invalid_input', 'the body is not valid JSON', 'body');
  }
  checkShape(body);
  return body;
}

/** Throws 412 unless an `If-Match` header (RFC 9110 §13.1.1) matches the event's current ETag. */
function requireMatch(header: string, event: EventRecord): void {
  const etag = revisionEtag(event.revision);
  // Strong comparison (RFC 9110 §8.8.3.2): a weak tag W/"r2" never matches.
  if (header.trim() === '*' || header.split(',').some((tag) => tag.trim() === etag)) return;
  throw new ApiError('precondition_failed', `the event is at revision ${event.revision} (ETag ${etag})`, 'headers.if-match');
}

/** A write's failure as the error envelope. */
export function writeFailure(error: WriteError): never {
  if (error.code === 'precondition_failed') throw new ApiError(error.code, error.message, 'headers.if-match');
  if (error.code === 'forbidden') throw new ApiError(error.code, error.message, 'headers.authorization');
  // A city named in the body is a 400 there, not a 404 of the URL.
  throw new ApiError(error.code, error.message, error.field, error.code === 'unknown_city' ? 400 : undefined);
}

/** A write's result as the event's response (202 and the proposal for a proposed one), or its failure as the error envelope. */
async function answer(
  c: Context<AppEnv>,
  result: Result<Written | Proposed, WriteError>,
  /** A new event: 201 with its Location. */
  created = false,
) {
  if (!result.ok) writeFailure(result.error);
  const deps = c.get('deps');
  if ('proposal' in result.value) {
    const { proposal } = result.value;
    return jsonResponse(proposalJson(proposal), { Location: `${deps.config.publicUrl}${proposalPath(proposal.id)}` }, 202);
  }
  const { event } = result.value;
  const { sources, citiesBySlug } = await referenceData(deps, c.get('cache'));
  return jsonResponse(
    eventJson(event, { lang: 'de', uidDomain: deps.config.uidDomain, sources, cities: citiesBySlug }),
    {
      ETag: revisionEtag(event.revision),
      'Last-Modified': new Date(event.updated).toUTCString(),
      ...(created && { Location: `${deps.config.publicUrl}/api/v1/events/${event.id}` }),
    },
    created ? 201 : 200,
  );
}

/** The stored event a write names in its URL. */
async function stored(c: Context<AppEnv>): Promise<EventRecord> {
  const found = await findEvent(writeContextOf(c), c.req.param('id') ?? '');
  if (!found.ok) throw new ApiError(found.error.code, found.error.message, 'id');
  return found.value;
}

/** The reason of a cancel: an optional JSON body `{"reason": "…"}` (an empty body gives none). */
async function cancelReason(request: Request): Promise<string | null> {
  if (request.body === null || (await request.clone().text()) === '') return null;
  const body = await jsonBody(request, ['application/json']);
  const parsed = parseInput(cancelInputSchema, body, 'body');
  return parsed.reason ?? null;
}

export const eventWritesRoutes = new Hono<AppEnv>()
  .post('/api/v1/events', limitBody, async (c) => {
    const deps = c.get('deps');
    const account = await authorize(deps, c.req.raw, c.env);
    const input = parseInput(eventInputSchema, await jsonBody(c.req.raw, ['application/json']), 'body');
    return answer(c, await createEvent(writeContextOf(c), input, account), true);
  })
  .patch('/api/v1/events/:id', limitBody, async (c) => {
    const deps = c.get('deps');
    const account = await authorize(deps, c.req.raw, c.env);
    const condition = c.req.header('If-Match');
    if (condition === undefined)
      throw new ApiError('precondition_required', 'send If-Match with the ETag of the revision you changed', 'headers.if-match');
    const before = await stored(c);
    requireMatch(condition, before);
    const patch = await jsonBody(c.req.raw, ['application/merge-patch+json', 'application/json']);
    if (typeof patch !== 'object' || patch === null || Array.isArray(patch))
      throw new ApiError('invalid_input', 'a merge patch is a JSON object', 'body');
    const merged = jsonMergePatch.apply(structuredClone(inputOf(before)), patch) as Record<string, unknown>;
    // `allianceWide` alone (a client of the first version) sets the audience the stored event does not repeat.
    if ('allianceWide' in patch && !('audience' in patch))
      merged.audience = (patch as { allianceWide?: unknown }).allianceWide === true ? (before.audience ?? 'all') : null;
    return answer(c, await changeEvent(writeContextOf(c), before, parseInput(eventInputSchema, merged, 'body'), account));
  })
  .delete('/api/v1/events/:id', limitBody, async (c) => {
    const account = await authorize(c.get('deps'), c.req.raw, c.env);
    const before = await stored(c);
    const condition = c.req.header('If-Match');
    if (condition !== undefined) requireMatch(condition, before);
    return answer(c, await cancelEvent(writeContextOf(c), before, account, await cancelReason(c.req.raw)));
  })
  .post('/api/v1/events/:id/purge', async (c) => {
    const account = await authorize(c.get('deps'), c.req.raw, c.env);
    const condition = c.req.header('If-Match');
    if (condition === undefined)
      throw new ApiError('precondition_required', 'send If-Match with the ETag of the revision you purge', 'headers.if-match');
    const before = await stored(c);
    requireMatch(condition, before);
    const result = await purgeEvent(writeContextOf(c), before, account);
    if (!result.ok) writeFailure(result.error);
    return c.body(null, 204);
  });
