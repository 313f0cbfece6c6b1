/**
 * @module query
 * Query parameters shared by listings: language, kinds, city, zone.
 */
import { EVENT_KINDS, type EventKind, type Lang } from '../core/model.js';
import { resolveZone } from '../core/time/zones.js';
import { type CityRef, findCity } from '../storage/cities-repository.js';
import type { Store } from '../storage/store.js';
import { parseDocumentName } from './document-names.js';
import { ApiError } from './errors.js';
import { documentQuery } from './query-schemas.js';
import { parseInput } from './validate.js';

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

/**
 * The city part of a kept document's key, before the city is resolved (resolving costs a query, and a kept
 * document must be found without one): spellings that differ only in case or Unicode form share a document.
 */
export function cityKeyPart(name: string): string {
  return name.normalize('NFC').toLowerCase();
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

/**
 * The variant of a calendar or feed: from its file name (`feed.plenary.en.atom`) and, for what the name
 * leaves open, from `?lang=` and `?kind=`; German and all kinds by default.
 */
export function documentParams(file: string, query: Record<string, string>): { ext: string; lang: Lang; kinds: EventKind[] | undefined } {
  const name = parseDocumentName(file);
  if (!name) throw new ApiError('not_found', `no document is named "${file}"`);
  const q = parseInput(documentQuery, query, 'query');
  return { ext: name.ext, lang: name.lang ?? langOf(q.lang), kinds: name.kinds ?? parseKinds(q.kind) };
}
