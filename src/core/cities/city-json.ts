/**
 * @module city-json
 * The public JSON of a city, of the type its schema in api/read-schemas.ts gives.
 */
import type { CityJson } from '../api/read-schemas.js';
import type { City, Lang } from '../model.js';

/** A city as the API returns it, with its name in the requested language and its listing URLs. */
export function cityJson(city: City, lang: Lang, publicUrl: string): CityJson {
  return {
    ...city,
    aliases: [...city.aliases],
    displayName: city.name[lang],
    links: {
      events: `${publicUrl}/api/v1/events?city=${city.slug}`,
      page: `${publicUrl}/cities/${city.slug}`,
      calendar: `${publicUrl}/cities/${city.slug}/calendar.ics`,
    },
  };
}
