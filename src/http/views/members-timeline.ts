/**
 * @module views/members-timeline
 * The membership timeline as inline SVG: members per country at each year's end, one line per country (solid
 * for Germany, dashed for China, each labelled at its end), the plenary assemblies as ticks along the top; and
 * the same figures as a table.
 */
import { html } from 'hono/html';
import type { YearCount } from '../../core/cities/member-timeline.js';
import { pickText } from '../../core/events/localize.js';
import { words } from '../../core/i18n/catalogue.js';
import type { EventRecord, Lang } from '../../core/model.js';
import { eventPagePath } from '../../core/site-paths.js';

const W = 640;
const H = 280;
const LEFT = 36;
const RIGHT = 110;
const TOP = 36;
const BOTTOM = 30;

/** A plenary's place on the time axis: its year and the fraction of it (from the start, or the end when unknown). */
function plenaryTime(event: EventRecord): number | null {
  const value = event.start?.value ?? event.end?.value;
  if (!value) return null;
  const month = value.length >= 7 ? Number(value.slice(5, 7)) : 6.5;
  return Number(value.slice(0, 4)) + (month - 0.5) / 12;
}

/** The chart and the table. */
export function membersTimeline(counts: readonly YearCount[], plenaries: readonly EventRecord[], lang: Lang) {
  const w = words(lang).members;
  if (counts.length === 0) return '';
  const first = counts[0]?.year ?? 0;
  const last = (counts.at(-1)?.year ?? first) + 1;
  const top = Math.max(5, Math.ceil(Math.max(...counts.flatMap((c) => [c.DE, c.CN])) / 5) * 5);
  const x = (t: number) => LEFT + ((t - first) / (last - first)) * (W - LEFT - RIGHT);
  const y = (n: number) => TOP + (1 - n / top) * (H - TOP - BOTTOM);
  // Each year's count stands at the year's end.
  const line = (country: 'DE' | 'CN') => counts.map((c) => `${x(c.year + 1).toFixed(1)},${y(c[country]).toFixed(1)}`).join(' ');
  const end = counts.at(-1) as YearCount;
  const step = counts.length > 8 ? 2 : 1;
  const ticks = plenaries.flatMap((p) => {
    const t = plenaryTime(p);
    return t === null || t < first || t > last ? [] : [{ t, p }];
  });
  const labelY = (country: 'DE' | 'CN') => {
    const a = y(end[country]);
    const b = y(end[country === 'DE' ? 'CN' : 'DE']);
    // Keep the two end labels apart when the lines end close together.
    return Math.abs(a - b) < 14 ? (a <= b ? a - 7 : a + 7) : a;
  };
  return html`<section aria-labelledby="timeline"><h2 id="timeline">${w.timeline}</h2>
<p>${w.timelineNote}</p>
<svg class="timeline" viewBox="0 0 ${W} ${H}" role="group" aria-labelledby="timeline-t"><title id="timeline-t">${w.timeline}</title>
${Array.from({ length: top / 5 + 1 }, (_, i) => i * 5).map(
  (n) =>
    html`<line class="grid" x1="${LEFT}" x2="${W - RIGHT}" y1="${y(n).toFixed(1)}" y2="${y(n).toFixed(1)}"/><text class="axis" x="${LEFT - 6}" y="${(y(n) + 4).toFixed(1)}" text-anchor="end">${n}</text>`,
)}
${counts
  .filter((c) => (c.year - first) % step === 0)
  .map((c) => html`<text class="axis" x="${x(c.year + 0.5).toFixed(1)}" y="${H - 10}" text-anchor="middle">${c.year}</text>`)}
${ticks.map(
  ({ t, p }) =>
    html`<a href="${eventPagePath(p.id, lang)}"><title>${pickText(p.title, lang)?.text ?? p.id}</title><polygon class="plenary" points="${x(t).toFixed(1)},${TOP - 12} ${(x(t) - 4).toFixed(1)},${TOP - 19} ${(x(t) + 4).toFixed(1)},${TOP - 19}"/></a>`,
)}
<polyline class="de" points="${line('DE')}"/><polyline class="cn" points="${line('CN')}"/>
<text class="end de" x="${(x(end.year + 1) + 6).toFixed(1)}" y="${(labelY('DE') + 4).toFixed(1)}">${w.germany} ${end.DE}</text>
<text class="end cn" x="${(x(end.year + 1) + 6).toFixed(1)}" y="${(labelY('CN') + 4).toFixed(1)}">${w.china} ${end.CN}</text>
</svg>
<table class="counts"><caption>${w.timeline}</caption><thead><tr><th scope="col">${w.year}</th><th scope="col">${w.germany}</th><th scope="col">${w.china}</th><th scope="col">${w.plenaries}</th></tr></thead>
<tbody>${counts.map((c) => {
    const held = ticks.filter(({ t }) => Math.floor(t) === c.year);
    return html`<tr><th scope="row">${c.year}</th><td>${c.DE}</td><td>${c.CN}</td><td>${held.map(
      ({ p }, i) => html`${i ? ' · ' : ''}<a href="${eventPagePath(p.id, lang)}">${pickText(p.title, lang)?.text ?? p.id}</a>`,
    )}</td></tr>`;
  })}</tbody></table></section>`;
}
