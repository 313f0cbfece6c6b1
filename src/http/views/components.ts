/**
 * @module views/components
 * Pieces of the pages: event lists with both-sides times, the subscribe and download boxes, the help text,
 * the city directory, the sources. Every internal link is a static path (core/site-paths.ts).
 */
import { html } from 'hono/html';
import { holidayCalendarName, holidayCalendarPath, holidayRegionsFor } from '../../core/calendar/holiday-calendar.js';
import { cityGroups } from '../../core/cities/membership.js';
import { documentFileName } from '../../core/document-names.js';
import type { AddLinks } from '../../core/events/add-links.js';
import { citationText } from '../../core/events/citations.js';
import { pickText } from '../../core/events/localize.js';
import { holidayNotes } from '../../core/holidays/event-holidays.js';
import type { HolidayPlace } from '../../core/holidays/holidays.js';
import { words } from '../../core/i18n/catalogue.js';
import type { Citation, City, EventRecord, Lang, Membership, Selection, SourceCatalogue } from '../../core/model.js';
import { cityPagePath, eventCalendarPath, eventPagePath } from '../../core/site-paths.js';
import { describeEventTime, describeInZone, formatLiteral } from '../../core/time/event-time-text.js';
import { renderEach } from '../../documents/left-out.js';
import { qrCode } from './qr-code.js';

/** Display name of a city slug, falling back to the slug. */
/** What a list of events needs of the cities: their names, and an event's places (for its holidays). */
export interface CityNames {
  readonly name: (slug: string) => string;
  readonly places: (event: Pick<EventRecord, 'cities' | 'participants'>) => HolidayPlace[];
}

/** The holidays an event falls on, as a list under it; nothing where there are none. */
export function holidayBlock(event: EventRecord, lang: Lang, places: readonly HolidayPlace[]) {
  const notes = holidayNotes(event, places, lang);
  return notes.length
    ? html`<div class="holidays"><span class="label">${words(lang).holidays.onTheseDays}${words(lang).time.colon}</span><ul>${notes.map((n) => html`<li>${n}</li>`)}</ul></div>`
    : '';
}

/** "Ort: Foshan" with the language's own colon (full-width in Chinese). */
function labelled(label: string, value: unknown, lang: Lang) {
  return html`${label}${words(lang).time.colon}${value}`;
}

/** Badges of an event: its status unless confirmed, and whether it is a related item rather than an ISA event. */
export function badges(event: EventRecord, lang: Lang) {
  const w = words(lang).event;
  const status =
    event.status === 'cancelled'
      ? html`<span class="badge">${w.cancelled}</span>`
      : event.status === 'tentative'
        ? html`<span class="badge tentative">${w.tentative}</span>`
        : '';
  return html`${status}${event.related ? html`<span class="badge related">${w.related}</span>` : ''}`;
}

/** Whom an alliance-wide event is for ("Für: deutsche Mitglieder"), or nothing. */
export function audienceLine(event: EventRecord, lang: Lang) {
  const w = words(lang);
  return event.audience ? html`<p class="audience">${w.event.audience}${w.selection.audiences[event.audience]}</p>` : '';
}

/** The "your time" line of a timed event in the zone the reader asked for, or nothing. */
export function yourTime(event: EventRecord, lang: Lang, zone: string | undefined) {
  const text = zone ? describeInZone(event, zone, lang) : null;
  return text ? html`<div class="when your-time">${labelled(`${words(lang).pages.yourTime} (${zone})`, text, lang)}</div>` : '';
}

/** One event in a list: status, title (linked), time on both sides, where it takes place, who takes part. */
export function eventItem(event: EventRecord, lang: Lang, cityName: CityNames, zone?: string) {
  const w = words(lang).pages;
  const title = pickText(event.title, lang);
  const sep = words(lang).time.comma;
  return html`<li class="${event.status}">
<div class="what">${badges(event, lang)}<a href="${eventPagePath(event.id, lang)}" lang="${title?.lang ?? lang}">${title?.text ?? event.id}</a></div>
<div class="when">${describeEventTime(event, lang)}</div>
${yourTime(event, lang, zone)}
<div class="when">${labelled(w.where, event.cities.map(cityName.name).join(sep), lang)}${event.participants.length ? html` · ${labelled(w.participants, event.participants.map(cityName.name).join(sep), lang)}` : ''}</div>
${holidayBlock(event, lang, cityName.places(event))}
</li>`;
}

/** A titled list of events, or a sentence when empty; an event that cannot be rendered is left out. */
export function eventList(heading: string, events: readonly EventRecord[], lang: Lang, cityName: CityNames, empty?: string, zone?: string) {
  return html`<section aria-labelledby="${headingId(heading)}"><h2 id="${headingId(heading)}">${heading}</h2>
${
  events.length
    ? html`<ul class="events">${renderEach(
        'page',
        events,
        (e) => e.id,
        (e) => eventItem(e, lang, cityName, zone),
      )}</ul>`
    : html`<p>${empty ?? ''}</p>`
}</section>`;
}

