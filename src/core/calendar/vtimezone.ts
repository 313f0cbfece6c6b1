/**
 * @module vtimezone
 * VTIMEZONE components (RFC 5545 §3.6.5) for the zones a calendar uses, from the maintained
 * `timezones-ical-library` package: every TZID written has its VTIMEZONE, so Outlook does not guess, and a TZID
 * is written only where that VTIMEZONE is right (tzidFits).
 */
import { tzlib_get_ical_block } from 'timezones-ical-library';
import tzNames from '../time/tz-names.json' with { type: 'json' };

/** The first year from which a zone's VTIMEZONE gives the tz data's offsets (tz-names.json, generated). */
const VTIMEZONE_FROM: Readonly<Record<string, number>> = tzNames.vtimezoneFrom;

/**
 * Whether a time at `instant` may be written with `TZID=<zone>`: the VTIMEZONE package has a block of exactly
 * that name (not a linked zone's), and its rules — the zone's present ones — held at that date. Otherwise a
 * client would read the time as floating, or with rules the zone did not have then (Berlin in 1995, Shanghai
 * in 1990), and the time is written in UTC instead.
 */
export function tzidFits(zone: string, instant: number): boolean {
  const from = VTIMEZONE_FROM[zone];
  // From the 2nd of January (UTC), so no local 1 January of a year still under older rules is taken.
  return from !== undefined && instant >= Date.UTC(from, 0, 2) && vtimezone(zone) !== null;
}

/** Blocks looked up so far, by zone name (at most the tz database's few hundred). */
const blocks = new Map<string, string | null>();

/** The VTIMEZONE block of an IANA zone, CRLF line ends, or null when the package has none. */
export function vtimezone(zone: string): string | null {
  let block = blocks.get(zone);
  if (block === undefined) {
    const found = tzlib_get_ical_block(zone)[0];
    block =
      typeof found === 'string' && found.startsWith('BEGIN:VTIMEZONE')
        ? `${found.replace(/\r?\n/g, '\r\n').replace(/\r\n$/, '')}\r\n`
        : null;
    blocks.set(zone, block);
  }
  return block;
}
