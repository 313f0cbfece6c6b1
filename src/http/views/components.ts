/**
 * @module views/components
 * Pieces of the pages: event lists with both-sides times, the subscribe block, the help text.
 */
import { html } from 'hono/html';
import { citationText } from '../../core/events/citations.js';
import { pickText } from '../../core/events/localize.js';
import { words } from '../../core/i18n/catalogue.js';
import type { City, EventRecord, Lang, SourceCatalogue } from '../../core/model.js';
import { describeEventTime } from '../../core/time/event-time-text.js';
import { documentFileName } from '../document-names.js';
import { renderEach } from '../left-out.js';

/** Display name of a city slug, falling back to the slug. */
export type CityNames = (slug: string) => string;

/** One event in a list: status, date, title (linked), time on both sides, places. */
export function eventItem(event: EventRecord, lang: Lang, cityName: CityNames) {
  const w = words(lang).pages;
  const title = pickText(event.title, lang);
  const places = [...event.cities, ...event.participants].map(cityName).join(', ');
  return html`<li class="${event.status}">
<div class="what">${event.status === 'cancelled' ? html`<span class="badge">${words(lang).event.cancelled}</span>` : event.status === 'tentative' ? html`<span class="badge tentative">${words(lang).event.tentative}</span>` : ''}<a href="/events/${event.id}?lang=${lang}" lang="${title?.lang ?? lang}">${title?.text ?? event.id}</a></div>
<div class="when">${describeEventTime(event, lang)}</div>
<div class="when">${w.where}: ${places}</div>
</li>`;
}

/** A titled list of events, or a sentence when empty. */
export function eventList(heading: string, events: readonly EventRecord[], lang: Lang, cityName: CityNames, empty?: string) {
  return html`<section aria-labelledby="${headingId(heading)}"><h2 id="${headingId(heading)}">${heading}</h2>
${
  events.length
    ? html`<ul class="events">${renderEach(
        'page',
        events,
        (e) => e.id,
        (e) => eventItem(e, lang, cityName),
      )}</ul>`
    : html`<p>${empty ?? ''}</p>`
}</section>`;
}

function headingId(text: string): string {
  return `h-${[...text].map((c) => c.codePointAt(0)?.toString(36)).join('')}`;
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
  return {
    https,
    webcal,
    outlookCom: add('outlook.live.com'),
    office365: add('outlook.office.com'),
    google: `https://calendar.google.com/calendar/r?cid=${encodeURIComponent(webcal)}`,
    feeds: [
      { type: 'application/rss+xml', title: `${name} (RSS)`, href: `${publicUrl}${base}/${documentFileName('feed', 'rss', lang)}` },
      { type: 'application/atom+xml', title: `${name} (Atom)`, href: `${publicUrl}${base}/${documentFileName('feed', 'atom', lang)}` },
      {
        type: 'application/feed+json',
        title: `${name} (JSON Feed)`,
        href: `${publicUrl}${base}/${documentFileName('feed', 'json', lang)}`,
      },
    ],
  };
}

/** The subscribe block: webcal, Outlook.com, Microsoft 365, Google, the address to copy, the feeds. */
export function subscribeBlock(links: SubscribeLinks, lang: Lang) {
  const w = words(lang).pages;
  return html`<section class="box" aria-labelledby="subscribe"><h2 id="subscribe">${w.subscribe}</h2>
<p>${w.subscribeIntro}</p>
<ul>
<li><a href="${links.webcal}">${w.webcal}</a></li>
<li><a href="${links.outlookCom}" rel="noopener">${w.outlookCom}</a> · <a href="${links.office365}" rel="noopener">${w.office365}</a></li>
<li><a href="${links.google}" rel="noopener">${w.google}</a></li>
</ul>
<div class="copy"><label for="calendar-url">${w.copyUrl}</label><input id="calendar-url" type="url" readonly value="${links.https}"><button type="button" data-copy="calendar-url" data-done="${w.copied}">${w.copy}</button></div>
<p>${w.feeds}: ${links.feeds.map((f, i) => html`${i ? ' · ' : ''}<a href="${f.href}" type="${f.type}">${f.title.replace(/^.*\(/, '').replace(/\)$/, '')}</a>`)}</p>
</section>`;
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
    html`<h3>${heading}</h3><ul class="cities">${list.map((c) => html`<li><a href="/cities/${c.slug}?lang=${lang}">${c.name[lang]}</a></li>`)}</ul>`;
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
