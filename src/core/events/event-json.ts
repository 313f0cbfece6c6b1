/**
 * @module event-json
 * The public JSON of an event (docs/interface.md, "Event JSON"), of the type its schema in api/read-schemas.ts gives.
 */
import type { EventJson, EventTimeJson } from '../api/read-schemas.js';
import { eventHolidays, holidayName } from '../holidays/event-holidays.js';
import type { HolidayPlace } from '../holidays/holidays.js';
import type { City, EventRecord, Lang, SourceCatalogue, WallTime } from '../model.js';
import { utcString, zoneView } from '../time/dual-time.js';
import { earliestInstant, precisionOf } from '../time/wall-time.js';
import { BERLIN, SHANGHAI } from '../time/zones.js';
import { expandCitation } from './citations.js';
import { eventUid } from './identity.js';
import { pickText } from './localize.js';

export interface EventJsonOptions {
  readonly lang: Lang;
  readonly uidDomain: string;
  /** A zone the reader asked to see times in (`?tz=`), already canonical. */
  readonly displayZone?: string | undefined;
  /** The source catalogue, to expand the first citation as `source`. */
  readonly sources: SourceCatalogue;
  /** The cities by slug, for the holidays of the event's places. */
  readonly cities: ReadonlyMap<string, Pick<City, 'country' | 'subdivision'>>;
}

/** The places (country, state) of an event's cities and participants. */
export function eventPlaces(
  event: Pick<EventRecord, 'cities' | 'participants'>,
  cities: ReadonlyMap<string, Pick<City, 'country' | 'subdivision'>>,
): HolidayPlace[] {
  return [...event.cities, ...event.participants].flatMap((slug) => {
    const city = cities.get(slug);
    return city ? [{ country: city.country, subdivision: city.subdivision }] : [];
  });
}

/** One time of an event: the literal at its precision, and for wall times the instant on both sides. */
export function timeJson(
  time: WallTime | null,
  zone: string,
  options: Pick<EventJsonOptions, 'lang' | 'displayZone'>,
): EventTimeJson | null {
  if (!time) return null;
  const precision = precisionOf(time.value);
  if (precision === 'day') return { date: time.value };
  if (precision === 'month') return { month: time.value };
  if (precision === 'year') return { year: time.value };
  const instant = earliestInstant(time, zone);
  const own = zoneView(instant, zone, options.lang);
  const view = (z: string) => {
    const { local, offset, abbr } = zoneView(instant, z, options.lang);
    return { local, offset, abbr };
  };
  return {
    local: time.value,
    timeZone: zone,
    utc: utcString(instant),
    offset: own.offset,
    ...(time.fold === 1 && { fold: 1 as const }),
    berlin: view(BERLIN),
    shanghai: view(SHANGHAI),
    ...(options.displayZone && { display: { ...view(options.displayZone), timeZone: options.displayZone } }),
  };
}

/** An event as the API returns it, in the requested language with fallback. */
export function eventJson(event: EventRecord, options: EventJsonOptions): EventJson {
  const title = pickText(event.title, options.lang);
  const description = pickText(event.description, options.lang);
  const { holidays, knownUntil } = eventHolidays(event, eventPlaces(event, options.cities));
  return {
    id: event.id,
    uid: eventUid(event.id, options.uidDomain),
    kind: event.kind,
    status: event.status,
    allianceWide: event.audience !== null,
    audience: event.audience,
    related: event.related,
    revision: event.revision,
    title: event.title,
    description: event.description,
    lang: title?.lang ?? options.lang,
    displayTitle: title?.text ?? '',
    ...(description && { displayDescription: description.text }),
    cities: [...event.cities],
    participants: [...event.participants],
    timeZone: event.timeZone,
    precision: event.precision,
    allDay: event.precision !== 'minute',
    start: timeJson(event.start, event.timeZone, options),
    // A one-day event without an end lasts that day (interface.md: all-day `end` is the last day).
    end: timeJson(event.end ?? (event.precision === 'day' ? event.start : null), event.timeZone, options),
    location: event.location,
    url: event.url,
    sources: event.sources.map((c) => ({ ...c })),
    // The single-source shape of earlier clients: the first citation, expanded.
    source: event.sources[0] ? expandCitation(event.sources[0], options.sources) : null,
    ...(event.cancelledAt && { cancelledAt: event.cancelledAt }),
    ...(event.cancelReason && { cancelReason: event.cancelReason }),
    updated: event.updated,
    holidays: holidays.map(({ key, ...day }) => ({ ...day, name: holidayName({ key, kind: day.kind }, options.lang) })),
    holidaysKnownUntil: { ...knownUntil },
  };
}
