/**
 * @module event-input
 * The one schema for writing an event (POST body, and the result of a PATCH merge), its limits, and the
 * step from a valid input to a stored record: city names resolved, times checked by the time core.
 * The same schemas describe the API in openapi.ts.
 */
import * as z from 'zod/mini';
import { resolveEventTimes } from '../core/events/event-times.js';
import { EVENT_KINDS, type EventRecord, LANGS } from '../core/model.js';
import { unsafeCharacter } from '../core/text/safe-text.js';
import { findCity } from '../storage/cities-repository.js';
import type { Store } from '../storage/store.js';
import { ApiError } from './errors.js';

/** Refuses text that an output cannot carry (safe-text.ts), naming the character. */
const safe = z.superRefine((value: string, ctx) => {
  const problem = unsafeCharacter(value);
  if (problem) ctx.addIssue({ code: 'custom', message: `contains ${problem}`, input: value });
});

const text = (max: number) => z.string().check(z.maxLength(max), safe);

/** A WHATWG URL with an http(s) scheme and no credentials, kept in its serialised form. */
function isHttpUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '';
}

const httpUrl = z.pipe(
  text(2000).check(z.refine(isHttpUrl, 'must be an http(s) URL without user name or password')),
  z.transform((value: string) => new URL(value).href),
);
const localized = (max: number) =>
  z.strictObject(
    Object.fromEntries(LANGS.map((lang) => [lang, z.optional(text(max))])) as Record<
      'de' | 'en' | 'zh',
      z.ZodMiniOptional<z.ZodMiniString>
    >,
  );
const cityName = z.string().check(z.minLength(1), z.maxLength(100), safe);
const fold = z.union([z.literal(0), z.literal(1)]);
const timeLiteral = z.string().check(z.maxLength(32), safe);

/** An event as written: POST bodies, and an event after a PATCH merge. */
export const eventInputSchema = z
  .strictObject({
    kind: z.enum(EVENT_KINDS),
    title: localized(300),
    description: z.optional(localized(5000)),
    cities: z.array(cityName).check(z.minLength(1), z.maxLength(20)),
    participants: z.optional(z.array(cityName).check(z.maxLength(60))),
    allianceWide: z.optional(z.boolean()),
    status: z.optional(z.enum(['confirmed', 'tentative'])),
    start: z.nullable(timeLiteral),
    end: z.optional(z.nullable(timeLiteral)),
    timeZone: z.optional(text(64)),
    fold: z.optional(fold),
    endFold: z.optional(fold),
    location: z.optional(z.nullable(text(300))),
    url: z.optional(z.nullable(httpUrl)),
  })
  .check(
    z.refine((e) => Object.values(e.title).some((t) => t !== undefined && t.trim() !== ''), {
      message: 'a title in at least one of de, en, zh is required',
      path: ['title'],
    }),
  );

export type EventInput = z.infer<typeof eventInputSchema>;

/** A stored event in its written shape, the document a JSON merge patch (RFC 7396) applies to. */
export function inputOf(event: EventRecord): Record<string, unknown> {
  return {
    kind: event.kind,
    title: event.title,
    description: event.description,
    cities: event.cities,
    participants: event.participants,
    allianceWide: event.allianceWide,
    ...(event.status !== 'cancelled' && { status: event.status }),
    start: event.start?.value ?? null,
    end: event.end?.value ?? null,
    timeZone: event.timeZone,
    fold: event.start?.fold ?? 0,
    endFold: event.end?.fold ?? 0,
    location: event.location,
    url: event.url,
  };
}

/** Resolves city names (any spelling) to slugs, or a 400 naming the entry at fault. */
async function resolveCities(
  store: Store,
  names: readonly string[],
  field: string,
): Promise<{ slugs: string[]; zone: string | undefined }> {
  const slugs: string[] = [];
  let zone: string | undefined;
  for (const [i, name] of names.entries()) {
    const ref = await findCity(store.db, name);
    if (!ref) throw new ApiError('unknown_city', `no city is known as "${name}"`, `${field}.${i}`, 400);
    zone ??= ref.city.timeZone;
    if (!slugs.includes(ref.city.slug)) slugs.push(ref.city.slug);
  }
  return { slugs, zone };
}

/**
 * A valid input as the record to store: cities resolved, times resolved by the time core (aliases, IANA
 * canonicalisation, DST gap → 400, fold), revision and dates from `base` (the stored event, if any).
 */
export async function recordFromInput(
  store: Store,
  input: EventInput,
  base: Pick<EventRecord, 'id' | 'revision' | 'created' | 'status' | 'cancelledAt' | 'sources'>,
  updated: string,
): Promise<EventRecord> {
  const cities = await resolveCities(store, input.cities, 'cities');
  const participants = (await resolveCities(store, input.participants ?? [], 'participants')).slugs.filter(
    (s) => !cities.slugs.includes(s),
  );
  const times = resolveEventTimes(
    { start: input.start, end: input.end, timeZone: input.timeZone, fold: input.fold, endFold: input.endFold },
    cities.zone ?? 'UTC',
  );
  if (!times.ok) throw ApiError.fromField(times.error);
  const status = input.status ?? (base.status === 'cancelled' ? 'cancelled' : 'confirmed');
  return {
    id: base.id,
    kind: input.kind,
    status,
    allianceWide: input.allianceWide ?? false,
    revision: base.revision,
    title: input.title,
    description: input.description ?? {},
    cities: cities.slugs,
    participants,
    timeZone: times.value.timeZone,
    precision: times.value.precision,
    start: times.value.start,
    end: times.value.end,
    location: input.location ?? null,
    url: input.url ?? null,
    sources: base.sources,
    created: base.created,
    updated,
    cancelledAt: status === 'cancelled' ? base.cancelledAt : null,
  };
}
