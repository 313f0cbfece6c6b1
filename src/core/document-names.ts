/**
 * @module document-names
 * File-style names of calendars and feeds, so the same documents can be served by this app and from any
 * static host (npm run export): `calendar.ics?lang=en&kind=plenary` is also `calendar.plenary.en.ics`.
 * Grammar: `<stem>[.<kind>[+<kind>…]][.a-<audience>][.r-<related>][.<lang>].<ext>`; kinds sorted; a name
 * without a language is German.
 * The lists of feeds (OPML) name their format: `feeds[.<rss|atom|json>][.<lang>].opml`, RSS by default.
 */
import { FEED_FORMATS, type FeedFormat } from './feeds/render-feed.js';
import {
  AUDIENCES,
  type Audience,
  canonicalKinds,
  canonicalSelection,
  type EventKind,
  isEventKind,
  isLang,
  type Lang,
  RELATED_FILTERS,
  type RelatedFilter,
  type Selection,
} from './model.js';

export const DOCUMENT_EXTENSIONS = { calendar: ['ics'], feed: ['rss', 'atom', 'json'], feeds: ['opml'], changes: ['atom'] } as const;

const isFeedFormat = (part: string): part is FeedFormat => (FEED_FORMATS as readonly string[]).includes(part);
export type DocumentStem = keyof typeof DOCUMENT_EXTENSIONS;

/** Route pattern (Hono) of a document file name with the given stem. */
export function documentFilePattern(stem: DocumentStem): string {
  return `:file{${stem}(?:\\.[A-Za-z+-]+)*\\.(?:${DOCUMENT_EXTENSIONS[stem].join('|')})}`;
}

export interface DocumentName {
  readonly stem: DocumentStem;
  readonly ext: string;
  readonly lang?: Lang;
  readonly kinds?: EventKind[];
  readonly audience?: Audience;
  readonly related?: RelatedFilter;
  /** The format of the feeds an OPML list names. */
  readonly format?: FeedFormat;
}

/** Reads a file name's stem and variant parts; null when a part is not one that stem takes. */
export function parseDocumentName(file: string): DocumentName | null {
  const parts = file.split('.');
  const ext = parts.pop() ?? '';
  const stem = parts[0] as DocumentStem;
  if (!Object.hasOwn(DOCUMENT_EXTENSIONS, stem)) return null;
  let lang: Lang | undefined;
  let kinds: EventKind[] | undefined;
  let format: FeedFormat | undefined;
  let audience: Audience | undefined;
  let related: RelatedFilter | undefined;
  const listing = stem === 'calendar' || stem === 'feed';
  for (const part of parts.slice(1)) {
    const value = part.slice(2);
    if (isLang(part) && !lang) lang = part;
    else if (stem === 'feeds' && isFeedFormat(part) && !format) format = part;
    else if (listing && !kinds && part.split('+').every(isEventKind)) kinds = canonicalKinds(part.split('+').filter(isEventKind));
    else if (listing && !audience && part.startsWith('a-') && isAudience(value)) audience = value;
    else if (listing && !related && part.startsWith('r-') && isRelatedFilter(value)) related = value;
    else return null;
  }
  return {
    stem,
    ext,
    ...(lang && { lang }),
    ...(kinds && { kinds }),
    ...(audience && { audience }),
    ...(related && { related }),
    ...(format && { format }),
  };
}

const isAudience = (value: string): value is Audience => (AUDIENCES as readonly string[]).includes(value);
const isRelatedFilter = (value: string): value is RelatedFilter => (RELATED_FILTERS as readonly string[]).includes(value);

/** The canonical file name of a variant: language always, kinds sorted, the format of a list of feeds. */
export function documentFileName(stem: DocumentStem, ext: string, lang: Lang, selection: Selection = {}, format?: FeedFormat): string {
  const { kinds, audience, related } = canonicalSelection(selection);
  const parts = [format, kinds && [...kinds].sort().join('+'), audience && `a-${audience}`, related && `r-${related}`, lang].filter(
    (part): part is string => Boolean(part),
  );
  return `${stem}.${parts.join('.')}.${ext}`;
}
