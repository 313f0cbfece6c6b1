/**
 * @module document-names
 * File-style names of calendars and feeds, so the same documents can be served by this app and from any
 * static host (npm run export): `calendar.ics?lang=en&kind=plenary` is also `calendar.plenary.en.ics`.
 * Grammar: `<stem>[.<kind>[+<kind>…]][.<lang>].<ext>`; kinds sorted; a name without a language is German.
 */
import { canonicalKinds, type EventKind, isEventKind, isLang, type Lang } from '../core/model.js';

export const DOCUMENT_EXTENSIONS = { calendar: ['ics'], feed: ['rss', 'atom', 'json'], feeds: ['opml'] } as const;
export type DocumentStem = keyof typeof DOCUMENT_EXTENSIONS;

/** Route pattern (Hono) of a document file name with the given stem. */
export function documentFilePattern(stem: DocumentStem): string {
  return `:file{${stem}(?:\\.[a-z+-]+)*\\.(?:${DOCUMENT_EXTENSIONS[stem].join('|')})}`;
}

export interface DocumentName {
  readonly ext: string;
  readonly lang?: Lang;
  readonly kinds?: EventKind[];
}

/** Reads the variant parts of a file name; null when a part is neither a language nor kinds. */
export function parseDocumentName(file: string): DocumentName | null {
  const parts = file.split('.');
  const ext = parts.pop() ?? '';
  let lang: Lang | undefined;
  let kinds: EventKind[] | undefined;
  for (const part of parts.slice(1)) {
    if (isLang(part) && !lang) lang = part;
    else if (!kinds && part.split('+').every(isEventKind)) kinds = canonicalKinds(part.split('+').filter(isEventKind));
    else return null;
  }
  return { ext, ...(lang && { lang }), ...(kinds && { kinds }) };
}

/** The canonical file name of a variant: language always, kinds sorted. */
export function documentFileName(stem: DocumentStem, ext: string, lang: Lang, kinds?: readonly string[]): string {
  const kindPart = kinds?.length ? `.${[...kinds].sort().join('+')}` : '';
  return `${stem}${kindPart}.${lang}.${ext}`;
}
