import { describe, expect, it } from 'vitest';
import { foldLine, unfold } from '../../../src/core/calendar/fold.js';

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const octets = (s: string) => new TextEncoder().encode(s).length;

describe('octet folding (RFC 5545 §3.1)', () => {
  const title = `SUMMARY;LANGUAGE=zh:${'佛山科隆Köln😀👩‍💻ß'.repeat(30)}`.slice(0, 320);

  it('keeps every physical line within 75 octets, never inside a UTF-8 sequence', () => {
    const folded = foldLine(title);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(5);
    for (const [i, line] of physical.entries()) {
      expect(octets(line), line).toBeLessThanOrEqual(75);
      if (i > 0) expect(line.startsWith(' ')).toBe(true);
      // Each physical line decodes on its own: no sequence was split.
      expect(() => strict.decode(new TextEncoder().encode(line))).not.toThrow();
    }
  });

  it('gives back the exact text when unfolded', () => {
    expect(unfold(foldLine(title))).toBe(title);
    const ascii = `DESCRIPTION:${'x'.repeat(200)}`;
    expect(unfold(foldLine(ascii))).toBe(ascii);
    expect(foldLine(ascii).split('\r\n')[0]).toHaveLength(75);
  });

  it('leaves short lines alone', () => {
    expect(foldLine('SUMMARY:佛山')).toBe('SUMMARY:佛山');
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
  });
});
