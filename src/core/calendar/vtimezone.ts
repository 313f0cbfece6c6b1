/**
 * @module vtimezone
 * VTIMEZONE components (RFC 5545 §3.6.5) for the zones a calendar uses, from the maintained
 * `timezones-ical-library` package: every TZID written has its VTIMEZONE, so Outlook does not guess.
 */
import { tzlib_get_ical_block } from 'timezones-ical-library';

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
