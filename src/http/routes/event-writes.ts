/**
 * @module routes/event-writes
 * `POST /api/v1/events`, `PATCH /api/v1/events/{id}` (JSON merge patch, RFC 7396, with `If-Match`) and
 * `DELETE /api/v1/events/{id}` (cancels; erases nothing). Each write is one atomic batch: the event, its
 * city links, a history row and the data version — so calendars and feeds follow at once, and a write that
 * lost a race to another (same revision) rolls back whole and answers 412.
 */
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import jsonMergePatch from 'json-merge-patch';
import { eventJson } from '../../core/events/event-json.js';
import { revisionEtag } from '../../core/events/identity.js';
import type { EventRecord, SourceEntry } from '../../core/model.js';
import { writtenFragmentStatements } from '../../documents/fragments.js';
import { referenceData } from '../../documents/reference-data.js';
import { bumpDataVersion } from '../../storage/data-version.js';
import { getEvent, insertEventStatements, updateEventStatements } from '../../storage/events-repository.js';
import { storageFailure } from '../../storage/failures.js';
import { type ChangeAction, isLostRace, recordChange } from '../../storage/history-repository.js';
import { addSourceStatement } from '../../storage/sources-repository.js';
import { authorize } from '../auth.js';
import type { AppDeps, AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { eventInputSchema, inputOf, recordFromInput } from '../event-input.js';
import { jsonResponse } from '../responses.js';
import { parseInput } from '../validate.js';

/** Largest accepted body: a generous event with long descriptions in three languages. */
export const MAX_BODY_BYTES = 64 * 1024;

const limitBody = bodyLimit({
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
async function jsonBody(request: Request, types: readonly string[]): Promise<unknown> {
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

/**
 * Applies a write's statements in one atomic batch and records how it went for `/healthz`: a lost race answers
 * 412, a storage failure (full disk, read-only file) 503 saying why.
 */
async function commit(c: Context<AppEnv>, statements: Parameters<AppDeps['store']['batch']>[0]): Promise<void> {
  try {
    await c.get('deps').store.batch(statements);
    c.get('writeHealth').record(null);
  } catch (error) {
    if (isLostRace(error)) {
      throw new ApiError(
        'precondition_failed',
        'the event was changed by another write meanwhile; fetch it and try again',
        'headers.if-match',
      );
    }
    const failure = storageFailure(error);
    if (failure) c.get('writeHealth').record(failure);
    throw error;
  }
}

/**
 * The statements that add a write's catalogue entries and store its event's fragments in every language,
 * rendered now so that no read renders them: a calendar after the write is concatenation.
 */
async function renderedWith(c: Context<AppEnv>, event: EventRecord, addedSources: readonly SourceEntry[]) {
  const deps = c.get('deps');
  const { sources } = await referenceData(deps, c.get('cache'));
  const catalogue = addedSources.length === 0 ? sources : new Map([...sources, ...addedSources.map((e) => [e.id, e] as const)]);
  return [
    ...addedSources.map((entry) => addSourceStatement(deps.store.db, entry)),
    ...(await writtenFragmentStatements(deps, [event], catalogue)),
  ];
}

/** Stores a changed event atomically with its history row, its fragments and the catalogue entries its sources add. */
async function storeChange(
  c: Context<AppEnv>,
  before: EventRecord,
  after: EventRecord,
  action: ChangeAction,
  actor: string,
  addedSources: readonly SourceEntry[] = [],
): Promise<void> {
  const { db } = c.get('deps').store;
  return commit(c, [
    ...updateEventStatements(db, after),
    ...(await renderedWith(c, after, addedSources)),
    recordChange(db, { eventId: after.id, revision: after.revision, action, actor, at: after.updated, before, after }),
    bumpDataVersion(db, after.updated),
  ]);
}

/** The response for an event after a write: its JSON, ETag and Last-Modified. */
async function written(c: Context<AppEnv>, event: EventRecord, status = 200, headers: Record<string, string> = {}): Promise<Response> {
  const deps = c.get('deps');
  const { sources } = await referenceData(deps, c.get('cache'));
  return jsonResponse(
    eventJson(event, { lang: 'de', uidDomain: deps.config.uidDomain, sources }),
    { ETag: revisionEtag(event.revision), 'Last-Modified': new Date(event.updated).toUTCString(), ...headers },
    status,
  );
}

async function currentEvent(deps: AppDeps, id: string): Promise<EventRecord> {
  const event = await getEvent(deps.store.db, id);
  if (!event) throw new ApiError('not_found', `no event with id "${id}"`, 'id');
  return event;
}

/** JSON with object keys sorted, to compare documents whose keys came in different orders. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

const now = (deps: AppDeps) => new Date(deps.clock()).toISOString();

export const eventWritesRoutes = new Hono<AppEnv>()
  .post('/api/v1/events', limitBody, async (c) => {
    const deps = c.get('deps');
    const actor = await authorize(deps, c.req.raw, c.env);
    const input = parseInput(eventInputSchema, await jsonBody(c.req.raw, ['application/json']), 'body');
    const at = now(deps);
    const id = (deps.newId ?? (() => crypto.randomUUID()))();
    const { record: event, addedSources } = await recordFromInput(
      await referenceData(deps, c.get('cache')),
      input,
      { id, revision: 1, created: at, status: 'confirmed', cancelledAt: null },
      at,
    );
    const { db } = deps.store;
    await commit(c, [
      ...insertEventStatements(db, event),
      ...(await renderedWith(c, event, addedSources)),
      recordChange(db, { eventId: id, revision: 1, action: 'created', actor, at, before: null, after: event }),
      bumpDataVersion(db, at),
    ]);
    return written(c, event, 201, { Location: `${deps.config.publicUrl}/api/v1/events/${id}` });
  })
  .patch('/api/v1/events/:id', limitBody, async (c) => {
    const deps = c.get('deps');
    const actor = await authorize(deps, c.req.raw, c.env);
    const condition = c.req.header('If-Match');
    if (condition === undefined)
      throw new ApiError('precondition_required', 'send If-Match with the ETag of the revision you changed', 'headers.if-match');
    const before = await currentEvent(deps, c.req.param('id'));
    requireMatch(condition, before);
    const patch = await jsonBody(c.req.raw, ['application/merge-patch+json', 'application/json']);
    if (typeof patch !== 'object' || patch === null || Array.isArray(patch))
      throw new ApiError('invalid_input', 'a merge patch is a JSON object', 'body');
    const merged = jsonMergePatch.apply(structuredClone(inputOf(before)), patch) as Record<string, unknown>;
    // `allianceWide` alone (a client of the first version) sets the audience the stored event does not repeat.
    if ('allianceWide' in patch && !('audience' in patch))
      merged.audience = (patch as { allianceWide?: unknown }).allianceWide === true ? (before.audience ?? 'all') : null;
    const input = parseInput(eventInputSchema, merged, 'body');
    const at = now(deps);
    const { record: after, addedSources } = await recordFromInput(
      await referenceData(deps, c.get('cache')),
      input,
      { ...before, revision: before.revision + 1 },
      at,
    );
    // Nothing changed: no new revision, no history row.
    if (canonicalJson({ ...inputOf(before), status: before.status }) === canonicalJson({ ...inputOf(after), status: after.status }))
      return written(c, before);
    await storeChange(
      c,
      before,
      after,
      before.status === 'cancelled' && after.status !== 'cancelled' ? 'reinstated' : 'changed',
      actor,
      addedSources,
    );
    return written(c, after);
  })
  .delete('/api/v1/events/:id', async (c) => {
    const deps = c.get('deps');
    const actor = await authorize(deps, c.req.raw, c.env);
    const before = await currentEvent(deps, c.req.param('id'));
    const condition = c.req.header('If-Match');
    if (condition !== undefined) requireMatch(condition, before);
    if (before.status === 'cancelled') return written(c, before);
    const at = now(deps);
    const after: EventRecord = { ...before, status: 'cancelled', cancelledAt: at, revision: before.revision + 1, updated: at };
    await storeChange(c, before, after, 'cancelled', actor);
    return written(c, after);
  });
