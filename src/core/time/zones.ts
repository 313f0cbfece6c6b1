/**
 * @module zones
 * The two home zones of the alliance, the abbreviations people write for them, and IANA canonicalisation.
 */
import tzNames from './tz-names.json' with { type: 'json' };

export const BERLIN = 'Europe/Berlin';
export const SHANGHAI = 'Asia/Shanghai';

/**
 * Abbreviations and names people use for the two home zones. They are resolved before any IANA lookup,
 * so "CST" is China Standard Time here and never US Central.
 */
const ZONE_ALIASES: ReadonlyMap<string, string> = new Map([
  ['cet', BERLIN],
  ['cest', BERLIN],
  ['mez', BERLIN],
  ['mesz', BERLIN],
  ['cst', SHANGHAI],
  ['china standard time', SHANGHAI],
  ['beijing time', SHANGHAI],
  ['北京时间', SHANGHAI],
]);

/**
 * Names of the tz database (primary zones and links), by lower-case spelling, each to its primary name:
 * `Asia/Calcutta` → `Asia/Kolkata`, `PRC` → `Asia/Shanghai`. From tz-names.json (generated from the `tzdata`
 * package), not from ICU: ICU also accepts Java-era IDs such as "PST", and it canonicalises to legacy names
 * (`Asia/Kolkata` → `Asia/Calcutta`) that the VTIMEZONE package does not know.
 */
const TZ_NAMES: ReadonlyMap<string, string> = new Map([
  ...tzNames.zones.map((name): [string, string] => [name.toLowerCase(), name]),
  ...Object.entries(tzNames.links as Record<string, string>).map(([link, primary]): [string, string] => [link.toLowerCase(), primary]),
]);

/** Zone names checked against the runtime's ICU so far (at most the tz database's few hundred). */
const usable = new Map<string, boolean>();

/** Whether the runtime's ICU can compute offsets in a zone (a zone newer than its data cannot). */
function runtimeKnows(zone: string): boolean {
  let known = usable.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      known = true;
    } catch {
      known = false;
    }
    usable.set(zone, known);
  }
  return known;
}

/** A zone name as the tables key it: trimmed, lower case, single spaces. */
const spelling = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');

/** Resolves an alias or tz database name to its primary IANA name, or `null` when it is neither (or unusable here). */
export function resolveZone(input: string): string | null {
  const key = spelling(input);
  const name = ZONE_ALIASES.get(key) ?? TZ_NAMES.get(key);
  return name !== undefined && runtimeKnows(name) ? name : null;
}

/** The version of the tz database the zone names come from. */
export const TZ_DATABASE_VERSION: string = tzNames.tzdata;

/** Windows zone names by lower-case spelling, each to its IANA zone (CLDR windowsZones, via tz-names.json). */
const WINDOWS_NAMES: ReadonlyMap<string, string> = new Map(
  Object.entries(tzNames.windows as Record<string, string>).map(([name, zone]): [string, string] => [spelling(name), zone]),
);

/**
 * The IANA zone a calendar file names in a TZID: a tz database name or alias, or a Windows zone name as Outlook
 * writes them (`W. Europe Standard Time`, `China Standard Time`), mapped through CLDR's windowsZones table.
 */
export function zoneOfCalendarName(name: string): string | null {
  const direct = resolveZone(name);
  if (direct) return direct;
  const windows = WINDOWS_NAMES.get(spelling(name));
  return windows ? resolveZone(windows) : null;
}
