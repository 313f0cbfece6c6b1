/**
 * @module fold
 * Content-line folding by octets. RFC 5545 §3.1: lines SHOULD NOT be longer than 75 octets, excluding the
 * line break; a long line is split by CRLF followed by one space, and a split must not fall inside a UTF-8
 * sequence. `ics` folds at 75 characters (a Chinese line measured 105 octets), so its lines are unfolded
 * and folded again here.
 */

const MAX_OCTETS = 75;

/** UTF-8 length of one code point. */
function octets(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** Folds one unfolded content line into physical lines of at most 75 octets, joined by CRLF + space. */
export function foldLine(line: string): string {
  // At most 3 octets per UTF-16 unit: short lines need no measuring.
  if (line.length * 3 <= MAX_OCTETS) return line;
  // ASCII: one octet per character, so plain slices.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range includes control characters
  if (/^[\x00-\x7F]*$/.test(line)) {
    if (line.length <= MAX_OCTETS) return line;
    const ascii = [line.slice(0, MAX_OCTETS)];
    for (let i = MAX_OCTETS; i < line.length; i += MAX_OCTETS - 1) ascii.push(line.slice(i, i + MAX_OCTETS - 1));
    return ascii.join('\r\n ');
  }
  const parts: string[] = [];
  let current = '';
  let size = 0;
  let limit = MAX_OCTETS;
  for (const char of line) {
    const n = octets(char.codePointAt(0) ?? 0);
    if (size + n > limit) {
      parts.push(current);
      current = '';
      size = 0;
      // Continuation lines start with the folding space, which counts towards their 75 octets.
      limit = MAX_OCTETS - 1;
    }
    current += char;
    size += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** Undoes folding (RFC 5545 §3.1): a CRLF followed by one space or tab is removed. */
export function unfold(text: string): string {
  return text.replace(/\r\n[ \t]/g, '');
}
