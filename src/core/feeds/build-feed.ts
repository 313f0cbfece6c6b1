/**
 * @module build-feed
 * The one feed model (a `feed` Feed) for RSS 2.0, Atom 1.0 and JSON Feed. An item announces an event: its id
 * is stable (a tag URI, RFC 4151, on the UID domain — never the event's time or the host), its dates are
 * when the entry was published and last changed, and the event's own date leads its title and content.
 */
import escapeHtml from 'escape-html';
import { Feed } from 'feed';
import { DateTime } from 'luxon';
import { isCalendarPrecision } from '../calendar/render-ics.js';
import { citationText } from '../events/citations.js';
import { eventPlaces } from '../events/event-json.js';
import { pickText } from '../events/localize.js';
import { eventCategories, eventNotes, statusPrefix } from '../events/names.js';
import { holidayNotes } from '../holidays/event-holidays.js';
import { words } from '../i18n/catalogue.js';
import type { City, EventRecord, Lang, SourceCatalogue } from '../model.js';
import { eventCalendarPath, eventPagePath } from '../site-paths.js';
import { withoutUnsafeCharacters } from '../text/safe-text.js';
import { describeEventTime, formatDate, formatLiteral, placeName, sidesOf, untilText } from '../time/event-time-text.js';
import { zoneFor } from '../time/intl-offset-zone.js';
import { earliestInstant, precisionOf } from '../time/wall-time.js';

export interface FeedMeta {
  readonly lang: Lang;
  readonly title: string;
  readonly uidDomain: string;
  readonly publicUrl: string;
  /** The HTML page the feed stands for (`<link rel="alternate">`). */
  readonly pageUrl: string;
  /** Each format's own URL (`rel="self"`), with the same query. */
  readonly feedLinks: { readonly rss: string; readonly atom: string; readonly json: string };
  /** The feed's own date when it has no items: the data's last change, never the clock. */
  readonly emptyUpdated: string;
  /** The source catalogue, for the citations in item content. */
  readonly sources: SourceCatalogue;
  /** The cities by slug, for the holidays on an event's days. */
  readonly cities: ReadonlyMap<string, Pick<City, 'country' | 'subdivision'>>;
  /** Told of each event left out because it cannot be rendered. */
  readonly onLeftOut?: (id: string, error: unknown) => void;
  /**
   * The feed's canonical name (`/cities/koeln/feed.plenary.de.atom`: resolved city, kinds, language, format),
   * the same for every spelling of the feed. Item ids carry it (itemId).
   */
  readonly feedKey: string;
}

/**
 * The id of an event's item in one feed: a tag URI (RFC 4151) on the UID domain with the event id and the
 * feed's canonical name, `tag:isa-calendar.invalid,2016:event:isa-plenary-2018/cities/koeln/feed.de.atom`. It
 * never changes when the event moves, is edited or cancelled, nor with the host; and it differs between feeds,
 * because readers such as newsboat keep an id in one feed only, so an event in Köln's feed and in the feed of
 * all events must have two.
 */
export function itemId(uidDomain: string, id: string, feedKey: string): string {
  return `tag:${uidDomain},2016:event:${id}${feedKey}`;
}

/**
 * The event's date as a title prefix, at its precision: "24.10.2018", "Juli 2018", "bis 02.11.2018"; for a
 * timed event whose date differs on the other side, both: "24.10.2027 (Deutschland: 23.10.2027)".
 */
export function titleDate(event: EventRecord, lang: Lang): string {
  const first = event.start ?? event.end;
  if (!first) return '';
  if (precisionOf(first.value) === 'minute') {
    const t = words(lang).time;
    const instant = earliestInstant(first, event.timeZone);
    const own = DateTime.fromMillis(instant, { zone: zoneFor(event.timeZone) });
    const others = sidesOf(event.timeZone)
      .slice(1)
      .map((zone) => DateTime.fromMillis(instant, { zone: zoneFor(zone) }))
      .filter((dt) => dt.toISODate() !== own.toISODate())
      .map((dt) => `${placeName(dt.zoneName ?? '', lang)}${t.colon}${formatDate(dt, lang)}`);
    return others.length ? `${formatDate(own, lang)}${t.open}${others.join(t.comma)}${t.close}` : formatDate(own, lang);
  }
  const text = formatLiteral(first, lang);
  return event.start ? text : untilText(text, lang);
}

