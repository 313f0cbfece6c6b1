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
import { homePath } from '../../core/site-paths.js';
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

const STYLE = `
:root{color-scheme:light;--fg:#1a1a1a;--muted:#4a4a4a;--line:#d0d0d0;--accent:#0b5394;--bg:#fff;--soft:#f3f6fa}
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","PingFang SC","Microsoft YaHei",sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--accent)}a:focus,button:focus,input:focus{outline:3px solid #f0a500;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px}
header,main,footer{max-width:60rem;margin:0 auto;padding:1rem}
header{border-bottom:1px solid var(--line)}header p{margin:.25rem 0;color:var(--muted)}
nav ul{list-style:none;display:flex;gap:1rem;padding:0;margin:.5rem 0;flex-wrap:wrap}
h1{font-size:1.6rem;margin:.25rem 0}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid var(--line)}
.events{list-style:none;padding:0}.events li{padding:.75rem 0;border-bottom:1px solid var(--line)}
.when{color:var(--muted);font-size:.95rem}.cancelled .what{text-decoration:line-through}
.badge{display:inline-block;font-size:.8rem;font-weight:600;padding:0 .4rem;border-radius:.25rem;background:#8a1c1c;color:#fff;margin-right:.4rem}
.badge.tentative{background:#6b4e00}
.badge.related{background:#4a4a4a}
.box{background:var(--soft);border:1px solid var(--line);border-radius:.5rem;padding:1rem;margin:1rem 0}
.box ul{padding-left:1.2rem}.copy{display:flex;gap:.5rem;flex-wrap:wrap}.copy input{flex:1;min-width:12rem;padding:.4rem;font:inherit}
button{font:inherit;padding:.4rem .8rem;border:1px solid var(--accent);background:#fff;color:var(--accent);border-radius:.3rem;cursor:pointer}
.cities{columns:14rem}.cities li{break-inside:avoid}
footer{border-top:1px solid var(--line);color:var(--muted);font-size:.9rem}
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
<p><a href="${homePath(meta.lang)}">${w.siteTitle}</a> · ${w.tagline}</p>
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
