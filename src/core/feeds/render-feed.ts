/**
 * @module render-feed
 * One renderer per format over the one feed model. `feed` 6.0.0 writes RSS 2.0 and Atom 1.0 as needed
 * (CDATA for item text, `atom:link rel="self"`); small adapters add what it lacks: Atom entry titles as plain
 * text and `xml:lang` on the Atom feed (RFC 4287 §3.1.1, §2), both changed with an XML library, and JSON Feed
 * version 1.1 (version URL, `authors`, `language`) where it writes version 1. Item titles are plain text in
 * every format (readers show RSS titles as text); item content is HTML.
 */
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import type { Feed } from 'feed';
import type { Lang } from '../model.js';

export const FEED_FORMATS = ['rss', 'atom', 'json'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

// Parsed and built with order, CDATA and comments kept, so only what the adapter changes differs.
const XML_TREE = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  cdataPropName: '#cdata',
  commentPropName: '#comment',
  processEntities: true,
  suppressEmptyNode: true,
} as const;
const atomParser = new XMLParser({ ...XML_TREE, trimValues: false });
const atomBuilder = new XMLBuilder({ ...XML_TREE, format: false });

type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

/**
 * Atom 1.0 with entry titles declared as plain text (`feed` hard-codes `type="html"`, so readers decoded
 * "Maß &amp; Grün" as markup) and the feed's language as `xml:lang` on the root element.
 */
function atom(feed: Feed, lang: Lang): string {
  const tree = atomParser.parse(feed.atom1()) as XmlNode[];
  const root = tree.find((node) => 'feed' in node);
  if (!root) throw new Error('feed wrote an Atom document without a feed element');
  root[':@'] = { ...root[':@'], '@_xml:lang': lang };
  for (const node of root.feed as XmlNode[]) {
    if (!('entry' in node)) continue;
    for (const child of node.entry as XmlNode[]) if ('title' in child) child[':@'] = { ...child[':@'], '@_type': 'text' };
  }
  return atomBuilder.build(tree) as string;
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
  if (format === 'rss') return feed.rss2();
  if (format === 'atom') return atom(feed, lang);
  return json(feed, lang);
}
