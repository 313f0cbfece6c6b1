/**
 * @module views/view-page
 * The frame of the month view, the agenda and search: the page with its heading and body, then the subscribe
 * box of the same listing and filters (so what a reader filtered is what they subscribe to), feed discovery
 * of those feeds.
 */

import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { calendarName } from '../../core/events/names.js';
import { words } from '../../core/i18n/catalogue.js';
import type { City, Lang, Selection } from '../../core/model.js';
import { subscribeBlock, subscribeLinks } from './components.js';
import { layout } from './layout.js';

export interface ViewPageInput {
  readonly lang: Lang;
  readonly heading: string;
  readonly publicUrl: string;
  /** The page's static path in each language. */
  readonly path: (lang: Lang) => string;
  readonly city: City | undefined;
  readonly selection: Selection;
  readonly body: HtmlEscapedString | Promise<HtmlEscapedString>;
}

/** A view as a whole page, its subscribe box after the body. */
export function viewPage({ lang, heading, publicUrl, path, city, selection, body }: ViewPageInput) {
  const w = words(lang);
  const name = calendarName(lang, city?.name[lang] ?? null, selection);
  const links = subscribeLinks(publicUrl, city ? `/cities/${city.slug}` : '', lang, name, selection, city);
  const meta = {
    lang,
    title: `${heading} – ${w.pages.siteTitle}`,
    description: `${w.pages.tagline}${w.time.colon}${name}`,
    publicUrl,
    path,
    feeds: links.feeds,
  };
  return layout(
    meta,
    html`${body}
${subscribeBlock(links, lang, selection.kinds || selection.audience || selection.related ? w.views.subscribeView : w.pages.subscribe)}`,
  );
}
