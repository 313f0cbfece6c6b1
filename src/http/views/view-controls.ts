/**
 * @module views/view-controls
 * What the month view, the agenda and search share: the links between the views of a listing, the filter form
 * (a plain GET form, so a filtered view is a URL to bookmark and to subscribe to), and the filters as a query.
 */
import { html } from 'hono/html';
import { words } from '../../core/i18n/catalogue.js';
import { AUDIENCES, type City, EVENT_KINDS, type Lang, RELATED_FILTERS, type Selection } from '../../core/model.js';
import { agendaPagePath, cityPagePath, homePath, monthPagePath } from '../../core/site-paths.js';

/** A selection as the query of a view's URL (`kind=plenary,visit&audience=DE`), canonical; empty for none. */
export function selectionQuery(selection: Selection): string {
  const query = new URLSearchParams();
  if (selection.kinds?.length) query.set('kind', selection.kinds.join(','));
  if (selection.audience) query.set('audience', selection.audience);
  if (selection.related) query.set('related', selection.related);
  return query.toString();
}

/** A path with a query appended (`?…` or `&…`), or the path alone when the query is empty. */
export function withQuery(path: string, query: string): string {
  return query ? `${path}${path.includes('?') ? '&' : '?'}${query}` : path;
}

/** Which view a page is, for the links between them. */
export type ViewName = 'list' | 'month' | 'agenda' | 'search';

/** Links from a view to the listing's other views, keeping its filters; the current one marked (search is a form). */
export function viewNav(lang: Lang, current: ViewName, month: string, selection: Selection, city?: City) {
  const w = words(lang);
  const query = selectionQuery(selection);
  const links: Array<[ViewName, string, string]> = [
    ['list', city ? cityPagePath(city.slug, lang) : homePath(lang), city ? city.name[lang] : w.pages.upcoming],
    ['month', withQuery(monthPagePath(month, lang, city?.slug), query), w.views.month],
    ['agenda', withQuery(agendaPagePath(lang, city?.slug), query), w.views.agenda],
  ];
  return html`<nav class="views" aria-label="${w.views.navigation}"><ul>${links.map(([name, href, label]) =>
    name === current ? html`<li><a href="${href}" aria-current="page">${label}</a></li>` : html`<li><a href="${href}">${label}</a></li>`,
  )}</ul></nav>`;
}

/**
 * The filter form of a view: kinds, audience, related items and the city (a `city` the route turns into the
 * city's own address). `hidden` carries what else the view's URL holds (the search text).
 */
export function filterForm(
  lang: Lang,
  action: string,
  selection: Selection,
  cities: readonly City[],
  city?: City,
  hidden: Record<string, string> = {},
) {
  const w = words(lang);
  const v = w.views;
  const kinds = new Set(selection.kinds ?? []);
  const sorted = [...cities].sort((a, b) => a.name[lang].localeCompare(b.name[lang], lang));
  const related = selection.related ?? 'include';
  const relatedLabel = { include: v.relatedInclude, exclude: v.relatedExclude, only: v.relatedOnly } as const;
  return html`<details class="filters"${selection.kinds || selection.audience || selection.related ? ' open' : ''}><summary>${v.filters}</summary>
<form method="get" action="${action}">
${Object.entries(hidden).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)}
<fieldset><legend>${v.kind}</legend>${EVENT_KINDS.map(
    (kind) => html`<label><input type="checkbox" name="kind" value="${kind}"${kinds.has(kind) ? ' checked' : ''}> ${w.kinds[kind]}</label>`,
  )}</fieldset>
<p><label for="f-audience">${v.audience}</label> <select id="f-audience" name="audience"><option value="">${v.anyAudience}</option>${AUDIENCES.map(
    (a) => html`<option value="${a}"${selection.audience === a ? ' selected' : ''}>${w.selection.audiences[a]}</option>`,
  )}</select></p>
<p><label for="f-related">${v.relatedItems}</label> <select id="f-related" name="related">${RELATED_FILTERS.map(
    (r) => html`<option value="${r}"${related === r ? ' selected' : ''}>${relatedLabel[r]}</option>`,
  )}</select></p>
<p><label for="f-city">${v.city}</label> <select id="f-city" name="city"><option value="">${v.allCities}</option>${sorted.map(
    (c) => html`<option value="${c.slug}"${city?.slug === c.slug ? ' selected' : ''}>${c.name[lang]}</option>`,
  )}</select></p>
<p><button type="submit">${v.show}</button> <a href="${withQuery(action, new URLSearchParams(hidden).toString())}">${v.clearFilters}</a></p>
</form></details>`;
}
