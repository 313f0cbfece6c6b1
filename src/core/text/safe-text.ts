/**
 * @module safe-text
 * Characters no output may carry. XML 1.0 §2.2 allows TAB, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and
 * U+10000–U+10FFFF: so no other C0 control, no lone surrogate, no U+FFFE or U+FFFF. iCalendar TEXT allows HTAB
 * only (RFC 5545 §3.3.11; line breaks are escaped). DEL, the C1 controls and the other noncharacters
 * (U+FDD0–U+FDEF, U+nFFFE/U+nFFFF of every plane) are legal XML but no text needs them, and the HTML standard
 * reports each as a parse error. Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) let one title
 * pose as another. Input with any of these is refused at the edge (unsafeCharacter); renderers strip them all
 * the same (withoutUnsafeCharacters), for data stored before the edge refused them.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/u;
const NONCHARACTER = /\p{Noncharacter_Code_Point}/u;
const DELETE_AND_C1 = /[\u007F-\u009F]/u;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const ALL_UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|\p{Cs}|\p{Noncharacter_Code_Point}/gu;

const REFUSED: ReadonlyArray<readonly [RegExp, string]> = [
  [XML_FORBIDDEN, 'a character XML cannot carry'],
  [DELETE_AND_C1, 'a control character'],
  [NONCHARACTER, 'a noncharacter'],
  [BIDI_CONTROL, 'a bidirectional control character'],
];

/** What is wrong with a text for output, as a phrase naming the first character refused, or null. */
export function unsafeCharacter(text: string): string | null {
  for (const [pattern, why] of REFUSED) {
    const m = pattern.exec(text);
    if (m) return `${why} (U+${(m[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')} at position ${m.index})`;
  }
  return null;
}

/** The text without the characters above; CRLF and lone CR become LF. */
export function withoutUnsafeCharacters(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(ALL_UNSAFE, '');
}
