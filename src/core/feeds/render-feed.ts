/**
 * @module render-feed
 * One renderer per format over the one feed model. `feed` 6.0.0 writes RSS 2.0 and Atom 1.0 as needed
 * (CDATA for item text, `atom:link rel="self"`); small adapters add what it lacks: HTML-escaped item titles
 * in the XML formats, `xml:lang` on the Atom feed (RFC 4287 §2) and JSON Feed version 1.1 (version URL,
 * `authors`, `language`) where it writes version 1.
 */
import escapeHtml from 'escape-html';
import { Feed } from 'feed';
import type { Lang } from '../model.js';

export const FEED_FORMATS = ['rss', 'atom', 'json'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

const ATOM_ROOT = '<feed xmlns="http://www.w3.org/2005/Atom">';

/**
 * The model's item titles are plain text; `feed` writes them as Atom `type="html"` (RFC 4287 §3.1.1.2) and
 * into RSS, where readers decode entities, so for both XML formats they are HTML-escaped first.
 */
function withHtmlTitles(feed: Feed): Feed {
  const copy = new Feed(feed.options);
  for (const item of feed.items) copy.addItem({ ...item, title: escapeHtml(item.title) });
  return copy;
}

/** Atom 1.0 with the feed's language as `xml:lang` on the root element. */
function atom(feed: Feed, lang: Lang): string {
  const xml = withHtmlTitles(feed).atom1();
  if (!xml.includes(ATOM_ROOT)) throw new Error('feed wrote an unexpected Atom root element');
  return xml.replace(ATOM_ROOT, `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">`);
}

type JsonAuthor = { name?: string; url?: string; avatar?: string };

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): `authors` arrays replace `author`, plus `language`. */
function json(feed: Feed, lang: Lang): string {
  const doc = JSON.parse(feed.json1()) as Record<string, unknown> & {
    author?: JsonAuthor;
    items: Array<Record<string, unknown> & { author?: JsonAuthor }>;
  };
  const { author, items, version: _v1, ...rest } = doc;
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    ...rest,
    language: lang,
    ...(author && { authors: [author] }),
    items: items.map(({ author: itemAuthor, ...item }) => ({ ...item, ...(itemAuthor && { authors: [itemAuthor] }) })),
  });
}

/** The feed in one format. */
export function renderFeed(feed: Feed, format: FeedFormat, lang: Lang): string {
  if (format === 'rss') return withHtmlTitles(feed).rss2();
  if (format === 'atom') return atom(feed, lang);
  return json(feed, lang);
}
