/**
 * @module generate-tz-names
 * `npm run generate:tz`: writes src/core/time/tz-names.json from maintained sources, so the app needs neither
 * the whole tz database in its bundle nor a hand-written table:
 * - `zones` and `links`: the zone names of the IANA tz database (primary zones, and the links that point to
 *   them), from the `tzdata` package;
 * - `vtimezoneFrom`: for each zone whose VTIMEZONE (from `timezones-ical-library`) carries exactly its name, the
 *   first year from which that VTIMEZONE gives the same UTC offsets as the tz data of the runtime, through 2100.
 *   A VTIMEZONE describes a zone's present rules only (Europe/Berlin's says nothing of the September ends of
 *   summer time before 1996, Asia/Shanghai's nothing of China's summer time 1986–1991), so calendars write a
 *   TZID only from that year on, and the UTC instant before it. ical.js reads the VTIMEZONEs here, as Thunderbird
 *   does; a zone whose VTIMEZONE disagrees even in 2100 gets no entry (never a TZID).
 * - `windows`: each Windows zone name (as Outlook writes it in a TZID) to its IANA zone, the one CLDR's
 *   windowsZones table gives for the whole world (territory 001), from the `windows-iana` package (whose own
 *   tables, with every territory and alias, are 77 KiB: too much for the Worker);
 * Run it after updating `tzdata`, `timezones-ical-library` or `windows-iana`; test/core/time/tz-names.test.ts fails while the
 * file is out of date.
 */
import { writeFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import tzdata from 'tzdata' with { type: 'json' };
import { WINDOWS_TO_IANA_MAP } from 'windows-iana';
import { isEntryPoint } from './entry-point.js';

export const TZ_NAMES_FILE = new URL('../core/time/tz-names.json', import.meta.url);

/** Zones no calendar event is in ("Factory" is the tz database's placeholder for an unknown zone). */
const EXCLUDED = new Set(['Factory']);
const FIRST_YEAR = 1900;
const LAST_YEAR = 2100;
const HOUR = 3_600_000;

/** The UTC offset (seconds) of a zone at an instant, from the runtime's ICU. */
function icuOffset(format: Intl.DateTimeFormat, instant: number): number {
  const m = /GMT(?:([+-])(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(format.format(instant));
  if (!m?.[1]) return 0;
  const seconds = Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0);
  return m[1] === '-' ? -seconds : seconds;
}

/**
 * The first year from which a VTIMEZONE agrees with ICU on the 15th of every month at noon UTC (away from any
 * change of offset, where a wall time is ambiguous), searching back from 2100; null when it disagrees in 2100.
 */
function agreesFrom(zone: string, block: string): number | null {
  const tz = new ICAL.Timezone(ICAL.Component.fromString(block));
  const format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
  for (let year = LAST_YEAR; year >= FIRST_YEAR; year--) {
    for (let month = 0; month < 12; month++) {
      const instant = Date.UTC(year, month, 15, 12);
      const offset = icuOffset(format, instant);
      if (icuOffset(format, instant - 3 * HOUR) !== offset || icuOffset(format, instant + 3 * HOUR) !== offset) continue;
      const local = new Date(instant + offset * 1000);
      const wall = new ICAL.Time(
        {
          year: local.getUTCFullYear(),
          month: local.getUTCMonth() + 1,
          day: local.getUTCDate(),
          hour: local.getUTCHours(),
          minute: local.getUTCMinutes(),
          second: local.getUTCSeconds(),
          isDate: false,
        },
        tz,
      );
      if (tz.utcOffset(wall) !== offset) return year === LAST_YEAR ? null : year + 1;
    }
  }
  return FIRST_YEAR;
}

/** The file's text for the installed packages and the runtime's tz data. */
export function tzNamesJson(): string {
  const entries = Object.entries(tzdata.zones as Record<string, unknown>);
  const zones = entries
    .filter(([name, rules]) => Array.isArray(rules) && !EXCLUDED.has(name))
    .map(([name]) => name)
    .sort();
  const known = new Set(zones);
  const links = Object.fromEntries(
    entries
      .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && known.has(entry[1]))
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  const vtimezoneFrom: Record<string, number> = {};
  for (const zone of zones) {
    const block = tzlib_get_ical_block(zone)[0];
    if (typeof block !== 'string' || !new RegExp(`^TZID:${zone.replace(/[+]/g, '\\+')}\\r?$`, 'm').test(block)) continue;
    const from = agreesFrom(zone, block);
    if (from !== null) vtimezoneFrom[zone] = from;
  }
  const primary = (name: string) => (known.has(name) ? name : links[name]);
  const windows = Object.fromEntries(
    Object.values(WINDOWS_TO_IANA_MAP)
      .filter((entry) => entry.territory === '001')
      .flatMap((entry) => {
        const zone = entry.iana[0] && primary(entry.iana[0]);
        return zone ? [[entry.windowsName, zone] as const] : [];
      })
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  const doc = {
    $comment: 'Generated by npm run generate:tz from the tzdata, timezones-ical-library and windows-iana packages; do not edit by hand.',
    tzdata: tzdata.version,
    zones,
    links,
    vtimezoneFrom,
    windows,
  };
  return `${JSON.stringify(doc, null, 1)}\n`;
}

if (isEntryPoint(import.meta.url)) {
  writeFileSync(TZ_NAMES_FILE, tzNamesJson());
  console.log(`wrote ${TZ_NAMES_FILE.pathname}`);
}
