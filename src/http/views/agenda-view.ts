/**
 * @module views/agenda-view
 * Events grouped by the month they start in (in their own zone), each month's heading linking to its month view.
 */
import { html } from 'hono/html';
import { words } from '../../core/i18n/catalogue.js';
import type { EventRecord, Lang } from '../../core/model.js';
import { type MonthKey, monthOf } from '../../core/views/month-grid.js';
import { renderEach } from '../../documents/left-out.js';
import { type CityNames, eventItem } from './components.js';
import { monthTitle } from './month-view.js';

/** The month an event is listed under: its start's, else (start unknown) its end's. */
export const listedMonth = (event: EventRecord): MonthKey => monthOf(event.start?.value ?? event.end?.value ?? '0000-01');

/** Events (in order) under a heading per month; a sentence when there are none. */
export function agendaList(
  events: readonly EventRecord[],
  lang: Lang,
  names: CityNames,
  zone: string | undefined,
  monthHref: (month: MonthKey) => string,
) {
  if (events.length === 0) return html`<p>${words(lang).views.noEvents}</p>`;
  const groups: Array<{ month: MonthKey; events: EventRecord[] }> = [];
  for (const event of events) {
    const month = listedMonth(event);
    const last = groups.at(-1);
    if (last?.month === month) last.events.push(event);
    else groups.push({ month, events: [event] });
  }
  return groups.map(
    (
      group,
    ) => html`<section class="agenda-month" aria-labelledby="m-${group.month}"><h2 id="m-${group.month}"><a href="${monthHref(group.month)}">${monthTitle(group.month, lang)}</a></h2>
<ul class="events">${renderEach(
      'agenda',
      group.events,
      (e) => e.id,
      (e) => eventItem(e, lang, names, zone),
    )}</ul></section>`,
  );
}
