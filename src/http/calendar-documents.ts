/**
 * @module calendar-documents
 * Builds calendar documents from kept VEVENT fragments: narrow rows decide what is in a calendar today,
 * only events whose revision has no fragment yet are read in full and rendered, and the document is kept
 * as bytes under its key, data version and day. Fragments are kept encoded, so assembling a calendar is copying.
 */
import {
  CALENDAR_FOOTER,
  type CalendarMeta,
  calendarHeader,
  dropDayOf,
  type IcsOptions,
  renderVevents,
} from '../core/calendar/render-ics.js';
import type { City, EventRecord, Lang, Selection } from '../core/model.js';
import { type CalendarEntry, getEvents, listCalendarEntries } from '../storage/events-repository.js';
import { concatBytes, encodeUtf8 } from './bytes.js';
import type { AppDeps } from './env.js';
import { ApiError } from './errors.js';
import { keptDocument } from './kept-documents.js';
import { reportLeftOut } from './left-out.js';
import { referenceData } from './reference-data.js';
import type { EncodedFragment, Rendering, RenderingCaches } from './rendering-cache.js';

export interface CalendarRequest {
  /** Identifies the document among all: canonical path with the resolved city, selection and language. */
  readonly key: string;
  readonly lang: Lang;
  readonly selection: Selection;
  /** The city whose listing it is (resolved before: the key names it). */
  readonly city?: City | undefined;
  readonly name: string;
}

/** What a VEVENT is rendered with, and the key of the reference data it shows. */
export type FragmentOptions = IcsOptions & { readonly referenceKey: string };

function fragmentKey(options: FragmentOptions, id: string, revision: number): string {
  return `${options.lang}|${options.referenceKey}|${id}|${revision}`;
}

/** The fragment of an event that cannot be rendered: kept, so that it is not tried again on every request. */
const LEFT_OUT: EncodedFragment = { bytes: new Uint8Array(0), tzid: null };

/** Encoded fragments of records by id, from the cache or rendered in one `ics` call for those missing. */
export function fragmentsFor(
  caches: RenderingCaches,
  records: readonly EventRecord[],
  options: FragmentOptions,
): Map<string, EncodedFragment> {
  const found = new Map<string, EncodedFragment>();
  const missing: EventRecord[] = [];
  for (const record of records) {
    const kept = caches.vevents.get(fragmentKey(options, record.id, record.revision));
    if (kept) found.set(record.id, kept);
    else missing.push(record);
  }
  if (missing.length === 0) return found;
  const { fragments, failed } = renderVevents(missing, options);
  for (const { id, message } of failed) reportLeftOut('calendar', id, message);
  for (const record of missing) {
    const fragment = fragments.get(record.id);
    const encoded = fragment ? { bytes: encodeUtf8(fragment.text), tzid: fragment.tzid } : LEFT_OUT;
    caches.vevents.set(fragmentKey(options, record.id, record.revision), encoded);
    found.set(record.id, encoded);
  }
  return found;
}

/** A whole calendar as one byte array: header and VTIMEZONEs, the fragments, the footer. */
export function calendarBytes(meta: CalendarMeta, fragments: readonly EncodedFragment[]): Uint8Array<ArrayBuffer> {
  const header = calendarHeader(
    meta,
    fragments.map((f) => f.tzid),
  );
  // Fragments name only zones that have a VTIMEZONE (render-ics.ts writes UTC otherwise).
  if (!header.ok) throw new ApiError('internal', `calendar rendering failed: ${header.error}`);
  return concatBytes([encodeUtf8(header.value), ...fragments.map((f) => f.bytes), encodeUtf8(CALENDAR_FOOTER)]);
}

/** The rendering options of a language, with the current reference data. */
export async function fragmentOptions(deps: AppDeps, caches: RenderingCaches, lang: Lang): Promise<FragmentOptions> {
  const reference = await referenceData(deps, caches);
  const { uidDomain, publicUrl } = deps.config;
  return { lang, uidDomain, publicUrl, sources: reference.sources, referenceKey: reference.key };
}

/** The calendar for a request: kept bytes when the data version and day are unchanged, else built now. */
export function calendarDocument(deps: AppDeps, caches: RenderingCaches, request: CalendarRequest): Promise<Rendering> {
  return keptDocument(deps, caches, {
    key: request.key,
    build: async ({ changedAt, day }) => {
      const { city, selection } = request;
      const entries = await listCalendarEntries(deps.store.db, { ...selection, ...(city && { city }) });
      // Cancelled events leave calendars after their grace period; the day is part of the key for that.
      let lastChange = Date.parse(changedAt);
      const included: CalendarEntry[] = [];
      for (const entry of entries) {
        const drop = entry.status === 'cancelled' ? dropDayOf(entry.endKey, entry.cancelledAt) : null;
        if (drop !== null && drop <= day) lastChange = Math.max(lastChange, drop);
        else included.push(entry);
      }
      const options = await fragmentOptions(deps, caches, request.lang);
      // One pass over the kept fragments (peek: a scan must not reorder 10,000 cache entries).
      const fragments: Array<EncodedFragment | undefined> = included.map((e) =>
        caches.vevents.peek(fragmentKey(options, e.id, e.revision)),
      );
      const missing = included.filter((_, i) => fragments[i] === undefined);
      if (missing.length > 0) {
        const fresh = await getEvents(
          deps.store.db,
          missing.map((e) => e.id),
        );
        // A write between the two reads leaves a newer revision: serve the one that was read in full.
        const rendered = fragmentsFor(caches, fresh, options);
        included.forEach((e, i) => {
          fragments[i] ??= rendered.get(e.id);
        });
      }
      const body = calendarBytes(
        { name: request.name, lang: request.lang },
        fragments.filter((f): f is EncodedFragment => f !== undefined && f !== LEFT_OUT),
      );
      return { body, lastModified: lastChange };
    },
  });
}