function headingId(text: string): string {
  return `h-${[...text].map((c) => c.codePointAt(0)?.toString(36)).join('')}`;
}

/** Text with its line breaks kept: one line per `<br>`, everything escaped. */
export function multiline(text: string) {
  return text.split(/\r?\n/).map((line, i) => html`${i ? html`<br>` : ''}${line}`);
}

/** URLs to subscribe to one calendar and its feeds. */
export interface SubscribeLinks {
  readonly https: string;
  readonly webcal: string;
  readonly outlookCom: string;
  readonly office365: string;
  readonly google: string;
  readonly feeds: ReadonlyArray<{ readonly type: string; readonly title: string; readonly href: string }>;
  /** The overlay calendars of public holidays beside it: the place's own and the other side's. */
  readonly holidays: ReadonlyArray<{ readonly title: string; readonly href: string }>;
}

/** The subscribe URLs of the calendar at `base` (the site, or a city path), in a language, with a view's filters. */
export function subscribeLinks(
  publicUrl: string,
  base: string,
  lang: Lang,
  name: string,
  selection: Selection = {},
  city?: Pick<City, 'country' | 'subdivision'>,
): SubscribeLinks {
  const https = `${publicUrl}${base}/${documentFileName('calendar', 'ics', lang, selection)}`;
  const webcal = https.replace(/^https?:/, 'webcal:');
  const add = (host: string) => `https://${host}/calendar/0/addfromweb?url=${encodeURIComponent(https)}&name=${encodeURIComponent(name)}`;
  const feed = (format: 'rss' | 'atom' | 'json', type: string, label: string) => ({
    type,
    title: `${name} (${label})`,
    href: `${publicUrl}${base}/${documentFileName('feed', format, lang, selection)}`,
  });
  return {
    https,
    webcal,
    outlookCom: add('outlook.live.com'),
    office365: add('outlook.office.com'),
    google: `https://calendar.google.com/calendar/r?cid=${encodeURIComponent(webcal)}`,
    feeds: [
      feed('rss', 'application/rss+xml', 'RSS'),
      feed('atom', 'application/atom+xml', 'Atom'),
      feed('json', 'application/feed+json', 'JSON Feed'),
    ],
    holidays: holidayRegionsFor(city).map((region) => ({
      title: holidayCalendarName(region, lang),
      href: `${publicUrl}${holidayCalendarPath(region, lang)}`,
    })),
  };
}

/**
 * The subscribe block. The new Outlook for Windows drops `webcal:` and Outlook.com needs `https`, so the
 * Outlook.com / Microsoft 365 links and the https address lead; `webcal://` is for classic Outlook and Apple.
 * QR codes of the calendar's and the RSS feed's https addresses serve phones (WeChat's scanner above all).
 */
export function subscribeBlock(links: SubscribeLinks, lang: Lang, heading = words(lang).pages.subscribe) {
  const w = words(lang).pages;
  const v = words(lang).views;
  const rss = links.feeds[0]?.href ?? links.https;
  return html`<section class="box subscribe" aria-labelledby="subscribe"><h2 id="subscribe">${heading}</h2>
<p>${w.subscribeIntro}</p>
<ul>
<li><a href="${links.outlookCom}" rel="noopener">${w.outlookCom}</a> · <a href="${links.office365}" rel="noopener">${w.office365}</a></li>
<li><a href="${links.google}" rel="noopener">${w.google}</a></li>
<li><a href="${links.webcal}">${w.webcal}</a></li>
</ul>
<div class="copy"><label for="calendar-url">${w.copyUrl}</label><input id="calendar-url" type="url" readonly value="${links.https}"><button type="button" data-copy="calendar-url" data-done="${w.copied}">${w.copy}</button></div>
<p>${labelled(
    w.feeds,
    links.feeds.map(
      (f, i) => html`${i ? ' · ' : ''}<a href="${f.href}" type="${f.type}">${f.title.replace(/^.*\(/, '').replace(/\)$/, '')}</a>`,
    ),
    lang,
  )}</p>
<p>${labelled(
    words(lang).holidays.subscribe,
    links.holidays.map((h, i) => html`${i ? ' · ' : ''}<a href="${h.href}" type="text/calendar">${h.title}</a>`),
    lang,
  )}</p>
<div class="qr-codes">
<figure>${qrCode(links.https, v.qrCalendar)}<figcaption>${v.qrCalendar}</figcaption></figure>
<figure>${qrCode(rss, v.qrFeed)}<figcaption>${v.qrFeed}</figcaption></figure>
<p class="hint">${v.wechatHint}</p>
</div>
</section>`;
}

