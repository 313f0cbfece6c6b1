/**
 * Octet folding (RFC 5545 §3.1), checked against expectations worked out by hand from the rule (75 octets per
 * physical line including the leading space of a continuation, never inside a UTF-8 sequence) and read back
 * by two real parsers.
 */
import { describe, expect, it } from 'vitest';
import { foldLine } from '../../../src/core/calendar/fold.js';
import { parseWithNodeIcal } from '../../fixtures/ics-parser-node.js';
import { parseWithIcalJs } from '../../fixtures/ics-parsers.js';

/** A calendar around one event whose SUMMARY line is given as written (folded or not). */
const calendarWith = (summaryLine: string) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//test//fold//EN',
    'BEGIN:VEVENT',
    'UID:fold@test.invalid',
    'DTSTAMP:20270101T000000Z',
    'DTSTART;VALUE=DATE:20271024',
    summaryLine,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');

describe('octet folding (RFC 5545 §3.1)', () => {
  it('cuts Chinese text after 22 three-octet characters: 8 + 66 = 74 octets, a 23rd would make 77', () => {
    const line = `SUMMARY:${'佛'.repeat(30)}`;
    expect(foldLine(line)).toBe(`SUMMARY:${'佛'.repeat(22)}\r\n ${'佛'.repeat(8)}`);
  });

  it('moves a four-octet emoji whole to the next line when only its first octets would fit', () => {
    // "X:" and 72 letters are 74 octets; the emoji (4 octets) does not fit into the one octet left.
    expect(foldLine(`X:${'a'.repeat(72)}😀b`)).toBe(`X:${'a'.repeat(72)}\r\n 😀b`);
    // With 73 letters the first line is exactly 75 octets.
    expect(foldLine(`X:${'a'.repeat(73)}😀`)).toBe(`X:${'a'.repeat(73)}\r\n 😀`);
  });

  it('counts the folding space: continuation lines carry 74 octets of content', () => {
    const line = `DESCRIPTION:${'x'.repeat(63 + 74 + 5)}`;
    expect(foldLine(line)).toBe(`DESCRIPTION:${'x'.repeat(63)}\r\n ${'x'.repeat(74)}\r\n ${'x'.repeat(5)}`);
    // Two-octet letters: 37 × 2 = 74 after the space, so a continuation holds 37 of them.
    expect(foldLine(`S:${'ß'.repeat(36 + 37 + 1)}`)).toBe(`S:${'ß'.repeat(36)}\r\n ${'ß'.repeat(37)}\r\n ß`);
  });

  it('leaves lines of at most 75 octets alone', () => {
    expect(foldLine('SUMMARY:佛山')).toBe('SUMMARY:佛山');
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
  });

  it('reads back as the original text in ical.js and node-ical', () => {
    const title = `${'佛山科隆Köln😀👩‍💻ß '.repeat(20)}`.trim();
    const folded = foldLine(`SUMMARY:${title}`);
    expect(folded.split('\r\n').length).toBeGreaterThan(5);
    for (const physical of folded.split('\r\n')) expect(new TextEncoder().encode(physical).length).toBeLessThanOrEqual(75);
    const text = calendarWith(folded);
    expect(parseWithIcalJs(text)[0]?.summary).toBe(title);
    expect(parseWithNodeIcal(text)[0]?.summary).toBe(title);
  });
});