const clean = (text: string) => withoutUnsafeCharacters(text);

/** The item's HTML: status, both-sides time (`timeText`), description, place, source and links — all text escaped. */
export function eventHtml(event: EventRecord, timeText: string, meta: Pick<FeedMeta, 'lang' | 'publicUrl' | 'sources' | 'cities'>): string {
  const { lang } = meta;
  const w = words(lang).event;
  const p = (html: string) => `<p>${html}</p>`;
  const e = (text: string) => escapeHtml(clean(text));
  const page = `${meta.publicUrl}${eventPagePath(event.id, lang)}`;
  const description = pickText(event.description, lang);
  const parts = [
    event.status === 'cancelled' ? p(`<strong>${e(w.cancelled)}</strong>`) : '',
    p(e(timeText)),
    ...eventNotes(event, lang).map((note) => p(e(note))),
    description ? p(e(description.text).replace(/\n/g, '<br>')) : '',
    event.location ? p(`${e(w.place)}${e(event.location)}`) : '',
    ...holidayNotes(event, eventPlaces(event, meta.cities), lang).map((note) => p(e(note))),
    event.url ? p(`${e(w.more)}<a href="${escapeHtml(event.url)}">${e(event.url)}</a>`) : '',
    ...event.sources.map((c) => citationText(c, meta.sources)).map((text) => (text ? p(`${e(w.source)}${e(text)}`) : '')),
    p(
      `<a href="${escapeHtml(page)}">${e(w.details.replace(/[:：]\s*$/, ''))}</a>` +
        // Only events with a calendar entry have a download: no link to a document that does not exist.
        (isCalendarPrecision(event)
          ? ` · <a href="${escapeHtml(`${meta.publicUrl}${eventCalendarPath(event.id, lang)}`)}">${e(w.calendarFile)}</a>`
          : ''),
    ),
  ];
  return parts.join('');
}

/** The feed model for events already in feed order. */
export function buildFeed(events: readonly EventRecord[], meta: FeedMeta): Feed {
  const { lang } = meta;
  // ISO-8601 UTC strings order as their instants.
  // Items first, each on its own: an event that cannot be rendered is left out and reported, not the feed.
  const items: Array<{ event: EventRecord; item: Parameters<Feed['addItem']>[0] }> = [];
  for (const event of events) {
    try {
      const title = pickText(event.title, lang);
      const timeText = describeEventTime(event, lang);
      const item = {
        title: clean(`${titleDate(event, lang)} · ${statusPrefix(event.status, lang)}${title?.text ?? event.id}`),
        id: itemId(meta.uidDomain, event.id, meta.feedKey),
        guid: itemId(meta.uidDomain, event.id, meta.feedKey),
        link: `${meta.publicUrl}${eventPagePath(event.id, lang)}`,
        date: new Date(event.updated),
        published: new Date(event.created),
        description: escapeHtml(clean(timeText)),
        content: eventHtml(event, timeText, meta),
        category: eventCategories(event, lang),
      };
      if (Number.isNaN(item.date.getTime()) || Number.isNaN(item.published.getTime())) throw new RangeError('no valid change dates');
      items.push({ event, item });
    } catch (error) {
      meta.onLeftOut?.(event.id, error);
    }
  }
  // ISO-8601 UTC strings order as their instants.
  let updated = '';
  for (const { event } of items) if (event.updated > updated) updated = event.updated;
  const feed = new Feed({
    id: `${meta.feedLinks.atom}`,
    title: clean(meta.title),
    description: words(lang).site.feedDescription,
    link: meta.pageUrl,
    language: lang,
    // From the data, never the clock: unchanged data gives identical bytes.
    updated: new Date(updated || meta.emptyUpdated),
    generator: 'isa-calendar',
    feedLinks: meta.feedLinks,
    ttl: 60,
    author: { name: 'ISA calendar', link: meta.publicUrl },
  });
  for (const { item } of items) feed.addItem(item);
  return feed;
}
