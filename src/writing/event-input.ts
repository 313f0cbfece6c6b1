/**
 * @module event-input
 * The one schema for writing an event (POST body, the result of a PATCH merge, the editor's form, an imported
 * item), its limits, and the step from a valid input to a stored record: city names resolved, times checked by
 * the time core, sources cited from the catalogue or added to it — a failure returned naming the field. The
 * same schema describes the API in http/openapi.ts.
 */
import * as z from 'zod/mini';
import { sha256Hex } from '../core/bytes.js';
import { resolveEventTimes } from '../core/events/event-times.js';
import { AUDIENCES, type Citation, EVENT_KINDS, type EventRecord, LANGS, type SourceEntry } from '../core/model.js';
import { fail, ok, type Result } from '../core/result.js';
import { unsafeCharacter } from '../core/text/safe-text.js';
import { cityNamed, type ReferenceData } from '../documents/reference-data.js';

/** Refuses text that an output cannot carry (safe-text.ts), naming the character. */
const safe = z.superRefine((value: string, ctx) => {
  const problem = unsafeCharacter(value);
  if (problem) ctx.addIssue({ code: 'custom', message: `contains ${problem}`, input: value });
});

/** A text of at most `max` characters without characters that break outputs. */
export const text = (max: number) => z.string().check(z.maxLength(max), safe);

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
/** A publication date at the precision known: `2018`, `2018-11`, `2018-11-01`. */
const sourceDate = z.string().check(z.regex(/^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$/, 'a date is YYYY, YYYY-MM or YYYY-MM-DD'));
const citationNote = text(1000);

/** A citation: of a catalogue entry by id, or of a new entry given inline (which the write adds). */
const citationInput = z.union([
  z.strictObject({
    ref: z.string().check(z.regex(/^[a-z0-9-]{1,64}$/, 'a catalogue id is 1–64 of a–z, 0–9 and -')),
    note: z.optional(citationNote),
  }),
  z.strictObject({
    url: httpUrl,
    title: text(300).check(z.minLength(1)),
    publisher: z.optional(text(200)),
    date: z.optional(sourceDate),
    note: z.optional(citationNote),
  }),
]);

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
    /** Kept for clients of the first version: true is `audience: "all"`, false none. */
    allianceWide: z.optional(z.boolean()),
    audience: z.optional(z.nullable(z.enum(AUDIENCES))),
    related: z.optional(z.boolean()),
    sources: z.optional(z.array(citationInput).check(z.maxLength(20))),
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
    z.refine((e) => !(e.allianceWide === false && e.audience != null), {
      message: 'an event for an audience is alliance-wide: leave out allianceWide, or send audience null',
      path: ['allianceWide'],
    }),
  );

export type EventInput = z.infer<typeof eventInputSchema>;

/** Longest reason for a cancellation or a rejected proposal: a few sentences. */
export const MAX_REASON_LENGTH = 1000;

const reason = text(MAX_REASON_LENGTH);

/** The optional body of a cancel: why, for subscribers. */
export const cancelInputSchema = z.strictObject({ reason: z.optional(reason) });

/** The body of a rejected proposal: why, for the proposer. */
export const rejectInputSchema = z.strictObject({
  reason: reason.check(z.refine((r) => r.trim() !== '', { message: 'say why the proposal is rejected' })),
});

