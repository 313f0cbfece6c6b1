/**
 * @module calendar-document
 * Calendars (subscriptions and single-event downloads) assembled from stored VEVENT fragments: one statement
 * reads what a calendar holds today together with each entry's stored fragment, only entries whose fragment is
 * missing or stale are read in full and rendered (and stored), and the document is the concatenation of the
 * header, the fragments and the footer.
 */
import { encodeUtf8 } from '../core/bytes.js';
import { CALENDAR_FOOTER, type CalendarMeta, calendarPreamble, dropDayOf, timezoneBlocks } from '../core/calendar/render-ics.js';
import { LruMap } from '../core/lru-map.js';
import type { City, EventRecord, Lang, Selection } from '../core/model.js';
import { getEvents, listCalendarEntries } from '../storage/events-repository.js';
import { readFragment, type StoredFragment, storeFragmentStatements } from '../storage/renderings-repository.js';
import { type DocumentDeps, inBackground } from './deps.js';
import type { DocumentMeta } from './document.js';
import type { DocumentCache } from './document-cache.js';
import { fragmentStamp, renderFragments } from './fragments.js';
import type { DocumentSpec, DocumentState } from './pipeline.js';
import { referenceData } from './reference-data.js';
import { RENDER_VERSION } from './render-version.js';

const CONTENT_TYPE = 'text/calendar; charset=utf-8';
// Subscribers poll; five minutes of shared caching keeps a burst of pollers to one rendering check.
const CACHE_CONTROL = 'public, max-age=300';

export interface CalendarRequest {
  /** Identifies the document among all: canonical path with the resolved city, selection and language. */
  readonly key: string;
  readonly lang: Lang;
  readonly selection: Selection;
  /** The city whose listing it is (resolved before: the key names it). */
  readonly city?: City | undefined;
  readonly name: string;
  readonly disposition: string;
}

/** A piece of a calendar: a VEVENT's bytes and the zone it needs a VTIMEZONE for. */
type Piece = Pick<StoredFragment, 'bytes' | 'tzid'>;

/** Calendar preambles by language and name: `ics` escapes a name once per process. */
const preambles = new LruMap<string>({ entries: 1024 });

/** Bytes copied between two chances for other requests to run. */
const COPY_SLICE = 512 * 1024;

/** One byte array of the parts, copied in slices that let other requests run between them. */
async function concatInSlices(parts: readonly Uint8Array[], yieldToOthers?: () => Promise<void>): Promise<Uint8Array<ArrayBuffer>> {
  const body = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let offset = 0;
  let sinceYield = 0;
  for (const part of parts) {
    body.set(part, offset);
    offset += part.byteLength;
    sinceYield += part.byteLength;
    if (sinceYield >= COPY_SLICE && yieldToOthers) {
      sinceYield = 0;
      await yieldToOthers();
    }
  }
  return body;
}

/** A whole calendar as one byte array: header and VTIMEZONEs, the VEVENTs, the footer. */
export function calendarBytes(
  meta: CalendarMeta,
  pieces: readonly Piece[],
  yieldToOthers?: () => Promise<void>,
): Promise<Uint8Array<ArrayBuffer>> {
  const memo = `${meta.lang}|${meta.name ?? ''}`;
  let preamble = preambles.get(memo);
  if (preamble === undefined) {
    const rendered = calendarPreamble(meta);
    if (!rendered.ok) throw new Error(`calendar header: ${rendered.error}`);
    preamble = rendered.value;
    preambles.set(memo, preamble);
  }
  // Fragments name only zones that have a VTIMEZONE (render-ics.ts writes UTC otherwise).
  const zones = timezoneBlocks(pieces.map((p) => p.tzid));
  if (!zones.ok) throw new Error(`calendar header: ${zones.error}`);
  return concatInSlices(
    [encodeUtf8(preamble), encodeUtf8(zones.value), ...pieces.map((p) => p.bytes), encodeUtf8(CALENDAR_FOOTER)],
    yieldToOthers,
  );
}

/** Entries read per statement: a few milliseconds, after which other requests get their turn. */
const ENTRY_PAGE = 250;

/**
 * The entries a calendar holds on a day and their current fragments, page by page: the stored ones where they
 * are of the entry's revision and the current stamp, else rendered now (in slices) from the event as it is
 * read, and stored after the answer. Cancelled events leave after their grace period.
 */
