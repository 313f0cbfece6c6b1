/**
 * @module query
 * Query parameters shared by listings: language, selection (kinds, audience, related items), city, zone.
 */

import { parseDocumentName } from '../core/document-names.js';
import type { FeedFormat } from '../core/feeds/render-feed.js';
import {
  type Audience,
  type City,
  canonicalKinds,
  canonicalSelection,
  EVENT_KINDS,
  type EventKind,
  isEventKind,
  type Lang,
  type RelatedFilter,
  type Selection,
} from '../core/model.js';
import { resolveZone } from '../core/time/zones.js';
import type { DocumentCache } from '../documents/document-cache.js';
import { cityNamed, referenceData } from '../documents/reference-data.js';
import type { AppDeps } from './env.js';
import { ApiError } from './errors.js';
import { documentQuery } from './query-schemas.js';
import { parseInput } from './validate.js';

/** `?kind=a,b` as the canonical list of known kinds (canonicalKinds), or a 400 naming `query.kind`. */
export function parseKinds(value: string | undefined): EventKind[] | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const kinds = value.split(',').map((k) => k.trim());
  for (const kind of kinds) {
    if (!isEventKind(kind))
      throw new ApiError('invalid_input', `unknown kind "${kind}"; kinds are ${EVENT_KINDS.join(', ')}`, 'query.kind');
  }
  return canonicalKinds(kinds.filter(isEventKind));
}

/** A zone parameter (alias or IANA name) as its canonical name, or a 400 naming the field. */
export function parseZone(value: string | undefined, field: string): string | undefined {
  if (value === undefined) return undefined;
  const zone = resolveZone(value);
  if (!zone) throw new ApiError('unknown_zone', `"${value}" is neither an IANA time zone nor a known alias`, field);
  return zone;
}

/** The city any known name or alias denotes (from the reference data, no query), or a 404 `unknown_city` naming the field. */
export async function requireCity(deps: AppDeps, cache: DocumentCache, name: string, field: string): Promise<City> {
  const city = cityNamed(await referenceData(deps, cache), name);
  if (!city) throw new ApiError('unknown_city', `no city is known as "${name}"`, field);
  return city;
}

/** The canonical selection of `?kind=`, `?audience=` and `?related=` (validated by the query schemas). */
export function parseSelection(q: {
  kind?: string | undefined;
  audience?: Audience | undefined;
  related?: RelatedFilter | undefined;
}): Selection {
  const kinds = parseKinds(q.kind);
  return canonicalSelection({
    ...(kinds && { kinds }),
    ...(q.audience && { audience: q.audience }),
    ...(q.related && { related: q.related }),
  });
}

/** The language of a request: `?lang=`, else German. */
export function langOf(lang: Lang | undefined): Lang {
  return lang ?? 'de';
}

/**
 * The variant of a calendar or feed: from its file name (`feed.plenary.a-DE.en.atom`) and, for what the name
 * leaves open, from `?lang=`, `?kind=`, `?audience=` and `?related=`; German and everything by default.
 */
export function documentParams(
  file: string,
  query: Record<string, string>,
): { ext: string; lang: Lang; selection: Selection; format: FeedFormat | undefined } {
  const name = parseDocumentName(file);
  if (!name) throw new ApiError('not_found', `no document is named "${file}"`);
  const q = parseInput(documentQuery, query, 'query');
  // Calendars and feeds show both countries' times and clients convert: `?tz` changes nothing, but a zone that
  // is not one answers 400, never silently ignored.
  parseZone(q.tz, 'query.tz');
  const asked = parseSelection(q);
  const selection = canonicalSelection({
    ...((name.kinds ?? asked.kinds) && { kinds: name.kinds ?? asked.kinds }),
    ...((name.audience ?? asked.audience) && { audience: name.audience ?? asked.audience }),
    ...((name.related ?? asked.related) && { related: name.related ?? asked.related }),
  });
  return { ext: name.ext, lang: name.lang ?? langOf(q.lang), selection, format: name.format };
}