/** A stored event in its written shape, the document a JSON merge patch (RFC 7396) applies to. */
export function inputOf(event: EventRecord): Record<string, unknown> {
  return {
    kind: event.kind,
    title: event.title,
    description: event.description,
    cities: event.cities,
    participants: event.participants,
    audience: event.audience,
    related: event.related,
    sources: event.sources.map((c) => ({ ...c })),
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

/** A write that cannot be stored as given, naming the field at fault. */
export interface WriteFailure {
  readonly code: 'invalid_input' | 'invalid_time' | 'nonexistent_time' | 'unknown_zone' | 'unknown_city' | 'unknown_source';
  readonly field: string;
  readonly message: string;
}

/** Resolves city names (any spelling) to slugs from the reference data, or the entry at fault. */
function resolveCities(
  reference: ReferenceData,
  names: readonly string[],
  field: string,
): Result<{ slugs: string[]; zone: string | undefined }, WriteFailure> {
  const slugs: string[] = [];
  let zone: string | undefined;
  for (const [i, name] of names.entries()) {
    const city = cityNamed(reference, name);
    if (!city) return fail({ code: 'unknown_city', message: `no city is known as "${name}"`, field: `${field}.${i}` });
    zone ??= city.timeZone;
    if (!slugs.includes(city.slug)) slugs.push(city.slug);
  }
  return ok({ slugs, zone });
}

/** The catalogue id of a page added inline: from its address, so the same page is one entry. */
async function sourceIdOf(url: string): Promise<string> {
  return `web-${await sha256Hex(url, 6)}`;
}

/**
 * The citations of an input: references checked against the catalogue, inline entries matched to an entry with
 * the same address or added (returned in `added`, for the write's batch).
 */
async function resolveSources(
  reference: ReferenceData,
  inputs: NonNullable<EventInput['sources']>,
): Promise<Result<{ citations: Citation[]; added: SourceEntry[] }, WriteFailure>> {
  const byUrl = new Map([...reference.sources.values()].flatMap((entry) => (entry.url ? [[entry.url, entry.id] as const] : [])));
  const citations: Citation[] = [];
  const added: SourceEntry[] = [];
  for (const [i, input] of inputs.entries()) {
    const note = input.note?.trim() ? { note: input.note } : {};
    if ('ref' in input) {
      if (!reference.sources.has(input.ref))
        return fail({
          code: 'unknown_source',
          message: `no catalogue entry has the id "${input.ref}" (GET /api/v1/sources)`,
          field: `sources.${i}.ref`,
        });
      citations.push({ ref: input.ref, ...note });
      continue;
    }
    let ref = byUrl.get(input.url) ?? added.find((entry) => entry.url === input.url)?.id;
    if (ref === undefined) {
      ref = await sourceIdOf(input.url);
      added.push({
        id: ref,
        title: input.title,
        publisher: input.publisher ?? null,
        date: input.date ?? null,
        url: input.url,
        file: null,
        note: null,
      });
    }
    citations.push({ ref, ...note });
  }
  return ok({ citations, added });
}

/** A write's result: the record to store and the catalogue entries its sources add. */
export interface WrittenRecord {
  readonly record: EventRecord;
  readonly addedSources: readonly SourceEntry[];
}

/**
 * A valid input as the record to store: cities resolved, times resolved by the time core (aliases, IANA
 * canonicalisation, DST gap, fold), sources resolved, revision and dates from `base` (the stored event, if any).
 */
export async function recordFromInput(
  reference: ReferenceData,
  input: EventInput,
  base: Pick<EventRecord, 'id' | 'revision' | 'created' | 'status' | 'cancelledAt' | 'cancelReason'>,
  updated: string,
): Promise<Result<WrittenRecord, WriteFailure>> {
  const venues = resolveCities(reference, input.cities, 'cities');
  if (!venues.ok) return venues;
  const cities = venues.value;
  const others = resolveCities(reference, input.participants ?? [], 'participants');
  if (!others.ok) return others;
  const participants = others.value.slugs.filter((s) => !cities.slugs.includes(s));
  const times = resolveEventTimes(
    { start: input.start, end: input.end, timeZone: input.timeZone, fold: input.fold, endFold: input.endFold },
    cities.zone ?? 'UTC',
  );
  if (!times.ok) return times;
  const sources = await resolveSources(reference, input.sources ?? []);
  if (!sources.ok) return sources;
  const { citations, added } = sources.value;
  const status = input.status ?? (base.status === 'cancelled' ? 'cancelled' : 'confirmed');
  const audience = input.audience !== undefined ? input.audience : input.allianceWide ? 'all' : null;
  const record: EventRecord = {
    id: base.id,
    kind: input.kind,
    status,
    audience,
    related: input.related ?? false,
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
    sources: citations,
    created: base.created,
    updated,
    cancelledAt: status === 'cancelled' ? base.cancelledAt : null,
    ...(status === 'cancelled' && base.cancelReason !== undefined && { cancelReason: base.cancelReason }),
  };
  return ok({ record, addedSources: added });
}
