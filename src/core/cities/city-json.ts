/**
 * @module city-json
 * The public JSON of a city, of the type its schema in api/read-schemas.ts gives.
 */
import type { CityJson } from '../api/read-schemas.js';
import type { City, Lang } from '../model.js';
import { currentStatus, memberSince } from './membership.js';

/** A city as the API returns it, with its name in the requested language and its listing URLs. */
export function cityJson(city: City, lang: Lang, publicUrl: string): CityJson {
  const { revision: _revision, ...rest } = city;
  const status = currentStatus(city);
  return {
    ...rest,
    aliases: [...city.aliases],
    memberships: city.memberships.map((m) => ({ ...m, sources: m.sources.map((c) => ({ ...c })) })),
    status,
    member: status === 'member',
    memberSince: memberSince(city),
    displayName: city.name[lang],
    links: {
      events: `${publicUrl}/api/v1/events?city=${city.slug}`,
      page: `${publicUrl}/cities/${city.slug}`,
      calendar: `${publicUrl}/cities/${city.slug}/calendar.ics`,
    },
  };
}
