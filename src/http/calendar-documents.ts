/**
 * @module calendar-documents
 * Builds calendar documents from kept VEVENT fragments: narrow rows decide what is in a calendar today,
 * only events whose revision has no fragment yet are read in full and rendered, and the document is kept
 * as bytes under its data version and day. Fragments are kept encoded, so assembling a calendar is copying.
 */
import {
  CALENDAR_FOOTER,
  type CalendarMeta,
  calendarHeader,
  dropDayOf,
  type IcsOptions,
  renderVevents,
} from '../core/calendar/render-ics.js';
import type { EventKind, EventRecord, Lang } from '../core/model.js';
import type { CityRef } from '../storage/cities-repository.js';
import { type CalendarEntry, getEvents, listCalendarEntries } from '../storage/events-repository.js';
import { concatBytes, encodeUtf8 } from './bytes.js';
import type { AppDeps } from './env.js';
import { ApiError } from './errors.js';
import { keptDocument } from './kept-documents.js';
import { referenceData } from './reference-data.js';
import type { EncodedFragment, Rendering, RenderingCaches } from './rendering-cache.js';

/** Bumped when the rendering code changes what it writes, so kept validators change with it. */
const RENDERER_VERSION = 'ics-1';

export interface CalendarRequest {
  /** Identifies the document among all calendars: path plus the parameters that shape it. */
  readonly key: string;
  readonly lang: Lang;
  readonly kinds?: readonly EventKind[] | undefined;
  /** Resolves the scope only when the document must be built. */
  readonly city?: () => Promise<CityRef>;
  readonly name: (city: CityRef | undefined) => string;
}

function fragmentKey(options: FragmentOptions, id: string, revision: number): string {
  return `${options.lang}|${options.referenceKey}|${id}|${revision}`;
}

/** What a VEVENT is rendered with, and the key of the reference data it shows. */
export type FragmentOptions = IcsOptions & { readonly referenceKey: string };

/** Encoded fragments for records, from the cache or rendered in one `ics` call for those missing. */
export function fragmentsFor(caches: RenderingCaches, records: readonly EventRecord[], options: FragmentOptions): EncodedFragment[] {
  const missing = records.filter((r) => !caches.vevents.get(fragmentKey(options, r.id, r.revision)));
  if (missing.length > 0) {
    const rendered = renderVevents(missing, options);
    if (!rendered.ok) throw new ApiError('internal', `calendar rendering failed: ${rendered.error}`);
    missing.forEach((r, i) => {
      const fragment = rendered.value[i];
      if (fragment) caches.vevents.set(fragmentKey(options, r.id, r.revision), { bytes: encodeUtf8(fragment.text), tzid: fragment.tzid });
    });
  }
  return records.map((r) => caches.vevents.get(fragmentKey(options, r.id, r.revision)) as EncodedFragment);
}

/** A whole calendar as one byte array: header and VTIMEZONEs, the fragments, the footer. */
export function calendarBytes(meta: CalendarMeta, fragments: readonly EncodedFragment[]): Uint8Array<ArrayBuffer> {
  const header = calendarHeader(
    meta,
    fragments.map((f) => f.tzid),
  );
  if (!header.ok) throw new ApiError('internal', `calendar rendering failed: ${header.error}`);
  return concatBytes([encodeUtf8(header.value), ...fragments.map((f) => f.bytes), encodeUtf8(CALENDAR_FOOTER)]);
}

/** The calendar for a request: kept bytes when the data version and day are unchanged, else built now. */
export function calendarDocument(deps: AppDeps, caches: RenderingCaches, request: CalendarRequest): Promise<Rendering> {
  return keptDocument(deps, caches, {
    key: request.key,
    renderer: RENDERER_VERSION,
    build: async ({ changedAt, day }) => {
      const { store, config } = deps;
      const city = request.city ? await request.city() : undefined;
      const entries = await listCalendarEntries(store.db, { ...(city && { city }), ...(request.kinds && { kinds: request.kinds }) });
      // Cancelled events leave calendars after their grace period; the day is part of the key for that.
      let lastChange = Date.parse(changedAt);
      const included: CalendarEntry[] = [];
      for (const entry of entries) {
        const drop = entry.status === 'cancelled' ? dropDayOf(entry.endKey, entry.cancelledAt) : null;
        if (drop !== null && drop <= day) lastChange = Math.max(lastChange, drop);
        else included.push(entry);
      }
      const reference = await referenceData(deps, caches);
      const options = {
        lang: request.lang,
        uidDomain: config.uidDomain,
        publicUrl: config.publicUrl,
        sources: reference.sources,
        referenceKey: reference.key,
      };
      // One pass over the kept fragments (peek: a scan must not reorder 10,000 cache entries).
      const fragments: Array<EncodedFragment | undefined> = included.map((e) =>
        caches.vevents.peek(fragmentKey(options, e.id, e.revision)),
      );
      const missing = included.filter((_, i) => fragments[i] === undefined);
      if (missing.length > 0) {
        const fresh = await getEvents(
          store.db,
          missing.map((e) => e.id),
        );
        // A write between the two reads leaves a newer revision: serve the one that was read in full.
        const rendered = new Map(fragmentsFor(caches, fresh, options).map((f, i) => [fresh[i]?.id, f]));
        included.forEach((e, i) => {
          fragments[i] ??= rendered.get(e.id);
        });
      }
      const body = calendarBytes(
        { name: request.name(city), lang: request.lang },
        fragments.filter((f): f is EncodedFragment => f !== undefined),
      );
      return { body, lastModified: lastChange };
    },
  });
}