async function calendarPieces(
  deps: DocumentDeps,
  cache: DocumentCache,
  request: CalendarRequest,
  state: DocumentState,
): Promise<{ pieces: Piece[]; validator: string; lastChange: number }> {
  const { city, selection, lang } = request;
  const stamp = fragmentStamp(deps, state.referenceVersion);
  const scope = { ...selection, ...(city && { city }) };
  const pieces: Array<Piece | null> = [];
  const stale: Array<{ index: number; id: string }> = [];
  // What the bytes are made of: the validator's source, cheap to hash against 7 MB of VEVENTs.
  const parts: string[] = [RENDER_VERSION, lang, request.name, stamp];
  let lastChange = Date.parse(state.changedAt);
  let after: { key: number; id: string } | undefined;
  for (;;) {
    const page = await listCalendarEntries(deps.store.db, scope, lang, stamp, { ...(after && { after }), limit: ENTRY_PAGE });
    for (const entry of page) {
      const drop = entry.status === 'cancelled' ? dropDayOf(entry.endKey, entry.cancelledAt) : null;
      if (drop !== null && drop <= state.day) {
        lastChange = Math.max(lastChange, drop);
        continue;
      }
      parts.push(`${entry.id}:${entry.revision}`);
      if (entry.fragment === null) stale.push({ index: pieces.length, id: entry.id });
      pieces.push(entry.fragment);
    }
    const last = page.at(-1);
    if (page.length < ENTRY_PAGE || !last) break;
    after = { key: last.startKey, id: last.id };
    await deps.yieldToOthers?.();
  }
  if (stale.length > 0) {
    const records = await getEvents(
      deps.store.db,
      stale.map((s) => s.id),
    );
    const rendered = await renderFragments(deps, records, lang, (await referenceData(deps, cache)).sources, state.referenceVersion);
    inBackground(deps, deps.store.batch(storeFragmentStatements(deps.store.db, rendered)));
    const byId = new Map(rendered.map((f) => [f.eventId, f]));
    for (const { index, id } of stale) {
      const fragment = byId.get(id);
      pieces[index] = fragment ?? null;
      // A write between the two reads leaves a newer revision: the one read in full is served, and named.
      if (fragment) parts[index + 4] = `${id}:${fragment.revision}`;
    }
  }
  return {
    pieces: pieces.filter((p): p is Piece => p !== null && p.bytes.byteLength > 0),
    validator: parts.join('\n'),
    lastChange,
  };
}

/** The document spec of a calendar subscription: what it holds today, from stored fragments. */
export function calendarSpec(deps: DocumentDeps, cache: DocumentCache, request: CalendarRequest): DocumentSpec {
  const meta: DocumentMeta = { contentType: CONTENT_TYPE, cacheControl: CACHE_CONTROL, disposition: request.disposition };
  return {
    key: request.key,
    meta,
    build: async (state) => {
      const { pieces, validator, lastChange } = await calendarPieces(deps, cache, request, state);
      const body = await calendarBytes({ name: request.name, lang: request.lang }, pieces, deps.yieldToOthers);
      return { body, lastModified: lastChange, validator };
    },
  };
}

/** An event that has no calendar entry after all: it cannot be rendered (a row no write produces today). */
export class NotRenderable extends Error {}

/**
 * The document spec of one event's download (an event of day or minute precision, read by the caller): its
 * stored fragment, or one rendered now. A download carries no calendar name: Outlook would otherwise open it
 * as a new calendar.
 */
export function eventCalendarSpec(
  deps: DocumentDeps,
  cache: DocumentCache,
  request: { readonly key: string; readonly lang: Lang; readonly disposition: string },
  record: EventRecord,
): DocumentSpec {
  return {
    key: request.key,
    meta: { contentType: CONTENT_TYPE, cacheControl: CACHE_CONTROL, disposition: request.disposition },
    build: async (state) => {
      const stored = await readFragment(deps.store.db, record.id, request.lang);
      const current = stored?.revision === record.revision && stored.stamp === fragmentStamp(deps, state.referenceVersion);
      const fragment = current
        ? stored
        : (await renderFragments(deps, [record], request.lang, (await referenceData(deps, cache)).sources, state.referenceVersion))[0];
      if (!current && fragment) inBackground(deps, deps.store.batch(storeFragmentStatements(deps.store.db, [fragment])));
      if (!fragment || fragment.bytes.byteLength === 0) throw new NotRenderable(`event "${record.id}" cannot be shown as a calendar entry`);
      return { body: await calendarBytes({ name: null, lang: request.lang }, [fragment]), lastModified: Date.parse(record.updated) };
    },
  };
}