/** The download box of an event page: the .ics and the add links, or why there is none. */
export function downloadBlock(event: EventRecord, lang: Lang, add: AddLinks | null) {
  const w = words(lang).pages;
  // A cancelled event is not offered for adding: only its state is.
  const content =
    event.status === 'cancelled'
      ? html`<p>${w.cancelledNotice}</p>${event.cancelReason ? html`<p>${words(lang).event.cancelReason}${event.cancelReason}</p>` : ''}`
      : add
        ? html`<ul>
<li><a href="${eventCalendarPath(event.id, lang)}" download>${w.download}</a></li>
<li><a href="${add.outlookCom}" rel="noopener">${w.addOutlook}</a> · <a href="${add.office365}" rel="noopener">${w.addOffice365}</a></li>
<li><a href="${add.google}" rel="noopener">${w.addGoogle}</a></li>
</ul>`
        : html`<p>${w.noCalendarEntry}</p>`;
  return html`<section class="box" aria-labelledby="add"><h2 id="add">${w.downloadHeading}</h2>${content}</section>`;
}

/** How subscribing works in each client, and subscribing versus downloading. */
export function helpBlock(lang: Lang) {
  const w = words(lang).pages;
  return html`<section aria-labelledby="help"><h2 id="help">${w.help}</h2><ul>${w.helpItems.map((item) => html`<li>${item}</li>`)}</ul></section>`;
}

/** Cities grouped by their standing (cityGroups). */
export function cityDirectory(cities: readonly City[], lang: Lang) {
  const w = words(lang).pages;
  return html`<section aria-labelledby="cities"><h2 id="cities">${w.cities}</h2>
${cityGroups(cities, lang).map(
  (group) =>
    html`<h3>${group.title}</h3><ul class="cities">${group.cities.map((c) => html`<li><a href="${cityPagePath(c.slug, lang)}">${c.name[lang]}</a></li>`)}</ul>`,
)}</section>`;
}

/**
 * A city's membership periods, earliest first: standing, from and to at the precision the sources give, why it
 * ended, the event it was admitted at (linked), and the sources behind each period (folded).
 */
export function membershipList(city: City, lang: Lang, catalogue: SourceCatalogue, titles: ReadonlyMap<string, string>) {
  if (city.memberships.length === 0) return '';
  const w = words(lang);
  const m = w.membership;
  const when = (value: string) => formatLiteral({ value, fold: 0 }, lang);
  const period = (p: Membership) => {
    const range = p.to === undefined ? `${m.since} ${when(p.from)}` : `${when(p.from)} – ${when(p.to)}`;
    const admitted = p.admittedAt
      ? html` · ${m.admittedAt}<a href="${eventPagePath(p.admittedAt, lang)}">${titles.get(p.admittedAt) ?? p.admittedAt}</a>`
      : '';
    const cited = citationItems(p.sources, catalogue);
    const sources = cited ? html`<details><summary>${sourcesLabel(lang)} (${cited.count})</summary>${cited.list}</details>` : '';
    return html`<li><strong>${m.statuses[p.status]}</strong> ${range}${p.endReason ? html` (${m.endReasons[p.endReason]})` : ''}${admitted}${sources}</li>`;
  };
  return html`<section aria-labelledby="membership"><h2 id="membership">${m.heading}</h2><ul class="memberships">${city.memberships.map(period)}</ul></section>`;
}

/** The heading of a list of sources, from the label that leads one ("Quelle: " → "Quelle"). */
const sourcesLabel = (lang: Lang) => words(lang).event.source.replace(/[:：]\s*$/, '');

/** Citations as a list: each catalogue entry (linked where it has an address) with the note on what it gives. */
function citationItems(citations: readonly Citation[], catalogue: SourceCatalogue) {
  const cited = citations.flatMap((c) => {
    const entry = catalogue.get(c.ref);
    const text = citationText(c, catalogue);
    return entry && text ? [{ entry, text, note: c.note }] : [];
  });
  if (cited.length === 0) return null;
  const list = html`<ul class="sources">${cited.map(
    ({ entry, text, note }) =>
      html`<li>${entry.url ? html`<a href="${entry.url}" rel="noopener">${text}</a>` : text}${note ? html`<br><span class="note" lang="en">${note}</span>` : ''}</li>`,
  )}</ul>`;
  return { count: cited.length, list };
}

/** An event's sources, or nothing. */
export function sourceList(event: EventRecord, lang: Lang, catalogue: SourceCatalogue) {
  const cited = citationItems(event.sources, catalogue);
  return cited ? html`<section aria-labelledby="sources"><h2 id="sources">${sourcesLabel(lang)}</h2>${cited.list}</section>` : '';
}
