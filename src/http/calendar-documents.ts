/**
 * @module calendar-documents
 * Builds calendar documents from kept VEVENT fragments: narrow rows decide what is in a calendar today,
 * only events whose revision has no fragment yet are read in full and rendered, and the document is kept
 * as bytes under its data version and day.
 */
import { assembleCalendar, dropDay, type IcsOptions, renderVevents, utcDay, type VeventFragment } from '../core/calendar/render-ics.js';
import type { EventKind, EventRecord, Lang } from '../core/model.js';
import { readDataVersion } from '../storage/data-version.js';
import { type CalendarEntry, getEvents, listCalendarEntries } from '../storage/events-repository.js';
import type { CityRef } from '../storage/cities-repository.js';
import type { AppDeps } from './env.js';
import { ApiError } from './errors.js';
import { type Rendering, type RenderingCaches, shortHash } from './rendering-cache.js';

/** Bumped when the rendering code changes what it writes, so kept validators change with it. */
const RENDERER_VERSION = 'ics-1';

const encoder = new TextEncoder();

export interface CalendarRequest {
  /** Identifies the document among all calendars: path plus the parameters that shape it. */
  readonly key: string;
  readonly lang: Lang;
  readonly kinds?: readonly EventKind[] | undefined;
  /** Resolves the scope only when the document must be built. */
  readonly city?: () => Promise<CityRef>;
  readonly name: (city: CityRef | undefined) => string;
}

function fragmentKey(lang: Lang, id: string, revision: number): string {
  return `${lang}|${id}|${revision}`;
}

/** Fragments for records, from the cache or rendered in one `ics` call for those missing. */
export function fragmentsFor(caches: RenderingCaches, records: readonly EventRecord[], options: IcsOptions): VeventFragment[] {
  const missing = records.filter((r) => !caches.vevents.get(fragmentKey(options.lang, r.id, r.revision)));
  if (missing.length > 0) {
    const rendered = renderVevents(missing, options);
    if (!rendered.ok) throw new ApiError('internal', `calendar rendering failed: ${rendered.error}`);
    missing.forEach((r, i) => caches.vevents.set(fragmentKey(options.lang, r.id, r.revision), rendered.value[i] as VeventFragment));
  }
  return records.map((r) => caches.vevents.get(fragmentKey(options.lang, r.id, r.revision)) as VeventFragment);
}

/** The document for a request: kept bytes when the data version and day are unchanged, else built now. */
export async function calendarDocument(deps: AppDeps, caches: RenderingCaches, request: CalendarRequest): Promise<Rendering> {
  const { store, clock, config } = deps;
  const [{ version, changedAt }, day] = [await readDataVersion(store.db), utcDay(clock())];
  const documentKey = `${request.key}|${version}|${day}`;
  const kept = caches.documents.get(documentKey);
  if (kept) return kept;

  const city = request.city ? await request.city() : undefined;
  const entries = await listCalendarEntries(store.db, { ...(city && { city }), ...(request.kinds && { kinds: request.kinds }) });
  // Cancelled events leave calendars after their grace period; the day is part of the key for that.
  let lastChange = Date.parse(changedAt);
  const included: CalendarEntry[] = [];
  for (const entry of entries) {
    const drop = dropDay(entry);
    if (drop !== null && drop <= day) lastChange = Math.max(lastChange, drop);
    else included.push(entry);
  }
  const options = { lang: request.lang, uidDomain: config.uidDomain, publicUrl: config.publicUrl };
  const missing = included.filter((e) => !caches.vevents.get(fragmentKey(request.lang, e.id, e.revision))).map((e) => e.id);
  const fresh = new Map((await getEvents(store.db, missing)).map((r) => [r.id, r]));
  fragmentsFor(caches, [...fresh.values()], options);
  const fragments = included.map((e) => {
    // A write between the two reads leaves a newer revision: serve the one that was read in full.
    const record = fresh.get(e.id);
    return caches.vevents.get(fragmentKey(request.lang, e.id, record?.revision ?? e.revision)) as VeventFragment;
  });
  const text = assembleCalendar({ name: request.name(city), lang: request.lang }, fragments);
  if (!text.ok) throw new ApiError('internal', `calendar rendering failed: ${text.error}`);
  const rendering: Rendering = {
    body: encoder.encode(text.value),
    // Strong: the bytes are a function of the data version, the day, the request and the settings.
    etag: `"${version}-${day / 86_400_000}-${shortHash(`${RENDERER_VERSION}|${request.key}|${config.publicUrl}|${config.uidDomain}`)}"`,
    lastModified: new Date(lastChange).toISOString(),
  };
  caches.documents.set(documentKey, rendering);
  return rendering;
}
