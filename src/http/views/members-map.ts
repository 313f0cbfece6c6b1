/**
 * @module views/members-map
 * The members' map as inline SVG: Germany and China in panels of their own, each member city a marker (shape and
 * colour by standing, so colour is never the only difference) linking to its page, labelled with its name.
 * No border and no country outline is drawn — maps shown to partners in China must not draw contested borders,
 * and a schematic placement is all the page needs. Beside it, the same cities as a list (for screen readers,
 * and for cities without coordinates).
 */
import { html } from 'hono/html';
import { type Marker, PANEL_EXTENTS, panelSize, placeLabels, project } from '../../core/cities/member-map.js';
import { currentStatus } from '../../core/cities/membership.js';
import { words } from '../../core/i18n/catalogue.js';
import type { City, Country, Lang } from '../../core/model.js';
import { cityPagePath } from '../../core/site-paths.js';

/** Where a city lies (places.json). */
export type Places = Readonly<Record<string, { readonly lat: number; readonly lng: number }>>;

const WIDTH = 400;
const FONT = 12;
const RADIUS = 5;

type Standing = 'member' | 'observer' | 'guest' | 'former';

/** The cities the map shows: those with a standing (venues that never belonged are not members). */
export function mapCities(cities: readonly City[]): Array<{ city: City; standing: Standing }> {
  return cities.flatMap((city) => {
    const standing = currentStatus(city);
    return standing ? [{ city, standing }] : [];
  });
}

/** A marker's shape: a filled dot for a member, a ring for an observer, squares for guests and former members. */
function shape(standing: Standing, x: number, y: number) {
  const r = RADIUS;
  if (standing === 'member') return html`<circle class="m-member" cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r}"/>`;
  if (standing === 'observer') return html`<circle class="m-observer" cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r - 1}"/>`;
  return html`<rect class="m-${standing}" x="${(x - r + 1).toFixed(1)}" y="${(y - r + 1).toFixed(1)}" width="${2 * r - 2}" height="${2 * r - 2}"/>`;
}

const legendLabel = (standing: Standing, lang: Lang) => {
  const w = words(lang).members;
  return { member: w.legendMember, observer: w.legendObserver, guest: w.legendGuest, former: w.legendFormer }[standing];
};

/** One country's panel. */
function panel(country: Country, cities: ReadonlyArray<{ city: City; standing: Standing }>, places: Places, lang: Lang) {
  const w = words(lang).members;
  const extent = PANEL_EXTENTS[country];
  const size = panelSize(extent, WIDTH);
  const shown = cities.filter(({ city }) => city.country === country && places[city.slug]);
  const points = shown.map(({ city }) => {
    const place = places[city.slug] as { lat: number; lng: number };
    return project(extent, size, place.lat, place.lng);
  });
  const markers: Marker[] = shown.map(({ city }, i) => ({ x: points[i]?.x ?? 0, y: points[i]?.y ?? 0, label: city.name[lang] }));
  const labels = placeLabels(markers, size, FONT, RADIUS);
  const title = country === 'DE' ? w.germany : w.china;
  const id = `map-${country.toLowerCase()}`;
  return html`<figure class="map-panel"><svg viewBox="0 0 ${size.width} ${size.height}" role="group" aria-labelledby="${id}-t ${id}-d" class="member-map">
<title id="${id}-t">${w.mapTitle}: ${title}</title><desc id="${id}-d">${w.mapNote}</desc>
<rect class="frame" x="0.5" y="0.5" width="${size.width - 1}" height="${size.height - 1}" rx="6"/>
<text class="panel-title" x="12" y="24">${title}</text>
${shown.map(({ city, standing }, i) => {
  const m = markers[i] as Marker;
  const l = labels[i];
  if (!l) return '';
  const subdivision = city.subdivision ? (words(lang).subdivisions[city.subdivision] ?? city.subdivision) : '';
  return html`<a href="${cityPagePath(city.slug, lang)}"><title>${city.name[lang]}${subdivision ? ` (${subdivision})` : ''} – ${legendLabel(standing, lang)}</title>${
    l.leader
      ? html`<line class="leader" x1="${m.x.toFixed(1)}" y1="${m.y.toFixed(1)}" x2="${(l.anchor === 'start' ? l.x - 2 : l.x + 2).toFixed(1)}" y2="${(l.y - FONT * 0.35).toFixed(1)}"/>`
      : ''
  }${shape(standing, m.x, m.y)}<text x="${l.x.toFixed(1)}" y="${l.y.toFixed(1)}" text-anchor="${l.anchor}">${city.name[lang]}</text></a>`;
})}
</svg><figcaption>${title}</figcaption></figure>`;
}

/** The legend: each standing's shape and name. */
function legend(lang: Lang) {
  const standings: Standing[] = ['member', 'observer', 'guest', 'former'];
  return html`<ul class="map-legend">${standings.map(
    (s) =>
      html`<li><svg viewBox="0 0 14 14" width="14" height="14" aria-hidden="true">${shape(s, 7, 7)}</svg> ${legendLabel(s, lang)}</li>`,
  )}</ul>`;
}

/** The map: both panels, the legend, the coordinates' source. */
export function membersMap(cities: readonly City[], places: Places, source: string, lang: Lang) {
  const w = words(lang).members;
  const shown = mapCities(cities);
  return html`<section aria-labelledby="map"><h2 id="map">${w.mapTitle}</h2>
<p>${w.mapNote}</p>
${legend(lang)}
<div class="map-panels">${panel('DE', shown, places, lang)}${panel('CN', shown, places, lang)}</div>
<p class="hint">${w.coordinates(source)}</p></section>`;
}

/** The same cities as a list by country: name (linked), state or province, standing; those without coordinates said. */
export function membersList(cities: readonly City[], places: Places, lang: Lang) {
  const w = words(lang).members;
  const shown = mapCities(cities);
  const group = (country: Country) =>
    shown
      .filter(({ city }) => city.country === country)
      .sort((a, b) => a.city.name[lang].localeCompare(b.city.name[lang], lang))
      .map(({ city, standing }) => {
        const subdivision = city.subdivision ? (words(lang).subdivisions[city.subdivision] ?? city.subdivision) : '';
        return html`<li><a href="${cityPagePath(city.slug, lang)}">${city.name[lang]}</a>${subdivision ? html` · ${subdivision}` : ''} · ${legendLabel(standing, lang)}${
          places[city.slug] ? '' : html` · ${w.notPlaced}`
        }</li>`;
      });
  return html`<section aria-labelledby="member-list"><h2 id="member-list">${w.list}</h2>
<div class="member-columns"><div><h3>${w.germany}</h3><ul>${group('DE')}</ul></div><div><h3>${w.china}</h3><ul>${group('CN')}</ul></div></div></section>`;
}
