/**
 * @module views/embed-view
 * The page made for an `<iframe>` on a member's website, and the snippet that embeds it. The page is light and
 * small: its own few styles, no script, no cookie, no external resource; every link opens outside the frame.
 */
import { html, raw } from 'hono/html';
import { pickText } from '../../core/events/localize.js';
import { words } from '../../core/i18n/catalogue.js';
import type { City, EventRecord, Lang } from '../../core/model.js';
import { embedPagePath, eventPagePath } from '../../core/site-paths.js';
import { describeEventTime } from '../../core/time/event-time-text.js';
import { renderEach } from '../../documents/left-out.js';
import { badges } from './components.js';

const STYLE = `body{margin:0;padding:.75rem;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","PingFang SC","Microsoft YaHei",sans-serif;color:#1a1a1a;background:#fff}
h1{font-size:1.05rem;margin:0 0 .5rem}ul{list-style:none;margin:0;padding:0}li{padding:.45rem 0;border-bottom:1px solid #ddd}
a{color:#0b5394}.when{color:#4a4a4a;font-size:.9rem}.cancelled .what{text-decoration:line-through}
.badge{display:inline-block;font-size:.75rem;font-weight:600;padding:0 .35rem;border-radius:.2rem;background:#8a1c1c;color:#fff;margin-right:.35rem}
.badge.tentative{background:#6b4e00}.badge.related{background:#4a4a4a}footer{margin-top:.6rem;font-size:.9rem}`;

export interface EmbedInput {
  readonly lang: Lang;
  readonly heading: string;
  readonly events: readonly EventRecord[];
  readonly calendarUrl: string;
  readonly siteUrl: string;
}

/** The embed page: the next events with both countries' times, a subscribe link, a link to the whole calendar. */
export function embedPage({ lang, heading, events, calendarUrl, siteUrl }: EmbedInput) {
  const w = words(lang);
  const item = (event: EventRecord) => {
    const title = pickText(event.title, lang);
    return html`<li class="${event.status}"><div class="what">${badges(event, lang)}<a href="${eventPagePath(event.id, lang)}" target="_blank" rel="noopener" lang="${title?.lang ?? lang}">${title?.text ?? event.id}</a></div><div class="when">${describeEventTime(event, lang)}</div></li>`;
  };
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>${heading} – ${w.pages.siteTitle}</title>
<style>${raw(STYLE)}</style>
</head>
<body>
<main>
<h1>${heading}</h1>
${events.length ? html`<ul>${renderEach('embed', events, (e) => e.id, item)}</ul>` : html`<p>${w.pages.noUpcoming}</p>`}
</main>
<footer><a href="${calendarUrl}" target="_blank" rel="noopener">${w.pages.subscribe} (.ics)</a> · <a href="${siteUrl}" target="_blank" rel="noopener">${w.views.embedAll}</a></footer>
</body>
</html>`;
}

/** The box of a city page with the `<iframe>` snippet of its embed, to copy. */
export function embedBlock(lang: Lang, publicUrl: string, city: City) {
  const v = words(lang).views;
  const snippet = `<iframe src="${publicUrl}${embedPagePath(lang, city.slug)}" title="${v.embedNext} – ${city.name[lang]}" width="100%" height="420" style="border:0" loading="lazy"></iframe>`;
  return html`<section class="box" aria-labelledby="embed"><h2 id="embed">${v.embedHeading}</h2>
<p>${v.embedIntro}</p>
<div class="copy"><label for="embed-code">${v.embedCode}</label><textarea id="embed-code" readonly rows="3">${snippet}</textarea><button type="button" data-copy="embed-code" data-done="${words(lang).pages.copied}">${words(lang).pages.copy}</button></div>
</section>`;
}
