/**
 * @module zones
 * The two home zones of the alliance, the abbreviations people write for them, and IANA canonicalisation.
 */
import { tzlib_get_timezones } from 'timezones-ical-library';

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
 * IANA names (zones and links) by lower-case spelling. ICU, and so `Intl`, also accepts Java-era IDs
 * such as "PST" that are not in the tz database; the VTIMEZONE package's list is the tz database's.
 */
const IANA_NAMES: ReadonlyMap<string, string> = new Map((tzlib_get_timezones() as string[]).map((name) => [name.toLowerCase(), name]));

/** Resolves an alias or IANA zone name to its canonical IANA name, or `null` when it is neither. */
export function resolveZone(input: string): string | null {
  const key = input.trim().toLowerCase().replace(/\s+/g, ' ');
  const alias = ZONE_ALIASES.get(key);
  if (alias) return alias;
  const name = IANA_NAMES.get(key);
  if (!name) return null;
  // Intl maps links to their canonical zone ("PRC" → "Asia/Shanghai").
  return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
}
