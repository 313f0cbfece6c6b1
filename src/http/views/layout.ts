/**
 * @module views/layout
 * The page frame: language, OpenGraph preview, feed discovery, landmarks, language switcher. Everything
 * interpolated goes through hono/html, which escapes it. No external fonts or scripts (parts of China block
 * them); the styles are inline.
 */

import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { documentFileName } from '../../core/document-names.js';
import { words } from '../../core/i18n/catalogue.js';
import { LANGS, type Lang } from '../../core/model.js';
import { agendaPagePath, homePath, membersPagePath, searchPath } from '../../core/site-paths.js';
import { legalLinks } from './legal.js';

export interface PageMeta {
  readonly lang: Lang;
  readonly title: string;
  readonly description: string;
  /** The base of absolute links (PUBLIC_URL). */
  readonly publicUrl: string;
  /** The page's own static path in each language (core/site-paths.ts): language switcher, hreflang, og:url. */
  readonly path: (lang: Lang) => string;
  readonly feeds: ReadonlyArray<{ readonly type: string; readonly title: string; readonly href: string }>;
}

const OG_LOCALE: Record<Lang, string> = { de: 'de_DE', en: 'en_GB', zh: 'zh_CN' };

// One small stylesheet: system fonts (CJK ones named so Windows and phones pick a good Chinese face), contrast of
// at least 4.5:1 everywhere, a month grid that becomes a list of days on phones, print without navigation.
const STYLE = `
:root{color-scheme:light;--fg:#1b1f24;--muted:#4a5160;--line:#d5dae1;--accent:#0a4f8f;--accent-soft:#e7f0f9;--bg:#fff;--soft:#f4f6f9;--warn:#8a1c1c}
*{box-sizing:border-box}html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC","PingFang SC","Hiragino Sans GB","Microsoft YaHei",sans-serif;color:var(--fg);background:var(--bg);overflow-wrap:break-word}
a{color:var(--accent);text-underline-offset:.15em}a:hover{text-decoration-thickness:2px}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible,summary:focus-visible{outline:3px solid #c77700;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px;z-index:2}
header,main,footer{max-width:64rem;margin:0 auto;padding:1rem}
header{border-bottom:3px solid var(--accent)}header p{margin:.25rem 0;color:var(--muted)}
.site a{font-weight:700;font-size:1.15rem;text-decoration:none}.site span{display:block;font-size:.9rem}
nav ul{list-style:none;display:flex;gap:.25rem 1rem;padding:0;margin:.5rem 0;flex-wrap:wrap}
nav [aria-current]{font-weight:700;color:var(--fg)}
.views ul{gap:.5rem}.views a{display:inline-block;padding:.3rem .75rem;border:1px solid var(--line);border-radius:2rem;text-decoration:none}
.views a[aria-current]{background:var(--accent);border-color:var(--accent);color:#fff}
h1{font-size:1.7rem;line-height:1.25;margin:.5rem 0}h2{font-size:1.25rem;margin-top:2rem;padding-bottom:.2rem;border-bottom:1px solid var(--line)}
.events{list-style:none;padding:0}.events li{padding:.75rem 0;border-bottom:1px solid var(--line)}
.when{color:var(--muted);font-size:.95rem}.cancelled .what,.cancelled>a{text-decoration:line-through}
.badge{display:inline-block;font-size:.8rem;font-weight:600;padding:0 .4rem;border-radius:.25rem;background:var(--warn);color:#fff;margin-right:.4rem}
.badge.tentative{background:#6b4e00}.badge.related{background:#4a4a4a}
.box{background:var(--soft);border:1px solid var(--line);border-radius:.5rem;padding:1rem;margin:1.5rem 0}
.box h2{margin-top:0}.box ul{padding-left:1.2rem}.copy{display:flex;gap:.5rem;flex-wrap:wrap;align-items:center}
.copy input,.copy textarea{flex:1;min-width:12rem;padding:.4rem;font:inherit;font-size:.9rem}.copy label{flex-basis:100%}
button,select,input[type=search]{font:inherit;padding:.4rem .8rem;border:1px solid var(--accent);background:#fff;color:var(--accent);border-radius:.3rem}
button{cursor:pointer}input[type=search]{color:var(--fg);min-width:14rem;max-width:100%}select{color:var(--fg);max-width:100%}
.qr-codes{display:flex;gap:1rem;flex-wrap:wrap;align-items:flex-start}.qr-codes figure{margin:0;width:9.5rem;font-size:.85rem;text-align:center}
.qr{width:9.5rem;height:9.5rem;display:block;background:#fff}.hint{color:var(--muted);font-size:.9rem;flex:1;min-width:14rem}
.filters{margin:1rem 0}.filters summary{cursor:pointer;font-weight:600}.filters fieldset{border:1px solid var(--line);border-radius:.3rem;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
.site-nav{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center}.site-search{display:flex;gap:.4rem}.site-search input{min-width:10rem;width:12rem}
.search{display:flex;gap:.5rem;flex-wrap:wrap;align-items:center;margin:1rem 0}
.month-nav ul{justify-content:space-between}.year h2{font-size:1rem;border:0;margin:1rem 0 .25rem}
.year ol{list-style:none;display:grid;grid-template-columns:repeat(6,1fr);gap:.25rem;padding:0;margin:0}
.year li>*{display:block;text-align:center;padding:.25rem;border:1px solid var(--line);border-radius:.25rem}.year span{color:var(--muted)}
.year [aria-current]{background:var(--accent);color:#fff;border-color:var(--accent)}
.month-grid{width:100%;border-collapse:collapse;table-layout:fixed;margin:1rem 0}.month-grid caption{text-align:left;font-weight:600;padding:.25rem 0}
.month-grid th{font-size:.85rem;color:var(--muted);padding:.25rem;border-bottom:2px solid var(--line)}.month-grid abbr{text-decoration:none}
.month-grid td{vertical-align:top;border:1px solid var(--line);height:6.5rem;padding:.25rem;font-size:.82rem}
.month-grid td.out{background:var(--soft);color:var(--muted)}.month-grid td.today{box-shadow:inset 0 0 0 2px var(--accent)}
.month-grid .day{font-weight:600}.month-grid .wd,.month-grid .full,.today-mark{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
.month-grid ul{list-style:none;padding:0;margin:.2rem 0}.month-grid li{margin:.2rem 0;padding:.15rem .25rem;background:var(--accent-soft);border-radius:.2rem}
.month-grid li a{display:block;line-height:1.3;hyphens:auto;overflow-wrap:anywhere}.t,.other-date{display:block;color:var(--muted);font-size:.78rem}.other-date{font-style:italic}
.more{font-size:.8rem;font-weight:600}.compact li{padding:.4rem 0}
.month-grid td.holiday{background:#fdf3e7}.month-grid ul.holidays li{background:none;padding:0;margin:.1rem 0;color:#7a3e00;font-size:.76rem;overflow-wrap:anywhere}
.holidays{color:#7a3e00;font-size:.9rem;margin:.25rem 0}.holidays ul{margin:.1rem 0;padding-left:1.2rem}.holiday-key{display:inline-block;width:1rem;height:1rem;background:#fdf3e7;border:1px solid var(--line);vertical-align:-2px}
.map-legend{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;padding:0}.map-legend svg{vertical-align:-2px}
.map-panels{display:grid;grid-template-columns:repeat(auto-fit,minmax(17rem,1fr));gap:1rem}.map-panel{margin:0}.map-panel figcaption{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
.member-map{width:100%;height:auto;display:block;font-size:12px}.member-map .frame{fill:var(--soft);stroke:var(--line)}
.member-map .panel-title{font-size:16px;font-weight:700;fill:var(--fg)}.member-map text{fill:var(--fg);paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
.member-map a:focus-visible{outline:none}.member-map a:focus-visible text{fill:var(--accent);text-decoration:underline}.leader{stroke:var(--muted);stroke-width:.8}
.m-member{fill:#0a4f8f;stroke:#fff;stroke-width:1.5}.m-observer{fill:#fff;stroke:#8a5a00;stroke-width:2.5}.m-guest{fill:#2e6b30}.m-former{fill:#fff;stroke:#5a5a5a;stroke-width:2}
.member-columns{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:1rem}
.timeline{width:100%;height:auto;display:block;font-size:12px}.timeline .grid{stroke:var(--line)}.timeline .axis{fill:var(--muted)}
.timeline polyline{fill:none;stroke-width:2.5}.timeline .de{stroke:#0a4f8f}.timeline .cn{stroke:#a3261e;stroke-dasharray:6 4}.timeline text.de{fill:#0a4f8f;stroke:none}.timeline text.cn{fill:#a3261e;stroke:none}
.timeline .plenary{fill:#6b4e00}.counts{border-collapse:collapse;margin:1rem 0;font-size:.9rem}.counts th,.counts td{border-bottom:1px solid var(--line);padding:.2rem .6rem;text-align:left;overflow-wrap:anywhere}.counts{width:100%;table-layout:fixed}.counts th:first-child,.counts td:nth-child(2),.counts td:nth-child(3),.counts thead th{width:auto}
.cities{columns:14rem}.cities li{break-inside:avoid}
footer{border-top:1px solid var(--line);color:var(--muted);font-size:.9rem}
@media (max-width:40rem){h1{font-size:1.4rem}header,main,footer{padding:.75rem}
.month-grid,.month-grid caption,.month-grid tbody,.month-grid tr,.month-grid td{display:block;width:100%}.month-grid thead{display:none}
.month-grid td{height:auto;border:0;border-bottom:1px solid var(--line);padding:.5rem 0}.month-grid td:not(.has){display:none}
.month-grid .wd,.month-grid .full{position:static;width:auto;height:auto;clip-path:none}.month-grid .day>time{font-size:.95rem}
.month-grid .num{display:none}.year ol{grid-template-columns:repeat(4,1fr)}}
@media print{header nav,.skip,.filters,.views,.month-nav,.year,.qr-codes,.copy button,footer nav{display:none}
body{font-size:11pt}a{color:inherit;text-decoration:none}.box{border:0;background:none;padding:0}.month-grid td{height:auto}}
`;

