/**
 * @module views/components
 * Pieces of the pages: event lists with both-sides times, the subscribe and download boxes, the help text,
 * the city directory, the sources. Every internal link is a static path (core/site-paths.ts).
 */
import { html } from 'hono/html';
import type { AddLinks } from '../../core/events/add-links.js';
import { citationText } from '../../core/events/citations.js';
import { pickText } from '../../core/events/localize.js';
import { words } from '../../core/i18n/catalogue.js';
import type { City, EventRecord, Lang, SourceCatalogue } from '../../core/model.js';
import { cityPagePath, eventCalendarPath, eventPagePath } from '../../core/site-paths.js';
import { describeEventTime, describeInZone } from '../../core/time/event-time-text.js';
import { documentFileName } from '../document-names.js';
import { renderEach } from '../left-out.js';

/** Display name of a city slug, falling back to the slug. */
export type CityNames = (slug: string) => string;

/** "Ort: Foshan" with the language's own colon (full-width in Chinese). */
function labelled(label: string, value: unknown, lang: Lang) {
  return html`${label}${words(lang).time.colon}${value}`;
}

/** A status badge, or nothing for a confirmed event. */
function badge(event: EventRecord, lang: Lang) {
  const w = words(lang).event;
  if (event.status === 'cancelled') return html`<span class="badge">${w.cancelled}</span>`;
  if (event.status === 'tentative') return html`<span class="badge tentative">${w.tentative}</span>`;
  return '';
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
<div class="what">${badge(event, lang)}<a href="${eventPagePath(event.id, lang)}" lang="${title?.lang ?? lang}">${title?.text ?? event.id}</a></div>
<div class="when">${describeEventTime(event, lang)}</div>
${yourTime(event, lang, zone)}
<div class="when">${labelled(w.where, event.cities.map(cityName).join(sep), lang)}${event.participants.length ? html` · ${labelled(w.participants, event.participants.map(cityName).join(sep), lang)}` : ''}</div>
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
}

/** The subscribe URLs of the calendar at `base` (the site, or a city path), in a language. */
export function subscribeLinks(publicUrl: string, base: string, lang: Lang, name: string): SubscribeLinks {
  const https = `${publicUrl}${base}/${documentFileName('calendar', 'ics', lang)}`;
  const webcal = https.replace(/^https?:/, 'webcal:');
  const add = (host: string) => `https://${host}/calendar/0/addfromweb?url=${encodeURIComponent(https)}&name=${encodeURIComponent(name)}`;
  const feed = (format: 'rss' | 'atom' | 'json', type: string, label: string) => ({
    type,
    title: `${name} (${label})`,
    href: `${publicUrl}${base}/${documentFileName('feed', format, lang)}`,
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
  };
}

/**
 * The subscribe block. The new Outlook for Windows drops `webcal:` and Outlook.com needs `https`, so the
 * Outlook.com / Microsoft 365 links and the https address lead; `webcal://` is for classic Outlook and Apple.
 */
export function subscribeBlock(links: SubscribeLinks, lang: Lang) {
  const w = words(lang).pages;
  return html`<section class="box" aria-labelledby="subscribe"><h2 id="subscribe">${w.subscribe}</h2>
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
</section>`;
}

/** The download box of an event page: the .ics and the add links, or why there is none. */
export function downloadBlock(event: EventRecord, lang: Lang, add: AddLinks | null) {
  const w = words(lang).pages;
  // A cancelled event is not offered for adding: only its state is.
  const content =
    event.status === 'cancelled'
      ? html`<p>${w.cancelledNotice}</p>`
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

/** Cities grouped: German members, Chinese members, other venues. */
export function cityDirectory(cities: readonly City[], lang: Lang) {
  const w = words(lang).pages;
  const group = (heading: string, list: readonly City[]) =>
    html`<h3>${heading}</h3><ul class="cities">${list.map((c) => html`<li><a href="${cityPagePath(c.slug, lang)}">${c.name[lang]}</a></li>`)}</ul>`;
  return html`<section aria-labelledby="cities"><h2 id="cities">${w.cities}</h2>
${group(
  w.germanMembers,
  cities.filter((c) => c.member && c.country === 'DE'),
)}
${group(
  w.chineseMembers,
  cities.filter((c) => c.member && c.country === 'CN'),
)}
${group(
  w.venues,
  cities.filter((c) => !c.member),
)}</section>`;
}

/** An event's sources: each catalogue entry (linked where it has an address) with the note on what it gives. */
export function sourceList(event: EventRecord, lang: Lang, catalogue: SourceCatalogue) {
  const cited = event.sources.flatMap((c) => {
    const entry = catalogue.get(c.ref);
    const text = citationText(c, catalogue);
    return entry && text ? [{ entry, text, note: c.note }] : [];
  });
  if (cited.length === 0) return '';
  const label = words(lang).event.source.replace(/[:：]\s*$/, '');
  return html`<section aria-labelledby="sources"><h2 id="sources">${label}</h2><ul class="sources">${cited.map(
    ({ entry, text, note }) =>
      html`<li>${entry.url ? html`<a href="${entry.url}" rel="noopener">${text}</a>` : text}${note ? html`<br><span class="note" lang="en">${note}</span>` : ''}</li>`,
  )}</ul></section>`;
}
