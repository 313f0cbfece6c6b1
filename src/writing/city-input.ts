/**
 * @module city-input
 * A city as the secretariat writes it (the editor's city form): the schema, and the checks a city must pass
 * against the others (docs/interface.md, Cities): names that no other city has, a subdivision of its country,
 * a known parent, membership periods whose dates exist and do not overlap, sources of the catalogue.
 */
import * as z from 'zod/mini';
import { nameKey } from '../core/cities/name-key.js';
import { type City, COUNTRIES, END_REASONS, LANGS, MEMBERSHIP_STATUSES } from '../core/model.js';
import { fail, ok, type Result } from '../core/result.js';
import { checkWallTime, earliestInstant } from '../core/time/wall-time.js';
import { BERLIN, resolveZone, SHANGHAI } from '../core/time/zones.js';
import type { ReferenceData } from '../documents/reference-data.js';
import { text, type WriteFailure } from './event-input.js';

const slug = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a slug is a–z, 0–9 and single hyphens'), z.maxLength(60));
const periodDate = z.string().check(z.regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'a year, a month or a day: 2017, 2017-10, 2017-10-13'));
const name = text(100).check(z.minLength(1));

/** A membership period as written. */
const membershipInput = z.strictObject({
  status: z.enum(MEMBERSHIP_STATUSES),
  from: periodDate,
  to: z.optional(periodDate),
  endReason: z.optional(z.enum(END_REASONS)),
  admittedAt: z.optional(text(200)),
  sources: z.optional(
    z.array(z.strictObject({ ref: z.string().check(z.maxLength(64)), note: z.optional(text(1000)) })).check(z.maxLength(20)),
  ),
});

/** A city as written. */
export const cityInputSchema = z.strictObject({
  slug,
  name: z.strictObject({ de: name, en: name, zh: name }),
  nameZhUncertain: z.optional(z.boolean()),
  aliases: z.optional(z.array(name).check(z.maxLength(30))),
  country: z.enum(COUNTRIES),
  subdivision: z.optional(z.nullable(z.string().check(z.regex(/^(?:DE|CN)-[A-Z0-9]{1,3}$/, 'an ISO 3166-2 code such as DE-NW or CN-GD')))),
  timeZone: z.optional(text(64)),
  parent: z.optional(z.nullable(slug)),
  note: z.optional(z.nullable(text(2000))),
  memberships: z.array(membershipInput).check(z.maxLength(20)),
});

export type CityInput = z.infer<typeof cityInputSchema>;

const failure = (field: string, message: string): Result<never, WriteFailure> => fail({ code: 'invalid_input', field, message });

/** A valid input as the city to store, checked against the other cities, or the field at fault. */
export function cityFromInput(reference: ReferenceData, input: CityInput, before: City | null): Result<City, WriteFailure> {
  if (before && before.slug !== input.slug) return failure('slug', 'a city keeps its slug (addresses and subscriptions use it)');
  if (!before && reference.cities.some((c) => c.slug === input.slug)) return failure('slug', `a city "${input.slug}" exists`);
  if (input.subdivision && !input.subdivision.startsWith(`${input.country}-`))
    return failure('subdivision', `a subdivision of ${input.country} starts with ${input.country}-`);
  const timeZone = input.timeZone ? resolveZone(input.timeZone) : input.country === 'DE' ? BERLIN : SHANGHAI;
  if (!timeZone) return failure('timeZone', `"${input.timeZone}" is neither an IANA time zone nor a known alias`);
  const parent = input.parent ?? null;
  if (parent !== null && (parent === input.slug || !reference.cities.some((c) => c.slug === parent)))
    return failure('parent', `no other city "${parent}"`);
  const spellings: Array<[string, string]> = [
    ...LANGS.map((lang): [string, string] => [`name.${lang}`, input.name[lang]]),
    ...(input.aliases ?? []).map((alias, i): [string, string] => [`aliases.${i}`, alias]),
  ];
  for (const [field, spelling] of spellings) {
    const other = reference.cityByKey.get(nameKey(spelling));
    if (other && other.slug !== input.slug) return failure(field, `"${spelling}" names ${other.name.en} already`);
  }
  let previousEnd = Number.NEGATIVE_INFINITY;
  for (const [i, period] of input.memberships.entries()) {
    for (const side of ['from', 'to'] as const) {
      const value = period[side];
      if (value !== undefined && !checkWallTime(value, timeZone).ok) return failure(`memberships.${i}.${side}`, `${value} is not a date`);
    }
    const start = earliestInstant({ value: period.from, fold: 0 }, timeZone);
    const end = period.to === undefined ? null : earliestInstant({ value: period.to, fold: 0 }, timeZone);
    if (end !== null && end <= start) return failure(`memberships.${i}.to`, 'a period ends after it begins');
    if (start < previousEnd) return failure(`memberships.${i}.from`, 'periods follow one another, oldest first, without overlapping');
    if (period.endReason && period.to === undefined) return failure(`memberships.${i}.endReason`, 'only a period that ended has a reason');
    if (end === null && i < input.memberships.length - 1) return failure(`memberships.${i}.to`, 'only the last period may be open');
    for (const [j, citation] of (period.sources ?? []).entries())
      if (!reference.sources.has(citation.ref))
        return failure(`memberships.${i}.sources.${j}`, `no source "${citation.ref}" in the catalogue`);
    previousEnd = end ?? Number.POSITIVE_INFINITY;
  }
  return ok({
    slug: input.slug,
    name: input.name,
    nameZhUncertain: input.nameZhUncertain ?? false,
    aliases: input.aliases ?? [],
    country: input.country,
    subdivision: input.subdivision ?? null,
    timeZone,
    memberships: input.memberships.map((m) => ({
      status: m.status,
      from: m.from,
      ...(m.to !== undefined && { to: m.to }),
      ...(m.endReason !== undefined && { endReason: m.endReason }),
      ...(m.admittedAt !== undefined && m.admittedAt !== '' && { admittedAt: m.admittedAt }),
      sources: (m.sources ?? []).map((c) => ({ ref: c.ref, ...(c.note !== undefined && { note: c.note }) })),
    })),
    parent,
    note: input.note ?? null,
    revision: before ? before.revision + 1 : 1,
  });
}
