/**
 * @module vtimezone
 * VTIMEZONE components (RFC 5545 §3.6.5) for the zones a calendar uses, from the maintained
 * `timezones-ical-library` package: every TZID written has its VTIMEZONE, so Outlook does not guess.
 */
import { tzlib_get_ical_block } from 'timezones-ical-library';

/** The VTIMEZONE block of an IANA zone, CRLF line ends, or null when the package has none. */
export function vtimezone(zone: string): string | null {
  const block = tzlib_get_ical_block(zone)[0];
  if (typeof block !== 'string' || !block.startsWith('BEGIN:VTIMEZONE')) return null;
  return `${block.replace(/\r?\n/g, '\r\n').replace(/\r\n$/, '')}\r\n`;
}
