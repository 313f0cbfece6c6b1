/**
 * @module page-request
 * What every page route shares: the reader's language (path, `?lang=`, Accept-Language, German), the reader's
 * zone, serving a page through the document pipeline or directly, and errors as HTML pages with the API's
 * statuses. Public pages may not be framed; only the embeds may (routes/embed-pages.ts).
 */

import type { Context } from 'hono';
import { accepts } from 'hono/accepts';
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { encodeUtf8 } from '../core/bytes.js';
import { eventPlaces } from '../core/events/event-json.js';
import { words } from '../core/i18n/catalogue.js';
import { isLang, LANGS, type Lang } from '../core/model.js';
import { homePath } from '../core/site-paths.js';
import type { DocumentState } from '../documents/pipeline.js';
import type { ReferenceData } from '../documents/reference-data.js';
import type { AppEnv } from './env.js';
import { ApiError } from './errors.js';
import { parseZone } from './query.js';
import { requestState, serveSpec } from './serve-documents.js';
import type { CityNames } from './views/components.js';
import { layout } from './views/layout.js';

/** Pages other sites may not frame (clickjacking); the embeds say otherwise. */
export const NO_FRAMES = { 'X-Frame-Options': 'DENY', 'Content-Security-Policy': "frame-ancestors 'none'" } as const;

/**
 * The language a path names (`index.zh.html`), else `?lang=` when valid, else Accept-Language (zh-CN → zh), else
 * German; and whether the URL alone names it.
 */
export function pageLang(c: Context<AppEnv>, fromPath?: string): { lang: Lang; byUrl: boolean } {
  if (fromPath && isLang(fromPath)) return { lang: fromPath, byUrl: true };
  const asked = c.req.query('lang');
  if (asked && isLang(asked)) return { lang: asked, byUrl: true };
  const negotiated = accepts(c, {
    header: 'Accept-Language',
    supports: [...LANGS],
    default: 'de',
    match: (list, config) => {
      const sorted = list.filter((a) => a.q > 0).sort((a, b) => b.q - a.q);
      for (const a of sorted) {
        const primary = a.type.toLowerCase().split('-')[0] ?? '';
        if (config.supports.includes(primary)) return primary;
      }
      return config.default;
    },
  }) as Lang;
  return { lang: negotiated, byUrl: false };
}

export interface PageRequest {
  readonly lang: Lang;
  readonly byUrl: boolean;
}

/**
 * A page through the document pipeline: built once per data version and day, keyed by its static path and the
 * reader's zone. Pages change with the data and the language; a minute of shared caching is plenty. `frames`:
 * the headers saying who may frame it (nobody, but for the embeds).
 */
export function servePage(
  c: Context<AppEnv>,
  page: PageRequest,
  key: string,
  render: (state: DocumentState) => Promise<HtmlEscapedString>,
  frames: Record<string, string> = NO_FRAMES,
) {
  return serveSpec(c, {
    key,
    meta: {
      contentType: 'text/html; charset=utf-8',
      cacheControl: 'public, max-age=60',
      headers: { 'Content-Language': page.lang, Vary: 'Accept-Language', ...frames },
      byUrl: page.byUrl,
    },
    build: async (state) => ({ body: encodeUtf8(String(await render(state))), lastModified: Date.parse(state.changedAt) }),
  });
}

/**
 * A page built for this request alone (a search, an agenda from a chosen day): the reader's query decides it,
 * so it is not kept, stored or remembered by URL — strangers' queries cost no storage.
 */
export async function directPage(c: Context<AppEnv>, page: PageRequest, render: (state: DocumentState) => Promise<HtmlEscapedString>) {
  const body = await render(await requestState(c));
  return c.html(body, 200, { 'Cache-Control': 'public, max-age=60', 'Content-Language': page.lang, Vary: 'Accept-Language', ...NO_FRAMES });
}

/** Renders a page, turning expected errors into an HTML page with the same status. */
export async function page(c: Context<AppEnv>, render: (page: PageRequest) => Promise<Response>, pathLang?: string): Promise<Response> {
  const asked = pageLang(c, pathLang);
  const { lang } = asked;
  try {
    return await render(asked);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const w = words(lang);
    const heading =
      error.status === 404
        ? w.errors.notFound
        : error.status === 410
          ? w.errors.gone
          : error.status < 500
            ? w.errors.badRequest
            : w.errors.failed;
    const body = layout(
      {
        lang,
        title: `${heading} – ${w.pages.siteTitle}`,
        description: error.message,
        publicUrl: c.get('deps').config.publicUrl,
        path: homePath,
        feeds: [],
      },
      html`<h1>${heading}</h1><p>${error.message}</p><p><a href="${homePath(lang)}">${w.pages.back}</a></p>`,
    );
    return c.html(body, error.status, NO_FRAMES);
  }
}

/** The reader's zone (`?tz=`): a zone of the contract, or a 400 naming `query.tz`. */
export const readerZone = (c: Context<AppEnv>) => parseZone(c.req.query('tz'), 'query.tz');

/** The cities as lists of events show them: names by slug in a language, and each event's places. */
export function cityNames(reference: ReferenceData, lang: Lang): CityNames {
  const names = new Map(reference.cities.map((city) => [city.slug, city.name[lang]]));
  return { name: (slug) => names.get(slug) ?? slug, places: (event) => eventPlaces(event, reference.citiesBySlug) };
}
