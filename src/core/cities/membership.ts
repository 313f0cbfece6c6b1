/**
 * @module membership
 * When a membership period counts (docs/interface.md, "Cities"): a period naming `admittedAt` includes that
 * event; otherwise a period whose `from` is a day counts from that day, and one whose `from` is a month or a
 * year from the day after it ends — so an event is never given to a city the sources do not yet show as a
 * member. A period ends where `to` begins.
 */
import { words } from '../i18n/catalogue.js';
import type { City, Lang, Membership, MembershipStatus } from '../model.js';
import { earliestInstant, latestInstant, precisionOf } from '../time/wall-time.js';

/** The first instant (ms) a period counts from, in the city's zone. */
export function periodStart(period: Pick<Membership, 'from'>, zone: string): number {
  const from = { value: period.from, fold: 0 as const };
  return precisionOf(period.from) === 'day' ? earliestInstant(from, zone) : latestInstant(from, zone) + 1;
}

/** The first instant (ms) a period no longer counts, or null while it lasts. */
export function periodEnd(period: Pick<Membership, 'to'>, zone: string): number | null {
  return period.to === undefined ? null : earliestInstant({ value: period.to, fold: 0 }, zone);
}

/** The earliest member period's start as given (a literal), or null for a city that never was a member. */
export function memberSince(city: Pick<City, 'memberships'>): string | null {
  return city.memberships.find((m) => m.status === 'member')?.from ?? null;
}

/**
 * The city's standing as the sources last show it: the status of its open period, `former` when every period
 * has ended, or null for a venue that never belonged.
 */
export function currentStatus(city: Pick<City, 'memberships'>): MembershipStatus | 'former' | null {
  if (city.memberships.length === 0) return null;
  return city.memberships.find((m) => m.to === undefined)?.status ?? 'former';
}

/**
 * Cities grouped by their standing now, as directories and feed lists show them: German members, Chinese
 * members, observers and guests, former members, other venues (empty groups left out).
 */
export function cityGroups<C extends Pick<City, 'memberships' | 'country'>>(
  cities: readonly C[],
  lang: Lang,
): Array<{ title: string; cities: C[] }> {
  const w = words(lang).pages;
  const withStatus = (test: (status: ReturnType<typeof currentStatus>) => boolean) => cities.filter((c) => test(currentStatus(c)));
  return [
    { title: w.germanMembers, cities: withStatus((s) => s === 'member').filter((c) => c.country === 'DE') },
    { title: w.chineseMembers, cities: withStatus((s) => s === 'member').filter((c) => c.country === 'CN') },
    { title: w.observersAndGuests, cities: withStatus((s) => s === 'observer' || s === 'guest') },
    { title: w.formerMembers, cities: withStatus((s) => s === 'former') },
    { title: w.venues, cities: withStatus((s) => s === null) },
  ].filter((group) => group.cities.length > 0);
}