// Copy buttons only; the page works without it.
const SCRIPT = `document.addEventListener('click',function(e){var b=e.target.closest&&e.target.closest('button[data-copy]');if(!b)return;var i=document.getElementById(b.getAttribute('data-copy'));if(!i)return;i.select();if(navigator.clipboard){navigator.clipboard.writeText(i.value).then(function(){b.textContent=b.getAttribute('data-done')}).catch(function(){})}});`;

/** The language switcher: each language by its own name, the current one marked, the others linked to `href`. */
export function languageNav(lang: Lang, label: string, href: (lang: Lang) => string) {
  return html`<nav aria-label="${label}"><ul>${LANGS.map((l) =>
    l === lang
      ? html`<li><strong aria-current="true" lang="${l}">${words(l).site.languageName}</strong></li>`
      : html`<li><a href="${href(l)}" lang="${l}" hreflang="${l}">${words(l).site.languageName}</a></li>`,
  )}</ul></nav>`;
}

/** The site's sections: the listing, the agenda, the members, and search (a form: it needs the server). */
function siteNav(lang: Lang) {
  const w = words(lang);
  return html`<nav class="site-nav" aria-label="${w.pages.siteTitle}"><ul>
<li><a href="${homePath(lang)}">${w.pages.upcoming}</a></li>
<li><a href="${agendaPagePath(lang)}">${w.views.agenda}</a></li>
<li><a href="${membersPagePath(lang)}">${w.views.members}</a></li>
</ul><form method="get" action="${searchPath}" role="search" class="site-search" aria-label="${w.views.search}"><input type="hidden" name="lang" value="${lang}"><input type="search" name="q" aria-label="${w.views.searchLabel}" placeholder="${w.views.search}" maxlength="200"><button type="submit">${w.views.searchButton}</button></form></nav>`;
}

