/**
 * @module views/month-view
 * The month grid (Monday first) with each event on the day it happens in its own zone, the other country's date
 * where it differs, "+N more" where a day holds more than the grid shows, the events known only to the month,
 * and the year's months. At narrow widths the stylesheet turns the grid into a list of the days that have events.
 */
import { html } from 'hono/html';
import { DateTime, Info } from 'luxon';
import { pickText } from '../../core/events/localize.js';
import { words } from '../../core/i18n/catalogue.js';
import { LruMap } from '../../core/lru-map.js';
import type { EventRecord, Lang } from '../../core/model.js';
import { eventPagePath } from '../../core/site-paths.js';
import { clockTimes, formatLiteral, placeName } from '../../core/time/event-time-text.js';
import { type MonthKey, monthWeeks, otherSideDate, yearMonths } from '../../core/views/month-grid.js';
import { renderEach } from '../../documents/left-out.js';
import type { MonthListing } from '../../storage/events-repository.js';
import { badges } from './components.js';

/** Month names made before (luxon's formatting costs per call; a page names two dozen months). */
const titles = new LruMap<string>({ entries: 5_000 });

/** The name of a month in a language ("Oktober 2027", "2027年10月"). */
export function monthTitle(month: MonthKey, lang: Lang): string {
  const key = `${lang}${month}`;
  let title = titles.get(key);
  if (title === undefined) {
    title = DateTime.fromISO(`${month}-01`, { zone: 'UTC' }).setLocale(lang).toFormat(words(lang).time.monthFormat);
    titles.set(key, title);
  }
  return title;
}

const date = (value: string, lang: Lang) => formatLiteral({ value, fold: 0 }, lang);

/** One event in a day's cell: title (linked), both sides' clock times, the other side's date where it differs. */
function cellEvent(event: EventRecord, lang: Lang) {
  const title = pickText(event.title, lang);
  const other = otherSideDate(event);
  const times = clockTimes(event, lang);
  return html`<li class="${event.status}"><a href="${eventPagePath(event.id, lang)}" lang="${title?.lang ?? lang}">${badges(event, lang)}${title?.text ?? event.id}</a>${
    times ? html`<span class="t">${times}</span>` : ''
  }${other ? html`<span class="other-date">${words(lang).views.otherDate(placeName(other.zone, lang), date(other.date, lang))}</span>` : ''}</li>`;
}

export interface MonthViewInput {
  readonly month: MonthKey;
  readonly lang: Lang;
  readonly listing: MonthListing;
  /** Today's date (the state's UTC day), marked in the grid. */
  readonly today: string;
  /** Where "+N more" of a day leads (the agenda from that day, same filters). */
  readonly moreHref: (date: string) => string;
  /** The holidays of both sides by date, as labels (core/holidays). */
  readonly holidays: ReadonlyMap<string, readonly string[]>;
}

