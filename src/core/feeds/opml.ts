/**
 * @module opml
 * OPML 2.0 (http://opml.org/spec2.opml) listing feeds, for importing them into a reader at once. Written with
 * fast-xml-parser's builder, which escapes text and attribute values.
 */
import { XMLBuilder } from 'fast-xml-parser';

export interface OpmlFeed {
  readonly title: string;
  readonly xmlUrl: string;
  readonly htmlUrl: string;
  readonly language: string;
}

export interface OpmlGroup {
  readonly title: string;
  readonly feeds: readonly OpmlFeed[];
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true });

/** An OPML document; `dateModified` comes from the data, never the clock. */
export function renderOpml(title: string, dateModified: string, groups: readonly OpmlGroup[]): string {
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' },
    opml: {
      '@_version': '2.0',
      head: { title, dateModified: new Date(dateModified).toUTCString() },
      body: {
        outline: groups.map((group) => ({
          '@_text': group.title,
          '@_title': group.title,
          outline: group.feeds.map((f) => ({
            '@_type': 'rss',
            '@_text': f.title,
            '@_title': f.title,
            '@_xmlUrl': f.xmlUrl,
            '@_htmlUrl': f.htmlUrl,
            '@_language': f.language,
          })),
        })),
      },
    },
  }) as string;
}
