/**
 * @module control-characters
 * Text for formats that forbid control characters: XML 1.0 allows only TAB, LF and CR below U+0020
 * (XML 1.0 §2.2), and iCalendar TEXT allows HTAB only (RFC 5545 §3.3.11; line breaks are escaped).
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** The text without control characters other than TAB, LF and CR; CRLF and lone CR become LF. */
export function withoutControlCharacters(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL, '');
}