/** The grid of a month. */
export function monthGrid({ month, lang, listing, today, moreHref, holidays }: MonthViewInput) {
  const v = words(lang).views;
  const weeks = monthWeeks(month);
  const longNames = namesOf('weekdays', 'long', lang);
  const names = namesOf('weekdays', 'short', lang).map((short, i) => ({ short, long: longNames[i] ?? short }));
  const cell = (day: { date: string; inMonth: boolean }, index: number) => {
    const shown = day.inMonth ? listing.days.get(day.date) : undefined;
    const off = day.inMonth ? holidays.get(day.date) : undefined;
    const classes = [day.inMonth ? '' : 'out', shown || off ? 'has' : '', off ? 'holiday' : '', day.date === today ? 'today' : '']
      .filter(Boolean)
      .join(' ');
    const extra = shown ? shown.total - shown.events.length : 0;
    // The full date only where the day has events: the others are hidden on phones, and luxon costs per call.
    return html`<td${classes ? html` class="${classes}"` : ''}><div class="day"><time datetime="${day.date}"><span class="wd">${names[index]?.long ?? ''} </span>${
      shown || off
        ? html`<span class="num" aria-hidden="true">${Number(day.date.slice(8))}</span><span class="full">${date(day.date, lang)}</span>`
        : html`<span class="num">${Number(day.date.slice(8))}</span>`
    }</time>${day.date === today ? html` <span class="today-mark">${v.today}</span>` : ''}</div>${
      off ? html`<ul class="holidays">${off.map((label) => html`<li>${label}</li>`)}</ul>` : ''
    }${
      shown
        ? html`<ul>${renderEach(
            'month view',
            shown.events,
            (e) => e.id,
            (e) => cellEvent(e, lang),
          )}</ul>${extra > 0 ? html`<a class="more" href="${moreHref(day.date)}">${v.more(extra)}</a>` : ''}`
        : ''
    }</td>`;
  };
  return html`<table class="month-grid"><caption>${monthTitle(month, lang)}</caption>
<thead><tr>${names.map((n) => html`<th scope="col"><abbr title="${n.long}">${n.short}</abbr></th>`)}</tr></thead>
<tbody>${weeks.map((week) => html`<tr>${week.map(cell)}</tr>`)}</tbody></table>
${
  listing.undated.total > 0
    ? html`<section aria-labelledby="this-month"><h2 id="this-month">${v.thisMonth}</h2><ul class="events compact">${renderEach(
        'month view',
        listing.undated.events,
        (e) => e.id,
        (e) => cellEvent(e, lang),
      )}</ul>${listing.undated.total > listing.undated.events.length ? html`<p>${v.more(listing.undated.total - listing.undated.events.length)}</p>` : ''}</section>`
    : ''
}
${listing.days.size === 0 && listing.undated.total === 0 ? html`<p>${v.noEventsThisMonth}</p>` : ''}`;
}

const calendarNames = new Map<string, string[]>();

/** Names of the months ("Okt.", "10月") or the weekdays from Monday ("Mo", "Montag", "周一") in a language, made once. */
function namesOf(what: 'months' | 'weekdays', length: 'short' | 'long', lang: Lang): string[] {
  const key = `${what}|${length}|${lang}`;
  let names = calendarNames.get(key);
  if (!names) {
    names = what === 'months' ? Info.months(length, { locale: lang }) : Info.weekdays(length, { locale: lang });
    calendarNames.set(key, names);
  }
  return names;
}

/** Previous and next (monthSteps), then the months of the year: those with events linked, the current one marked. */
export function monthNav(
  month: MonthKey,
  lang: Lang,
  steps: { previous?: MonthKey; next?: MonthKey },
  shown: ReadonlySet<MonthKey>,
  href: (month: MonthKey) => string,
) {
  const v = words(lang).views;
  const year = Number(month.slice(0, 4));
  const short = (m: MonthKey) => namesOf('months', 'short', lang)[Number(m.slice(5)) - 1] ?? m;
  const { previous, next } = steps;
  return html`<nav class="month-nav" aria-label="${v.month}"><ul>
${previous ? html`<li><a rel="prev" href="${href(previous)}" aria-label="${v.previousMonth}: ${monthTitle(previous, lang)}">← ${monthTitle(previous, lang)}</a></li>` : ''}
${next ? html`<li><a rel="next" href="${href(next)}" aria-label="${v.nextMonth}: ${monthTitle(next, lang)}">${monthTitle(next, lang)} →</a></li>` : ''}
</ul></nav>
<nav class="year" aria-label="${v.yearOverview} ${year}"><h2>${v.yearOverview} ${year}</h2><ol>${yearMonths(year).map((m) =>
    m === month
      ? html`<li><a href="${href(m)}" aria-current="page" title="${monthTitle(m, lang)}">${short(m)}</a></li>`
      : shown.has(m)
        ? html`<li><a href="${href(m)}" title="${monthTitle(m, lang)}">${short(m)}</a></li>`
        : html`<li><span title="${monthTitle(m, lang)}">${short(m)}</span></li>`,
  )}</ol></nav>`;
}
