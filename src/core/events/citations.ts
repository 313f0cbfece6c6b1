/**
 * @module citations
 * An event's sources as people and old API clients see them: catalogue entries looked up by reference.
 */
import type { ExpandedCitationJson } from '../api/read-schemas.js';
import type { Citation, SourceCatalogue } from '../model.js';

/** One source for people: "Title (Publisher, 2018-11-01) https://…"; null when the reference is unknown. */
export function citationText(citation: Citation, catalogue: SourceCatalogue): string | null {
  const entry = catalogue.get(citation.ref);
  if (!entry) return null;
  const about = [entry.publisher, entry.date].filter(Boolean).join(', ');
  return [entry.title, about && `(${about})`, entry.url].filter(Boolean).join(' ');
}

/** A citation with its catalogue entry: `source` in event reads, kept for clients of the single-source shape. */
export function expandCitation(citation: Citation, catalogue: SourceCatalogue): ExpandedCitationJson | null {
  const entry = catalogue.get(citation.ref);
  if (!entry) return null;
  const { id: _id, ...fields } = entry;
  const present: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== null) present[key] = value;
  return { ref: citation.ref, ...present, ...(citation.note && { note: citation.note }) };
}
