/**
 * @module member-timeline
 * How many members each country had over the years, from the membership periods (membership.ts says when a
 * period counts): the count at the end of each year, and today for the current one.
 */
import type { City, Country } from '../model.js';
import { earliestInstant } from '../time/wall-time.js';
import { periodEnd, periodStart } from './membership.js';

/** Members of each country at one instant. */
export interface YearCount {
  readonly year: number;
  readonly DE: number;
  readonly CN: number;
}

/** Whether the city is a member at the instant. */
function memberAt(city: Pick<City, 'memberships' | 'timeZone'>, instant: number): boolean {
  return city.memberships.some(
    (p) =>
      p.status === 'member' &&
      periodStart(p, city.timeZone) <= instant &&
      (periodEnd(p, city.timeZone) ?? Number.POSITIVE_INFINITY) > instant,
  );
}

/**
 * Members per country at the end of each year from the first member period's year to today's (the last one at
 * `today`, an instant); empty when no city was ever a member.
 */
export function memberCounts(cities: readonly Pick<City, 'memberships' | 'timeZone' | 'country'>[], today: number): YearCount[] {
  const starts = cities.flatMap((c) => c.memberships.filter((p) => p.status === 'member').map((p) => Number(p.from.slice(0, 4))));
  if (starts.length === 0) return [];
  const thisYear = new Date(today).getUTCFullYear();
  const counts: YearCount[] = [];
  for (let year = Math.min(...starts); year <= thisYear; year++) {
    // The year's last moment in each city's own zone (New Year comes to Foshan seven hours before Köln).
    const instant = (zone: string) => (year === thisYear ? today : earliestInstant({ value: `${year + 1}-01-01`, fold: 0 }, zone) - 1);
    const count = (country: Country) => cities.filter((c) => c.country === country && memberAt(c, instant(c.timeZone))).length;
    counts.push({ year, DE: count('DE'), CN: count('CN') });
  }
  return counts;
}