/** A whole page around `body`. */
export function layout(meta: PageMeta, body: HtmlEscapedString | Promise<HtmlEscapedString>) {
  const w = words(meta.lang).pages;
  return html`<!doctype html>
<html lang="${meta.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${meta.title}</title>
<meta name="description" content="${meta.description}">
<meta property="og:type" content="website">
<meta property="og:title" content="${meta.title}">
<meta property="og:description" content="${meta.description}">
<meta property="og:url" content="${meta.publicUrl}${meta.path(meta.lang)}">
<meta property="og:locale" content="${OG_LOCALE[meta.lang]}">
<meta property="og:site_name" content="${w.siteTitle}">
${meta.feeds.map((f) => html`<link rel="alternate" type="${f.type}" title="${f.title}" href="${f.href}">\n`)}
${LANGS.map((l) => html`<link rel="alternate" hreflang="${l}" href="${meta.publicUrl}${meta.path(l)}">\n`)}
<style>${raw(STYLE)}</style>
</head>
<body>
<a class="skip" href="#content">${w.skip}</a>
<header>
<p class="site"><a href="${homePath(meta.lang)}">${w.siteTitle}</a> <span>${w.tagline}</span></p>
${siteNav(meta.lang)}
${languageNav(meta.lang, w.language, meta.path)}
</header>
<main id="content">
${body}
</main>
<footer><p>${w.siteTitle} · <a href="/${documentFileName('feeds', 'opml', meta.lang, undefined, 'rss')}">OPML</a> · ${legalLinks(meta.lang)}</p></footer>
<script>${raw(SCRIPT)}</script>
</body>
</html>`;
}
