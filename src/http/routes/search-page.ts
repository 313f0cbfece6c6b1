/**
 * @module routes/search-page
 * `/search?q=`: events whose titles, descriptions or places match every word of the query, in any of the
 * three languages, or that take place in a city whose name matches it (core/text/search-text.ts says how
 * Chinese and umlauts are matched). The database's full-text index answers (FTS5 on SQLite and D1); what is
 * coming up first, then what was. Takes the filters and `city`; built per request, never kept.
 */
import { type Context, Hono } from 'hono';
import { html } from 'hono/html';
import { words } from '../../core/i18n/catalogue.js';
import type { City, Lang } from '../../core/model.js';
import { searchPath } from '../../core/site-paths.js';
import { searchIndexText, searchTerms, termMatchesIndexed } from '../../core/text/search-text.js';
import { referenceData } from '../../documents/reference-data.js';
import { ensureSearchIndex, type SearchTerm, searchEvents, searchTooBroad } from '../../storage/search-repository.js';
import type { AppEnv } from '../env.js';
import { cityNames, directPage, type PageRequest, page } from '../page-request.js';
import { requireCity } from '../query.js';
import { viewParams } from '../view-request.js';
import { eventList } from '../views/components.js';
import { filterForm, selectionQuery, viewNav, withQuery } from '../views/view-controls.js';
import { viewPage } from '../views/view-page.js';

/** Results shown: as many as a city page lists (a search is narrowed by more words, not paged). */
const UPCOMING = 30;
const EARLIER = 10;
/** More matches than this for every word: the reader is asked for another word or a filter instead. */
const MAX_MATCHES = 2_000;

/** The cities' names and aliases as the index holds text, made once per reference data. */
const cityTexts = new WeakMap<readonly City[], ReadonlyArray<{ slug: string; indexed: string }>>();

/** Cities whose names or aliases a term matches as the index would match their events' texts. */
function matchingCities(term: string, cities: readonly City[]): string[] {
  let texts = cityTexts.get(cities);
  if (!texts) {
    texts = cities.map((c) => ({ slug: c.slug, indexed: searchIndexText([c.name.de, c.name.en, c.name.zh, ...c.aliases].join('\n')) }));
    cityTexts.set(cities, texts);
  }
  return texts.filter((c) => termMatchesIndexed(term, c.indexed)).map((c) => c.slug);
}

async function searchPage(c: Context<AppEnv>, page: PageRequest): Promise<Response> {
  const deps = c.get('deps');
  const { lang } = page;
  const params = viewParams(c);
  const city = params.city ? await requireCity(deps, c.get('cache'), params.city, 'query.city') : undefined;
  const text = params.q?.trim() ?? '';
  const { selection, zone } = params;
  const query = selectionQuery(selection);
  const path = (l: Lang) =>
    withQuery(
      `${searchPath}?lang=${l}`,
      [text && `q=${encodeURIComponent(text)}`, city && `city=${city.slug}`, query].filter(Boolean).join('&'),
    );
  return directPage(c, page, async ({ day }) => {
    const reference = await referenceData(deps, c.get('cache'));
    const v = words(lang).views;
    const terms: SearchTerm[] = searchTerms(text).map((t) => ({ match: t.match, cities: matchingCities(t.text, reference.cities) }));
    let results = html``;
    if (text) {
      await ensureSearchIndex(deps.store);
      const filter = { terms, ...selection, ...(city && { city: city.slug }) };
      const broad = await searchTooBroad(deps.store.db, terms, MAX_MATCHES);
      const upcoming = broad ? [] : await searchEvents(deps.store.db, { ...filter, from: day, limit: UPCOMING });
      const earlier = broad ? [] : await searchEvents(deps.store.db, { ...filter, before: day, limit: EARLIER });
      const names = cityNames(reference, lang);
      results = broad
        ? html`<p role="status">${v.tooBroad(MAX_MATCHES)}</p>`
        : upcoming.length + earlier.length === 0
          ? html`<p role="status">${v.noResults}</p>`
          : html`${eventList(words(lang).pages.upcoming, upcoming, lang, names, v.noEvents, zone)}${earlier.length ? eventList(v.earlier, earlier, lang, names, undefined, zone) : ''}`;
    }
    const heading = text ? v.searchResults(text) : v.search;
    const body = html`<h1>${heading}</h1>
${viewNav(lang, 'search', new Date(day).toISOString().slice(0, 7), selection, city)}
<form method="get" action="${searchPath}" role="search" class="search" aria-label="${heading}">
<input type="hidden" name="lang" value="${lang}">
<label for="q">${v.searchLabel}</label> <input id="q" name="q" type="search" value="${text}" maxlength="200" enterkeyhint="search">
<button type="submit">${v.searchButton}</button>
</form>
<p class="hint">${v.searchHint}</p>
${filterForm(lang, searchPath, selection, reference.cities, city, { lang, ...(text && { q: text }) })}
${results}`;
    return viewPage({ lang, heading, publicUrl: deps.config.publicUrl, path, city, selection, body });
  });
}

export const searchRoutes = new Hono<AppEnv>().get(searchPath, (c) => page(c, (p) => searchPage(c, p)));
