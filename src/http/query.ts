/**
 * @module query
 * Query parameters shared by listings: language, kinds, city, zone.
 */
import * as z from 'zod/mini';
import { EVENT_KINDS, LANGS, type EventKind, type Lang } from '../core/model.js';
import { resolveZone } from '../core/time/zones.js';
import { type CityRef, findCity } from '../storage/cities-repository.js';
import type { Store } from '../storage/store.js';
import { ApiError } from './errors.js';
import { parseInput } from './validate.js';

export const langParam = z.optional(z.enum(LANGS));

/** `?kind=a,b` as a list of known kinds, or a 400 naming `query.kind`. */
export function parseKinds(value: string | undefined): EventKind[] | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const kinds = value.split(',').map((k) => k.trim());
  for (const kind of kinds) {
    if (!(EVENT_KINDS as readonly string[]).includes(kind)) {
      throw new ApiError('invalid_input', `unknown kind "${kind}"; kinds are ${EVENT_KINDS.join(', ')}`, 'query.kind');
    }
  }
  return kinds as EventKind[];
}

/** A zone parameter (alias or IANA name) as its canonical name, or a 400 naming the field. */
export function parseZone(value: string | undefined, field: string): string | undefined {
  if (value === undefined) return undefined;
  const zone = resolveZone(value);
  if (!zone) throw new ApiError('unknown_zone', `"${value}" is neither an IANA time zone nor a known alias`, field);
  return zone;
}

/** The city any known name or alias denotes, or a 404 `unknown_city` naming the field. */
export async function requireCity(store: Store, name: string, field: string): Promise<CityRef> {
  const ref = await findCity(store.db, name);
  if (!ref) throw new ApiError('unknown_city', `no city is known as "${name}"`, field);
  return ref;
}

/** The language of a request: `?lang=`, else German. */
export function langOf(lang: Lang | undefined): Lang {
  return lang ?? 'de';
}

const collectionQuery = z.object({ lang: langParam, kind: z.optional(z.string().check(z.maxLength(300))) });

/** `?lang=` and `?kind=` of a collection (calendar, feed), validated. */
export function collectionParams(query: Record<string, string>): { lang: Lang; kinds: EventKind[] | undefined } {
  const q = parseInput(collectionQuery, query, 'query');
  return { lang: langOf(q.lang), kinds: parseKinds(q.kind) };
}

/** The canonical query of a collection URL: `?lang=de`, plus `&kind=a,b` when filtered. */
export function canonicalQuery(lang: Lang, kinds: readonly string[] | undefined): string {
  return `?lang=${lang}${kinds?.length ? `&kind=${kinds.join(',')}` : ''}`;
}
